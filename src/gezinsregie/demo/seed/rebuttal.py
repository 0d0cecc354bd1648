"""Demo machtiging and hoor en wederhoor: two families of Gezinsmanagement mandate the inspectorate (recorded by
their process manager, one of them with full scope), and this year's case-level inspection of Gezinsmanagement
looks at them: judged and sent to the municipality as a concept. The municipality (beleid) has responded to two
findings; the inspector has answered one of them, the other waits for an answer, and the term still runs.

Everything goes through the services, as the process manager, the inspector and the policy officer would. The demo
coordinator's own families stay without a mandate (the browser test records one).
"""

from datetime import timedelta

from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.casework.models import FamilyStatus, MandateScope
from gezinsregie.casework.services.mandate import mandate_record
from gezinsregie.inspections import selectors, services
from gezinsregie.inspections.models import InspectionLevel, InspectionStatus, InterviewKind, Judgement
from gezinsregie.organisations.models import Approach, Organisation

IMPROVEMENTS = {
    "C2.a.1": "In een van de twee onderzochte gezinnen is de probleemanalyse zonder het gezin gemaakt.",
    "C3.a.5": "De resultaten van de aanpak worden niet op vaste momenten met het gezin geëvalueerd.",
}
NOT_ASSESSED = {"C5.c.1"}  # neither family has finished the approach yet
MET_TEXT = "In de onderzochte gezinnen is dit in de dossiers en in de gesprekken terug te zien."
INTERVIEWS = [
    (InterviewKind.FAMILY, "", "Het gezin weet wie de regisseur is en voelt zich serieus genomen."),
    (InterviewKind.COORDINATOR, "regisseur, Maatschappelijk werk", "Het plan wordt bij elk overleg bijgewerkt."),
    (InterviewKind.PROFESSIONAL, "schuldhulpverlener, Schuldhulpverlening", "De afspraken uit het plan zijn helder."),
]
DISAGREE = (
    "Sinds september evalueren de regisseurs elk kwartaal met het gezin; dat staat in het werkproces van de aanpak. "
    "Wij vragen de inspectie de bevinding daarop aan te passen."
)
ANSWERED = (
    "Bij beide gezinnen is met het gezin gekeken welke problemen het zelf kan oplossen. Dank voor de bevestiging."
)


SIGNED_BY = ("moeder", "beide ouders")


def _mandates(*, approach: Approach, manager: User, inspectorate: Organisation, spare: User) -> None:
    today = timezone.localdate()
    families = (
        policy.families_for(manager, policy.Permission.EDIT)
        .filter(approach=approach, status=FamilyStatus.ACTIVE)
        .exclude(coordinator=spare)
        .order_by("reference")[:2]
    )
    for n, family in enumerate(families):
        mandate_record(
            actor=manager,
            family=family,
            organisation=inspectorate,
            scope=MandateScope.FULL if n else MandateScope.PSEUDONYMISED,
            signed_by=SIGNED_BY[n],
            granted_on=max(family.registered_on, today - timedelta(days=40 - 5 * n)),
            expires_on=today + timedelta(days=150),
        )


def demo_rebuttal(
    *, approach: Approach, manager: User, inspector: User, inspectorate: Organisation, officer: User, spare: User
) -> None:
    """`manager` records the mandates of families not coordinated by `spare`; `officer` responds for the
    municipality."""
    _mandates(approach=approach, manager=manager, inspectorate=inspectorate, spare=spare)
    today = timezone.localdate()
    inspection = services.inspection_create(
        actor=inspector,
        approach=approach,
        level=InspectionLevel.CASE,
        year=today.year,
        title=f"Toezichtonderzoek casusniveau {approach.name} {today.year}",
    )
    families = list(selectors.mandated_families(inspector, inspection)[:2])
    for family in families:
        review = services.case_review_add(actor=inspector, inspection=inspection, family=family)
        for n, (kind, who, summary) in enumerate(INTERVIEWS):
            services.interview_add(
                actor=inspector,
                case_review=review,
                kind=kind,
                held_on=today - timedelta(days=30 - n),
                interviewee=who,
                summary=summary,
            )
        services.plan_review_save(
            actor=inspector, case_review=review, plan_reviewed=True, plan_review="Het plan is actueel en compleet."
        )
    services.inspection_advance(actor=inspector, inspection=inspection, to=InspectionStatus.JUDGING)
    for indicator in selectors.indicators_of(inspection):
        judgement = (
            Judgement.IMPROVEMENT
            if indicator.key in IMPROVEMENTS
            else Judgement.NOT_ASSESSED
            if indicator.key in NOT_ASSESSED
            else Judgement.MET
        )
        services.finding_save(
            actor=inspector,
            inspection=inspection,
            indicators=[indicator],
            judgement=judgement,
            text=IMPROVEMENTS.get(indicator.key, "" if indicator.key in NOT_ASSESSED else MET_TEXT),
        )
    services.inspection_update_texts(
        actor=inspector,
        inspection=inspection,
        description=approach.description,
        goes_well="Elk onderzocht gezin heeft één regisseur en één plan dat leidend is voor de partners.",
        can_be_better="Het gezin doet niet altijd mee aan de probleemanalyse en de evaluatie.",
        conclusion="De aanpak is planmatig en vasthoudend; het gezin kan nog meer eigenaar zijn van zijn plan.",
        recommendations="- Maak de probleemanalyse altijd met het gezin.\n- Evalueer op vaste momenten met het gezin.",
    )
    services.inspection_send_concept(actor=inspector, inspection=inspection)
    findings = {i.key: f for f in selectors.overall_findings(inspection) for i in f.indicators.all()}
    services.concept_respond(actor=officer, finding=findings["C3.a.5"], stance="disagree", text=DISAGREE)
    agreed = services.concept_respond(actor=officer, finding=findings["C2.b.1"], stance="agree")
    services.concept_response_answer(actor=inspector, response=agreed, decision="kept", answer=ANSWERED)
