"""What the plan's services share: the stale-plan error, an action's owner, and the steps every write takes (ask the
policy and lock the plan at the version the change was based on, validate fully, log)."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.audit import services as audit
from gezinsregie.casework.models import Family, Member
from gezinsregie.organisations.models import Organisation
from gezinsregie.plans import rules, selectors
from gezinsregie.plans.models import Action, OwnerKind, Plan

EDIT = policy.Permission.EDIT
STALE_MESSAGE = (
    "Iemand anders heeft het plan intussen gewijzigd (versie {version}). Uw wijziging is niet opgeslagen; "
    "bekijk de nieuwe versie en voer uw wijziging opnieuw in."
)


BUSY_MESSAGE = (
    "Iemand anders heeft het plan intussen gewijzigd: {who} werkt er sinds {since} aan en heeft die wijzigingen "
    "nog niet opgeslagen. Uw wijziging is niet opgeslagen; voer haar opnieuw in als {who} de wijzigingen heeft "
    "opgeslagen of ongedaan gemaakt."
)


class StalePlanError(Exception):
    """The plan is no longer at the version the change was based on, or someone else's working session is open
    on it. Nothing was written."""

    def __init__(self, current_version: int, *, busy_with: str = "", since: str = "") -> None:
        self.current_version = current_version
        self.busy_with = busy_with
        message = BUSY_MESSAGE.format(who=busy_with, since=since) if busy_with else STALE_MESSAGE
        super().__init__(message.format(version=current_version))


ITEM_CHANGED_MESSAGE = (
    "{noun} is intussen gewijzigd, in een ander venster of tabblad of door een voortgangsmelding van de eigenaar. "
    "Uw wijziging is niet opgeslagen: anders was die andere wijziging ongemerkt verloren gegaan."
)


class StaleItemError(StalePlanError):
    """The goal or action was changed after the form was opened, by the same plan version (another tab of the same
    coordinator's working session, or a progress report). Nothing was written; `current_stamp` is the item as it
    is now, so that the form can be sent again on purpose."""

    def __init__(self, current_version: int, *, noun: str, current_stamp: str) -> None:
        self.current_version = current_version
        self.busy_with = ""
        self.current_stamp = current_stamp
        Exception.__init__(self, ITEM_CHANGED_MESSAGE.format(noun=noun))


@dataclass(frozen=True)
class Owner:
    """Who does an action: a family member, a professional of an organisation, or a network person by name."""

    kind: str
    member: Member | None = None
    user: User | None = None
    organisation: Organisation | None = None
    name: str = ""

    @property
    def key(self) -> tuple[str, int | None, int | None, int | None, str]:
        return (
            self.kind,
            self.member.pk if self.member else None,
            self.user.pk if self.user else None,
            self.organisation.pk if self.organisation else None,
            self.name.strip() if self.kind == OwnerKind.NETWORK else "",
        )

    @classmethod
    def of(cls, action: Action) -> "Owner":
        return cls(
            kind=action.owner_kind,
            member=action.owner_member,
            user=action.owner_user,
            organisation=action.owner_organisation,
            name=action.owner_name,
        )


def _today() -> date:
    return timezone.localdate()


def _log(*, actor: User, action: str, family: Family, obj: Any) -> None:
    audit.record(
        actor=actor, action=action, family=family, obj=obj, membership=policy.granting_membership(actor, EDIT, family)
    )


def _raise_if(errors: rules.Errors) -> None:
    if errors:
        raise ValidationError(errors)


def _save(obj: Any, errors: rules.Errors | None = None) -> None:
    """full_clean() before save(), reporting the rules' errors and the model's together."""
    errors = {k: list(v) for k, v in (errors or {}).items()}
    try:
        obj.full_clean()
    except ValidationError as invalid:
        for key, messages in invalid.message_dict.items():
            errors.setdefault(key, []).extend(m for m in messages if m not in errors.get(key, []))
    _raise_if(errors)
    obj.save()


def _lock(*, actor: User, plan: Plan, expected_version: int) -> Plan:
    """The plan row, locked until the end of the transaction, if it is still at `expected_version`."""
    policy.ensure(actor, EDIT, plan.family)
    # Lock only the plan row (of="self"), not the family and approach rows joined in for reading.
    locked = Plan.objects.select_for_update(of=("self",)).select_related("family__approach").get(pk=plan.pk)
    if locked.version != expected_version:
        raise StalePlanError(locked.version)
    _ensure_not_busy(actor=actor, plan=locked)
    return locked


def _ensure_not_busy(*, actor: User, plan: Plan) -> None:
    """Someone else's working session is open: their unsaved edits are not overwritten."""
    session = selectors.open_session_of(plan)
    if session is not None and session.opened_by_id != actor.pk:
        since = timezone.localtime(session.opened_at).strftime("%H:%M")
        raise StalePlanError(plan.version, busy_with=str(session.opened_by), since=since)


def _before(plan: Plan) -> dict[str, Any]:
    latest = plan.versions.order_by("-number").first()
    return latest.snapshot if latest is not None else selectors.snapshot_of(plan)
