"""Demo supervision: three published documents of real approaches (public STJ documents, imported as the
import command does), and Zeldenbroek's own policy-level inspections — last year's published with improvement
points, this year's open for the respondents' answers.

Everything goes through the inspection services. Last year's inspection was published before the demo began,
on a day in the past: it is stored as a published inspection (inspection_import_published, as the report
import's system account), so its improvement points get their term from the same rule as any publication.
This year's goes the inspector's way: created, respondents invited, the questionnaire opened.
"""

from datetime import timedelta
from pathlib import Path

from django.utils import timezone

from gezinsregie.accounts.models import User
from gezinsregie.accounts.system import SystemPurpose, system_actor
from gezinsregie.inspections import selectors, services
from gezinsregie.inspections.models import (
    Inspection,
    InspectionLevel,
    InspectionStatus,
    Judgement,
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
# Zeldenbroek last year: what the inspector found wanting (the usual suspects of the 21-municipality report)
IMPROVEMENTS = {
    "B1.a.2": "De gemeente heeft geen zicht op de omvang van de doelgroep en de wijken waar deze gezinnen wonen.",
    "B3.b.2": "De doorzettingsmacht van de regisseur is niet geregeld.",
    "B4.a.2": "Er zijn geen afspraken over opschalen bij stagnatie.",
    "B3.a.6": "De gemeente evalueert de resultaten van de aanpak niet.",
}
MET_TEXT = "De gemeente en de netwerkpartners geven hier een eenduidig en onderbouwd beeld van."
NOTES = {"B3.c.1": ("Het plan is niet altijd leidend voor het handelen.",)}
PUBLISHED_DAYS_AGO = 200
PROGRESS = (
    "Sinds dit jaar registreren alle partners hun aanmeldingen in Gezinsregie; de gemeente ziet de populatie per "
    "wijk op de pagina Populatie."
)


def demo_inspections(
    *, approach: Approach, inspector: User, inspectorate: Organisation, municipality_org: Organisation,
    partners: list[Organisation], reporter: User,
) -> None:  # fmt: skip
    for name, municipality in PUBLISHED_REPORTS:
        report_import(text=(DATA / name).read_text(), municipality=municipality, approach=None, year=None, source=name)
    follow_up_import(text=(DATA / FOLLOW_UP).read_text(), municipality="Zwolle", approach=None, source=FOLLOW_UP)
    today = timezone.localdate()
    last_year = _published_last_year(approach, inspectorate, [municipality_org, *partners])
    point = selectors.points_for(reporter).get(finding__inspection=last_year, finding__indicators__key="B1.a.2")
    services.improvement_report_add(actor=reporter, point=point, text=PROGRESS, reported_on=today - timedelta(days=30))

    this_year = services.inspection_create(
        actor=inspector,
        approach=approach,
        level=InspectionLevel.POLICY,
        year=today.year,
        title=_title(approach, today.year),
    )
    services.inspection_update_texts(actor=inspector, inspection=this_year, description=approach.description)
    services.respondents_invite(actor=inspector, inspection=this_year, organisations=[municipality_org, *partners])
    services.inspection_advance(actor=inspector, inspection=this_year, to=InspectionStatus.OPEN)


def _title(approach: Approach, year: int) -> str:
    return f"Toezichtonderzoek beleidsniveau {approach.name} {year}"


def _published_last_year(approach: Approach, inspectorate: Organisation, respondents: list[Organisation]) -> Inspection:
    today = timezone.localdate()
    published_on = today - timedelta(days=PUBLISHED_DAYS_AGO)
    indicators = selectors.level_indicators(approach.framework_id, InspectionLevel.POLICY)
    rows = [
        services.ImportedRow(
            indicators=[indicator],
            findings=[
                services.ImportedFinding(
                    judgement=Judgement.IMPROVEMENT if indicator.key in IMPROVEMENTS else Judgement.MET,
                    text=IMPROVEMENTS.get(indicator.key, MET_TEXT),
                    notes=NOTES.get(indicator.key, ()),
                )
            ],
        )
        for indicator in indicators
    ]
    invited_on = published_on - timedelta(days=75)
    answered_at = timezone.now() - timedelta(days=PUBLISHED_DAYS_AGO + 50)
    return services.inspection_import_published(
        actor=system_actor(SystemPurpose.IMPORT_REPORTS),
        approach=approach,
        framework=approach.framework,
        organisation=inspectorate,
        level=InspectionLevel.POLICY,
        year=today.year - 1,
        title=_title(approach, today.year - 1),
        published_on=published_on,
        respondents=[
            services.ImportedRespondent(
                organisation=o,
                kind=RespondentKind.MUNICIPALITY if o.municipality_id else RespondentKind.PARTNER,
                invited_on=invited_on,
                submitted_at=answered_at,
            )
            for o in respondents
        ],
        rows=rows,
        description=approach.description,
    ).inspection
