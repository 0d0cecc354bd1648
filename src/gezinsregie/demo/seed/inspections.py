"""Demo supervision: three published documents of real approaches (public STJ documents, imported as the
import command does), and Zeldenbroek's own policy-level inspections — last year's published with improvement
points, this year's open for the respondents' answers. Last year's nota van bevindingen is published too, with a
section and a conclusion per theme and the learning meeting; each inspection has a typering of the approach
(figures 3, 6 and 8 of the 21-municipality report), so the reports and the aggregate report show them
(reports.authoring).

Everything goes through the inspection services. Last year's inspection was published before the demo began,
on a day in the past: it is stored as a published inspection (inspection_import_published, as the report
import's system account), so its improvement points get their term from the same rule as any publication.
This year's goes the inspector's way: created, respondents invited, the questionnaire opened.

The imported Zwolle follow-up shows the points across years (issue 13 §8): doorzettingsmacht, X in 2013 and
again in 2014, is one point per approach with both findings in its history and its term renewed from the 2014
publication (long past: flagged "termijn verstreken"); the 2013 inspections hold a ✓ for every indicator the
document does not list, and the 2014 ones carry them forward ("✓ (2013, niet opnieuw getoetst)").
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
from gezinsregie.reports.authoring.services import ImportedSection, approach_profile_save, report_narrative_import
from gezinsregie.reports.importing import follow_up_import, report_import
from gezinsregie.reports.models import DatePrecision

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
    _typering(last_year, coordination="at_distance", plan_leading="no", availability_problems="often")
    _nota_last_year(approach, inspectorate)
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
    # the inspector has started the typering: the plan leads now, availability is not known yet
    approach_profile_save(actor=inspector, inspection=this_year, coordination="both", plan_leading="yes")


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


def _typering(inspection: Inspection, **answers: str) -> None:
    """The typering of an inspection published before the demo began, stored as the import stores one."""
    report_narrative_import(
        actor=system_actor(SystemPurpose.IMPORT_REPORTS),
        inspection=inspection,
        precision=DatePrecision.DAY,
        profile=answers,
    )


# Zeldenbroek's nota van bevindingen of last year, written per theme as the Maastricht nota is (§3, §4, §6)
NOTA_IMPROVEMENTS = {
    "C2.a.1": "De probleemanalyse is in twee van de drie gezinnen zonder het gezin gemaakt.",
    "C2.c.3": "Waar een steunend netwerk ontbreekt, is het opbouwen ervan geen doel in het plan.",
    "C5.c.1": "Over de nazorg zijn bij het afsluiten geen afspraken gemaakt.",
}
NOTA_NOT_ASSESSED = {"C5.b.1": "Geen van de onderzochte gezinnen had een aanpassing van de intensiteit nodig."}
NOTA_SECTIONS = [
    ("goes_well", "Eén plan dat leeft", "Alle drie de gezinnen hadden één gezinsplan, dat na elk rondetafeloverleg "
     "is bijgewerkt. Afspraken uit het overleg staan als actie bij een doel.", "Het gezinsplan is in Zeldenbroek een "
     "levend document: wie wat doet en wanneer, staat erin, ook wat het gezin zelf doet.", ("De aanpak",)),
    ("goes_well", "Gezinnen worden niet losgelaten", "Ook als een gezin de deur niet opendoet, blijft de regisseur "
     "langskomen. Drang en dwang worden pas ingezet na een besluit van de procesmanager.", "De aanpak is "
     "vasthoudend: een gezin verlaat de aanpak alleen met een expliciet besluit.", ("De aanpak", "Continu")),
    ("can_be_better", "Het gezin bij de probleemanalyse", "In twee gezinnen maakten de professionals de analyse "
     "zonder het gezin. De gezinnen herkenden later niet alle problemen.", "Betrek het gezin bij elke stap, ook "
     "bij de eerste analyse.", ("Gezin centraal",)),
    ("can_be_better", "Nazorg beter regelen", "Bij het afsluiten is niet afgesproken wie een vinger aan de pols "
     "houdt en welke signalen het gezin terugbrengen.", "De nazorg is te vrijblijvend geregeld.", ("Continu",)),
    ("conclusion", "Algemene conclusie", "De aanpak werkt met één plan per gezin en laat gezinnen niet los. Het gezin "
     "moet eerder meepraten, en wat na de aanpak komt moet vaster geregeld zijn.", "", ()),
    ("conclusion", "Aanbevelingen", "- Maak de probleemanalyse samen met het gezin.\n- Maak bij elke afsluiting "
     "afspraken over nazorg: wie houdt een vinger aan de pols, hoe vaak, en wat brengt het gezin terug.", "", ()),
    ("learning_meeting", "", "Na het onderzoek kwamen de gemeente, de netwerkpartners en de inspectie bijeen om de "
     "bevindingen te bespreken en te bedenken hoe de verbeteringen tot stand komen.", "", ()),
    ("learning_meeting", "Wat zeker behouden moet blijven", "- Eén plan per gezin, bijgewerkt na elk overleg.\n"
     "- De vasthoudendheid van de regisseurs.", "", ()),
    ("learning_meeting", "Vervolg", "De gemeente laat over een jaar weten hoe het de verbeterpunten oppakt.",
     "", ()),
]  # fmt: skip


def _nota_last_year(approach: Approach, inspectorate: Organisation) -> Inspection:
    """Last year's case-level inspection, published before the demo began, with its chapters per theme."""
    system = system_actor(SystemPurpose.IMPORT_REPORTS)
    today = timezone.localdate()

    def judgement(key: str) -> str:
        if key in NOTA_IMPROVEMENTS:
            return Judgement.IMPROVEMENT
        return Judgement.NOT_ASSESSED if key in NOTA_NOT_ASSESSED else Judgement.MET

    rows = [
        services.ImportedRow(
            indicators=[indicator],
            findings=[
                services.ImportedFinding(
                    judgement=judgement(indicator.key),
                    text=NOTA_IMPROVEMENTS.get(indicator.key) or NOTA_NOT_ASSESSED.get(indicator.key) or MET_TEXT,
                )
            ],
        )
        for indicator in selectors.level_indicators(approach.framework_id, InspectionLevel.CASE)
    ]
    inspection = services.inspection_import_published(
        actor=system,
        approach=approach,
        framework=approach.framework,
        organisation=inspectorate,
        level=InspectionLevel.CASE,
        year=today.year - 1,
        title=f"Nota van bevindingen {approach.name} {today.year - 1}",
        published_on=today - timedelta(days=PUBLISHED_DAYS_AGO - 40),
        rows=rows,
        description=approach.description,
    ).inspection
    themes = {t.name: t for t in inspection.framework.levels.get(key=InspectionLevel.CASE).themes.all()}
    report_narrative_import(
        actor=system,
        inspection=inspection,
        precision=DatePrecision.DAY,
        sections=[
            ImportedSection(chapter, title, text, conclusion, tuple(themes[name] for name in names))
            for chapter, title, text, conclusion, names in NOTA_SECTIONS
        ],
        profile={"coordination": "at_distance", "plan_leading": "yes", "availability_problems": "sometimes"},
    )
    return inspection
