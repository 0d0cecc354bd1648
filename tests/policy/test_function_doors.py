"""The policy's doors that are functions, not table rules: reporting progress on an own action, and answering
an own invitation. Written out as tables like tests/policy/tables.py: a change nobody meant flips a cell."""

import pytest

from gezinsregie import policy
from gezinsregie.accounts.models import Role
from gezinsregie.casework.workflow import InvolvementStatus
from gezinsregie.plans.models import OwnerKind
from tests.factories import ActionFactory, GoalFactory, InvolvementFactory, PlanFactory

pytestmark = pytest.mark.django_db
T, F = True, False

# (family, owner of the action, actor, may report progress)
# fmt: off
PROGRESS_TABLE = [
    ("consented",          "professional", "professional", T),  # own action, involved, within the consent
    ("consented",          "colleague",    "professional", F),  # someone else's action
    ("consented",          "professional", "coordinator",  F),  # the coordinator edits the plan instead
    ("consent_other_org",  "professional", "professional", F),  # own action, but the consent leaves her out
    ("consent_withdrawn",  "professional", "professional", F),
    ("involvement_ended",  "professional", "professional", F),  # own action, involvement ended
    ("other",              "professional", "professional", F),
]
# (family, invitation for, status, actor, may answer it)
INVITATION_TABLE = [
    ("consented",          "professional", InvolvementStatus.PROPOSED, "professional", T),
    ("consented",          "professional", InvolvementStatus.ACCEPTED, "professional", F),  # answered already
    ("consented",          "colleague",    InvolvementStatus.PROPOSED, "professional", F),  # someone else's
    ("consent_other_org",  "professional", InvolvementStatus.PROPOSED, "professional", F),  # outside the consent
    ("consent_future",     "professional", InvolvementStatus.PROPOSED, "professional", F),  # consent not signed yet
    ("consented",          "professional", InvolvementStatus.PROPOSED, "coordinator",  F),
]
# fmt: on


def person(world, name: str):
    return world.others["colleague"] if name == "colleague" else world.user(getattr(Role, name.upper()))


@pytest.mark.parametrize(("family_name", "owner", "actor", "expected"), PROGRESS_TABLE)
def test_who_may_report_progress_on_an_action(world, family_name, owner, actor, expected) -> None:
    family = world.family(family_name)
    goal = GoalFactory(plan=PlanFactory(family=family))
    action = ActionFactory(
        goal=goal,
        owner_kind=OwnerKind.PROFESSIONAL,
        owner_user=person(world, owner),
        owner_organisation=world.professional_org,
        owner_name="",
    )
    assert policy.may_report_progress(person(world, actor), action) is expected


@pytest.mark.parametrize(("family_name", "invitee", "status", "actor", "expected"), INVITATION_TABLE)
def test_who_may_answer_an_invitation(world, family_name, invitee, status, actor, expected) -> None:
    invitation = InvolvementFactory(
        family=world.family(family_name),
        user=person(world, invitee),
        organisation=world.professional_org,
        status=status,
    )
    answerable = policy.invitations_for(person(world, actor))
    assert answerable.filter(pk=invitation.pk).exists() is expected
