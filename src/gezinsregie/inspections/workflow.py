"""The inspection's workflow: its states, the transitions each level allows, and what each state permits.

Pure: functions of an inspection's (status, level), no database. Services refuse what a state does not allow
(`check_transition`, `check_state`), views and templates ask the same predicates (`can_judge`, `can_invite`,
...), so no other module compares a status to a literal.

Policy level (the factsheets, e.g. Factsheet Oosterhout Gezinsmanager 2013): the inspector prepares and
invites, the respondents answer, the inspector judges and publishes. Case level (Nota van bevindingen
Maastricht 2014, Bijlage 1) has no questionnaire: families, interviews and plan review, then judgements.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

# --- the states -----------------------------------------------------------------------------------------------


class InspectionLevel(models.TextChoices):
    # the same keys as frameworks.Level.key
    POLICY = "policy", _("beleidsniveau")
    CASE = "case", _("casusniveau")


class InspectionStatus(models.TextChoices):
    DRAFT = "draft", _("in voorbereiding")
    OPEN = "open", _("open voor antwoorden")
    JUDGING = "judging", _("beoordeling")
    PUBLISHED = "published", _("gepubliceerd")


Status, Level = InspectionStatus, InspectionLevel


class Stated(Protocol):
    """Anything with an inspection's status and level: an Inspection, or a State in a test."""

    @property
    def status(self) -> str: ...

    @property
    def level(self) -> str: ...


@dataclass(frozen=True)
class State:
    status: str
    level: str


# --- the transitions ------------------------------------------------------------------------------------------

ALLOWED_TRANSITIONS: dict[str, dict[str, set[str]]] = {
    Level.POLICY: {Status.DRAFT: {Status.OPEN}, Status.OPEN: {Status.JUDGING}, Status.JUDGING: {Status.PUBLISHED}},
    Level.CASE: {Status.DRAFT: {Status.JUDGING}, Status.JUDGING: {Status.PUBLISHED}},
}
FINAL = Status.PUBLISHED  # a published report is not taken back: its judgements are followed up for years


def status_name(status: str) -> str:
    return str(Status(status).label)


def next_states(*, level: str, current: str) -> set[str]:
    return set(ALLOWED_TRANSITIONS[level].get(current, set()))


def check_transition(*, level: str, current: str, new: str) -> None:
    if new not in next_states(level=level, current=current):
        raise ValidationError(
            f"Een onderzoek dat {status_name(current)} is, kan niet naar '{status_name(new)}'.", code="transition"
        )


def check_state(inspection: Stated, allows: "Callable[[Stated], bool]", *, what: str) -> None:
    """Refuse a change the inspection's state does not allow (`allows` is one of the predicates below), in Dutch."""
    if not allows(inspection):
        raise ValidationError(f"{what} kan niet meer: het onderzoek is {status_name(inspection.status)}.", code="state")


# --- what a state allows ----------------------------------------------------------------------------------------


def is_policy_level(inspection: Stated) -> bool:
    return inspection.level == Level.POLICY


def is_case_level(inspection: Stated) -> bool:
    return inspection.level == Level.CASE


def is_draft(inspection: Stated) -> bool:
    return inspection.status == Status.DRAFT


def is_published(inspection: Stated) -> bool:
    return inspection.status == Status.PUBLISHED


def can_advance_to(inspection: Stated, to: str) -> bool:
    """Open the questionnaire or start judging; publishing has its own checks (`can_publish`)."""
    return to != Status.PUBLISHED and to in next_states(level=inspection.level, current=inspection.status)


def can_open(inspection: Stated) -> bool:
    """Policy level: put the questionnaire open for the respondents."""
    return can_advance_to(inspection, Status.OPEN)


def can_start_judging(inspection: Stated) -> bool:
    """Policy level: close the questionnaire; case level: start judging the families."""
    return can_advance_to(inspection, Status.JUDGING)


def can_invite(inspection: Stated) -> bool:
    """Respondents are invited while the inspection is prepared or open for answers (policy level only)."""
    return is_policy_level(inspection) and inspection.status in {Status.DRAFT, Status.OPEN}


def can_answer(inspection: Stated) -> bool:
    """Respondents answer their questionnaire only while it is open."""
    return inspection.status == Status.OPEN


def shows_answers_and_judgements(inspection: Stated) -> bool:
    """The judging screen exists once the questionnaire is open (policy) or judging has started (case)."""
    return inspection.status != Status.DRAFT


def can_judge(inspection: Stated) -> bool:
    return inspection.status == Status.JUDGING


def can_publish(inspection: Stated) -> bool:
    return Status.PUBLISHED in next_states(level=inspection.level, current=inspection.status)


def can_edit_texts(inspection: Stated) -> bool:
    """The narrative of the factsheet or nota is fixed with the judgements at publication."""
    return not is_published(inspection)


def can_select_cases(inspection: Stated) -> bool:
    """Case level: families join the sample while preparing and while judging (Maastricht 2014 §1.3)."""
    return is_case_level(inspection) and inspection.status in {Status.DRAFT, Status.JUDGING}


def can_edit_case(inspection: Stated) -> bool:
    """Interviews and the plan review of a family in the sample: as long as families may be selected."""
    return can_select_cases(inspection)


# --- after publication ------------------------------------------------------------------------------------------

# Nota van bevindingen Maastricht 2014 §6.4: the municipality lets the inspectorate know "over een jaar" what
# it did with the improvement points.
IMPROVEMENT_TERM = timedelta(days=365)


def improvement_due_on(published_on: date) -> date:
    """When the municipality reports back on an improvement point of an inspection published on that day."""
    return published_on + IMPROVEMENT_TERM


def imported_published_on(year: int) -> date:
    """A published document does not say on which day it was published: the last day of its year."""
    return date(year, 12, 31)


def flags(inspection: Stated) -> dict[str, bool]:
    """What the inspection's state allows, for a template: `{% if can_judge %}` instead of comparing statuses."""
    return {
        "can_invite": can_invite(inspection),
        "can_open": can_open(inspection),
        "can_start_judging": can_start_judging(inspection),
        "can_answer": can_answer(inspection),
        "shows_answers_and_judgements": shows_answers_and_judgements(inspection),
        "can_judge": can_judge(inspection),
        "can_publish": can_publish(inspection),
        "can_edit_texts": can_edit_texts(inspection),
        "can_select_cases": can_select_cases(inspection),
        "is_published": is_published(inspection),
    }
