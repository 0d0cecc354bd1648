"""Demo supervision: three published documents of real approaches (public STJ documents, imported as an
inspector would), and Zeldenbroek's own policy-level inspections — last year's published with improvement
points, this year's open for the respondents' answers.
"""

from datetime import date, timedelta
from pathlib import Path

from django.utils import timezone

from gezinsregie.accounts.models import User
from gezinsregie.frameworks.models import Framework, Indicator
from gezinsregie.inspections.models import (
    AttentionNote,
    Finding,
    ImprovementPoint,
    ImprovementReport,
    Inspection,
    InspectionLevel,
    InspectionStatus,
    Judgement,
    Respondent,
    RespondentKind,
)
from gezinsregie.organisations.models import Approach, Organisation
from gezinsregie.reports.importing import follow_up_import, report_import

DATA = Path(__file__).resolve().parents[1] / "data"
FOLLOW_UP = "verbeterpunten-zwolle-2015.txt"  # Zwolle 2013 → 2014: the follow-up format
PUBLISHED_REPORTS = [
    ("factsheet-oosterhout-gezinsmanager-2013.txt", "Oosterhout"),
    ("nota-van-bevindingen-maastricht-2014.txt", "Maastricht"),
]
# Zeldenbroek 2025: what the inspector found wanting (the usual suspects of the 21-municipality report)
IMPROVEMENTS = {
    "B1.a.2": "De gemeente heeft geen zicht op de omvang van de doelgroep en de wijken waar deze gezinnen wonen.",
    "B3.b.2": "De doorzettingsmacht van de regisseur is niet geregeld.",
    "B4.a.2": "Er zijn geen afspraken over opschalen bij stagnatie.",
    "B3.a.6": "De gemeente evalueert de resultaten van de aanpak niet.",
}


def demo_inspections(
    *, approach: Approach, inspector: User, inspectorate: Organisation, municipality_org: Organisation,
    partners: list[Organisation], reporter: User,
) -> None:  # fmt: skip
    for name, municipality in PUBLISHED_REPORTS:
        report_import(text=(DATA / name).read_text(), municipality=municipality, approach=None, year=None, source=name)
    follow_up_import(text=(DATA / FOLLOW_UP).read_text(), municipality="Zwolle", approach=None, source=FOLLOW_UP)
    today = timezone.localdate()
    last_year = _inspection(approach, inspector, inspectorate, today.year - 1, InspectionStatus.PUBLISHED)
    for respondent in [municipality_org, *partners]:
        _respondent(last_year, respondent, inspector, date(today.year - 1, 3, 1), submitted=True)
    framework: Framework = approach.framework
    for position, indicator in enumerate(
        Indicator.objects.filter(
            criterion__theme__level__framework=framework, criterion__theme__level__key="policy"
        ).order_by("criterion__theme__order", "criterion__order", "order")
    ):
        problem = IMPROVEMENTS.get(indicator.key)
        finding = Finding.objects.create(
            inspection=last_year,
            judgement=Judgement.IMPROVEMENT if problem else Judgement.MET,
            text=problem or "De gemeente en de netwerkpartners geven hier een eenduidig en onderbouwd beeld van.",
            order=position,
            updated_by=inspector,
        )
        finding.indicators.set([indicator])
        if indicator.key == "B3.c.1":
            AttentionNote.objects.create(finding=finding, text="Het plan is niet altijd leidend voor het handelen.")
        if problem:
            point = ImprovementPoint.objects.create(finding=finding, due_on=date(today.year, 12, 31))
            if indicator.key == "B1.a.2":
                ImprovementReport.objects.create(
                    point=point,
                    reported_by=reporter,
                    reported_on=today - timedelta(days=30),
                    text="Sinds dit jaar registreren alle partners hun aanmeldingen in Gezinsregie; de gemeente "
                    "ziet de populatie per wijk op de pagina Populatie.",
                )
    this_year = _inspection(approach, inspector, inspectorate, today.year, InspectionStatus.OPEN)
    for respondent in [municipality_org, *partners]:
        _respondent(this_year, respondent, inspector, today - timedelta(days=14), submitted=False)


def _inspection(approach: Approach, inspector: User, inspectorate: Organisation, year: int, status: str) -> Inspection:
    return Inspection.objects.create(
        approach=approach,
        framework=approach.framework,
        level=InspectionLevel.POLICY,
        year=year,
        title=f"Toezichtonderzoek beleidsniveau {approach.name} {year}",
        status=status,
        organisation=inspectorate,
        created_by=inspector,
        published_at=timezone.now() - timedelta(days=200) if status == InspectionStatus.PUBLISHED else None,
        description=approach.description,
    )


def _respondent(
    inspection: Inspection, organisation: Organisation, inspector: User, invited: date, *, submitted: bool
) -> None:
    kind = RespondentKind.MUNICIPALITY if organisation.municipality_id else RespondentKind.PARTNER
    Respondent.objects.create(
        inspection=inspection,
        organisation=organisation,
        kind=kind,
        invited_on=invited,
        invited_by=inspector,
        submitted_at=timezone.now() - timedelta(days=250) if submitted else None,
    )
