"""Demo voices (issue 13 §3): the family's answers at most evaluations, and the partner's at round tables (one
three weeks ago about each running family with a partner) and at plan commitments. Mostly 'ja', some 'een beetje'
and 'nee', so the self-assessment shows both outcomes; some evaluations stay unanswered, so the trajectory page
offers to enter the answers from paper."""

from datetime import date, timedelta

from gezinsregie.accounts.models import User
from gezinsregie.assessment.models import Answer, AnsweredHow, FamilyVoice, PartnerVoice
from gezinsregie.casework.models import Family, FamilyStatus, Involvement
from gezinsregie.organisations.models import Organisation
from gezinsregie.plans.models import Meeting, PlanCommitment
from gezinsregie.trajectory.models import Evaluation

# (trusts the coordinator, the help fits together): eight answers, five of them 'ja' on both
FAMILY_ANSWERS = [
    (Answer.YES, Answer.YES),
    (Answer.YES, Answer.PARTLY),
    (Answer.YES, Answer.YES),
    (Answer.PARTLY, Answer.NO),
    (Answer.YES, Answer.YES),
    (Answer.NO, Answer.PARTLY),
    (Answer.YES, Answer.YES),
    (Answer.NO_ANSWER, Answer.YES),
]
FAMILY_COMMENTS = {
    1: "De regisseur belt terug als ze dat zegt. De school weet niet wat de schuldhulp doet.",
    3: "Ik moet mijn verhaal steeds opnieuw vertellen.",
    5: "We zien steeds iemand anders; ik weet niet bij wie ik moet zijn.",
}
# (recognises the coordinator, information sufficient)
PARTNER_ANSWERS = [
    (Answer.YES, Answer.YES),
    (Answer.YES, Answer.PARTLY),
    (Answer.YES, Answer.YES),
    (Answer.NO, Answer.NO),
    (Answer.YES, Answer.YES),
    (Answer.PARTLY, Answer.YES),
]
PARTNER_COMMENTS = {
    1: "Het verslag van het vorige overleg kwam pas na drie weken.",
    3: "Wij wisten niet dat er een regisseur was; we overleggen nog rechtstreeks met de school.",
}


def demo_voices(*, today: date) -> None:
    """After demo_trajectory (the evaluations) and demo_case_meetings (the round tables over many families)."""
    evaluations = Evaluation.objects.select_related("family", "recorded_by").order_by("family__reference", "held_on")
    answered = 0
    for index, evaluation in enumerate(evaluations):
        if index % 4 == 3:
            continue  # not answered (yet)
        trusts, fits = FAMILY_ANSWERS[answered % len(FAMILY_ANSWERS)]
        if evaluation.with_family:
            how = AnsweredHow.ON_PAPER if index % 5 == 2 else AnsweredHow.WITH_COORDINATOR
        else:
            how = AnsweredHow.WITH_SOMEONE_ELSE if index % 2 else AnsweredHow.ON_PAPER
        FamilyVoice.objects.create(
            family=evaluation.family,
            evaluation=evaluation,
            answered_how=how,
            trusts_coordinator=trusts,
            help_fits_together=fits,
            comment=FAMILY_COMMENTS.get(answered % len(FAMILY_ANSWERS), ""),
            recorded_by=evaluation.recorded_by,
        )
        answered += 1
    number = _round_tables(today=today)
    parts = Meeting.objects.filter(case_meeting__isnull=False)  # the families' parts of the zorgnetwerkoverleg
    for meeting in parts.select_related("family").prefetch_related("attendees").order_by("held_on", "pk"):
        for user in meeting.attendees.all():
            involvement = meeting.family.involvements.working().filter(user=user).first()
            if involvement is None or user.pk == meeting.family.coordinator_id:
                continue
            _partner_voice(number, meeting.family, involvement.organisation, user, meeting.held_on, meeting=meeting)
            number += 1
    _commitments(today=today, start=number)


def _partners_within_consent(family: Family) -> list[Involvement]:
    consented = set(family.consents.filter(withdrawn_on__isnull=True).values_list("organisations", flat=True))
    working = family.involvements.working().select_related("user", "organisation").order_by("pk")
    return [i for i in working if i.organisation_id in consented]


def _round_tables(*, today: date) -> int:
    """A round table three weeks ago about each running family with a plan and a partner within the consent;
    the partner answered the two questions at all but every third. Returns how many answered."""
    families = Family.objects.filter(status=FamilyStatus.ACTIVE, plan__isnull=False, coordinator__isnull=False)
    number = 0
    for index, family in enumerate(families.select_related("coordinator").order_by("reference")):
        partners = _partners_within_consent(family)
        held_on = max(today - timedelta(days=21), family.registered_on)
        if not partners or family.coordinator is None:
            continue
        meeting = Meeting.objects.create(
            family=family,
            held_on=held_on,
            chair=family.coordinator,
            minutes="Besproken: hoe het thuis gaat, de wachttijd bij de GGZ en wie het gezin in de gaten houdt.",
            recorded_by=family.coordinator,
        )
        meeting.attendees.set([family.coordinator, *(i.user for i in partners)])
        if index % 3 == 2:
            continue  # the partner was there but was not asked
        for involvement in partners:
            _partner_voice(number, family, involvement.organisation, involvement.user, held_on, meeting=meeting)
            number += 1
    return number


def _commitments(*, today: date, start: int) -> None:
    """Two of every three families with a plan and an involved partner within the consent: the partner works by
    the plan's current version and answered the two questions with it."""
    families = Family.objects.filter(plan__isnull=False).select_related("plan").order_by("reference")
    number = start
    for index, family in enumerate(families):
        if index % 3 == 1:
            continue  # not (yet) confirmed: the plan page asks
        for involvement in _partners_within_consent(family):
            commitment, created = PlanCommitment.objects.get_or_create(
                plan=family.plan,
                organisation=involvement.organisation,
                version=family.plan.version,
                defaults={"confirmed_by": involvement.user, "confirmed_on": today},
            )
            if created:
                _partner_voice(number, family, involvement.organisation, involvement.user, today, commitment=commitment)
                number += 1


def _partner_voice(
    number: int,
    family: Family,
    organisation: Organisation,
    user: User,
    on: date,
    *,
    meeting: Meeting | None = None,
    commitment: PlanCommitment | None = None,
) -> None:
    recognises, sufficient = PARTNER_ANSWERS[number % len(PARTNER_ANSWERS)]
    PartnerVoice.objects.create(
        family=family,
        organisation=organisation,
        answered_by=user,
        answered_on=on,
        recognises_coordinator=recognises,
        information_sufficient=sufficient,
        comment=PARTNER_COMMENTS.get(number % len(PARTNER_ANSWERS), ""),
        meeting=meeting,
        commitment=commitment,
    )
