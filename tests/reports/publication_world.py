"""What the publication tests share: two inspections of the inspection world, publishing, reading pages."""

import re
from datetime import timedelta

from django.urls import reverse

from gezinsregie.accounts.models import User
from gezinsregie.frameworks.models import Indicator
from gezinsregie.inspections import selectors, services
from gezinsregie.inspections.models import AttentionNote, Finding, Inspection, InspectionLevel, InspectionStatus
from tests.worlds.inspections import (
    YEAR,
    InspectionWorld,
    answer_everything,
    judge_everything,
    respondent_of,
)

S = InspectionStatus
THEMES = ["Toeleiding", "Gezin centraal", "De aanpak", "Samenwerking", "Continu"]
GEMEENTE_ZICHT = "Geen zicht op de omvang van de doelgroep."
ROW_TEXTS = ["Er is beleid, ook voor deze gezinnen.", "Er is nog geen gezamenlijke visie.", "Doelen zijn gedeeld."]
CASE_FINDING = "Het gezin De Vries is niet betrokken bij de probleemanalyse; Sanne de Vries wist van niets."


# --- the world ----------------------------------------------------------------------------------------------------


def indicator_of(inspection: Inspection, key: str) -> Indicator:
    return next(i for i in selectors.indicators_of(inspection) if i.key == key)


def make_factsheet_inspection(iw: InspectionWorld) -> Inspection:
    inspection = services.inspection_create(
        actor=iw.inspector, approach=iw.approach, level=InspectionLevel.POLICY, year=YEAR
    )
    services.respondents_invite(
        actor=iw.inspector, inspection=inspection, organisations=[iw.gemeente, iw.police, iw.ggz, iw.debts]
    )
    services.inspection_advance(actor=iw.inspector, inspection=inspection, to=S.OPEN)
    who = {iw.gemeente: iw.policy_officer, iw.police: iw.police_prof, iw.ggz: iw.ggz_prof, iw.debts: iw.debts_coord}
    for organisation, actor in who.items():
        answer_everything(actor, respondent_of(inspection, organisation))
    services.inspection_advance(actor=iw.inspector, inspection=inspection, to=S.JUDGING)
    services.finding_save(
        actor=iw.inspector,
        inspection=inspection,
        indicators=[indicator_of(inspection, "B1.a.2")],
        judgement="improvement",
        text=GEMEENTE_ZICHT,
        notes=["De gemeente schat het aantal gezinnen op ongeveer achttien."],
    )
    # One published row, three indicators, three findings: each finding covers the row's indicators (importer).
    row = [indicator_of(inspection, key) for key in ("B3.a.1", "B3.a.2", "B3.a.3")]
    order = selectors.positions(selectors.indicators_of(inspection))[row[0].pk]
    for text, judgement in zip(ROW_TEXTS, ("met", "improvement", "met"), strict=True):
        finding = Finding.objects.create(
            inspection=inspection, judgement=judgement, text=text, order=order, row=7, updated_by=iw.inspector
        )
        finding.indicators.set(row)
    AttentionNote.objects.create(finding=Finding.objects.get(text=ROW_TEXTS[0]), text="Niet specifiek voor GGSR.")
    judge_everything(iw.inspector, inspection, lambda i: "not_assessed" if i.key == "B5.b.1" else "met")
    services.inspection_update_texts(
        actor=iw.inspector,
        inspection=inspection,
        description="De gezinsmanager werkt outreachend.\nHij komt bij het gezin thuis.\n\n"
        "Circa 18 gezinnen krijgen ondersteuning. <script>alert(1)</script>",
    )
    inspection.refresh_from_db()
    return inspection


def make_case_inspection(iw: InspectionWorld) -> Inspection:
    inspection = services.inspection_create(
        actor=iw.inspector, approach=iw.approach, level=InspectionLevel.CASE, year=YEAR
    )
    a = services.case_review_add(actor=iw.inspector, inspection=inspection, family=iw.families["mandated"])
    b = services.case_review_add(actor=iw.inspector, inspection=inspection, family=iw.families["full"])
    held = iw.today - timedelta(days=3)
    for review in (a, b):
        for kind in ("family", "coordinator", "professional"):
            services.interview_add(
                actor=iw.inspector,
                case_review=review,
                kind=kind,
                held_on=held,
                interviewee="Schuldhulpverlener, Schuldhulp Testdam",
                summary="Sanne de Vries vertelde over Noah; Gezin Bakker aan de Molenstraat 7 ook.",
            )
    services.plan_review_save(
        actor=iw.inspector, case_review=a, plan_reviewed=True, plan_review="Het plan van Sanne is niet bijgewerkt."
    )
    services.inspection_advance(actor=iw.inspector, inspection=inspection, to=S.JUDGING)
    first = selectors.indicators_of(inspection)[0]
    services.case_findings_save(
        actor=iw.inspector, case_review=a, judgements=[(first, "improvement", "Noah de Vries spijbelt; GR-INS-1.")]
    )
    services.finding_save(
        actor=iw.inspector,
        inspection=inspection,
        indicators=[indicator_of(inspection, "C2.a.1")],
        judgement="improvement",
        text=CASE_FINDING,
        notes=["Bij GR-INS-2 (Molenstraat 7) evenmin; noah werd niet gehoord."],
    )
    judge_everything(iw.inspector, inspection, lambda i: "not_assessed" if i.key == "C5.b.1" else "met")
    services.inspection_update_texts(
        actor=iw.inspector,
        inspection=inspection,
        description="Het Veiligheidshuis voert de regie.",
        goes_well="Gezinnen worden niet losgelaten, ook Gezin De Vries niet.\n\nKleine successen worden gevierd.",
        can_be_better="Niet altijd een plan:\n- geen trajectplan bij de familie Bakker;\n- plannen niet bijgewerkt.",
        conclusion="De aanpak is vasthoudend.",
        recommendations="- Werk met één plan per gezin.\n- Betrek het gezin bij de probleemanalyse.",
    )
    inspection.refresh_from_db()
    return inspection


def publish(iw: InspectionWorld, inspection: Inspection) -> Inspection:
    services.inspection_publish(actor=iw.inspector, inspection=inspection)
    inspection.refresh_from_db()
    return inspection


def page_url(inspection: Inspection, *, pdf: bool = False) -> str:
    name = "factsheet" if inspection.level == InspectionLevel.POLICY else "case_report"
    return reverse(f"reports:{name}{'_pdf' if pdf else ''}", args=[inspection.pk])


def words(html: str) -> str:
    """The page as words, without tags and with single spaces."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def report_part(html: str) -> str:
    """Only the report itself (the page around it names the logged-in user)."""
    start = html.index('<article class="gr-report"')
    return html[start : html.index("</article>", start)]


def personal_data(iw: InspectionWorld) -> list[str]:
    """Everything that identifies a family of the sample or a person who filled in or conducted anything."""
    found: list[str] = []
    for family in (iw.families["mandated"], iw.families["full"]):
        found += [family.name, family.reference, family.address, family.name.removeprefix("Gezin ")]
        for member in family.members.all():
            found += [member.first_name, member.last_name, f"{member.first_name} {member.last_name}"]
    return found


def person_names(*users: User) -> list[str]:
    return [f"{u.first_name} {u.last_name}" for u in users]
