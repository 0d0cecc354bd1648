"""The inspection's workflow: its states, the transitions each level allows, and what each state permits.

Pure: functions of an inspection's (status, level), no database. Services refuse what a state does not allow
(`check_transition`, `check_state`), views and templates ask the same predicates (`can_judge`, `can_invite`,
...), so no other module compares a status to a literal.

Policy level (the factsheets, e.g. Factsheet Oosterhout Gezinsmanager 2013): the inspector prepares and
invites, the respondents answer, the inspector judges and publishes. Case level (Nota van bevindingen
Maastricht 2014, Bijlage 1) has no questionnaire: families, interviews and plan review, then judgements.
At both levels the inspector may first send the concept report to the municipality for hoor en wederhoor: it
responds per finding within a term, the inspector answers each response, and only then is it published.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from gezinsregie.common.formatting import long_date

# --- the states -----------------------------------------------------------------------------------------------


class InspectionLevel(models.TextChoices):
    # the same keys as frameworks.Level.key
    POLICY = "policy", _("beleidsniveau")
    CASE = "case", _("casusniveau")


class InspectionStatus(models.TextChoices):
    DRAFT = "draft", _("in voorbereiding")
    OPEN = "open", _("open voor antwoorden")
    JUDGING = "judging", _("beoordeling")
    REBUTTAL = "rebuttal", _("hoor en wederhoor")
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

# Hoor en wederhoor (judging → rebuttal → published) is the inspector's step before publishing; publishing
# straight from judging stays possible (e.g. an approach whose municipality waived its response).
ALLOWED_TRANSITIONS: dict[str, dict[str, set[str]]] = {
    Level.POLICY: {
        Status.DRAFT: {Status.OPEN},
        Status.OPEN: {Status.JUDGING},
        Status.JUDGING: {Status.REBUTTAL, Status.PUBLISHED},
        Status.REBUTTAL: {Status.PUBLISHED},
    },
    Level.CASE: {
        Status.DRAFT: {Status.JUDGING},
        Status.JUDGING: {Status.REBUTTAL, Status.PUBLISHED},
        Status.REBUTTAL: {Status.PUBLISHED},
    },
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
    """Open the questionnaire or start judging; sending the concept and publishing have their own checks
    (`can_send_concept`, `can_publish`)."""
    return to not in {Status.REBUTTAL, Status.PUBLISHED} and to in next_states(
        level=inspection.level, current=inspection.status
    )


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


# --- hoor en wederhoor -------------------------------------------------------------------------------------------

# Before publication the municipality responds to the concept report per finding, within a term the inspector
# sets when sending it (Rebuttal.days): by default two weeks, at least one week and at most six.
REBUTTAL_DAYS = 14
REBUTTAL_DAYS_MIN, REBUTTAL_DAYS_MAX = 7, 42


def is_in_rebuttal(inspection: Stated) -> bool:
    return inspection.status == Status.REBUTTAL


def can_send_concept(inspection: Stated) -> bool:
    """Judging is done: the concept report goes to the municipality for hoor en wederhoor."""
    return Status.REBUTTAL in next_states(level=inspection.level, current=inspection.status)


def shows_rebuttal(inspection: Stated) -> bool:
    """The exchange of hoor en wederhoor (if there was one) is shown from the day the concept is sent, and kept."""
    return inspection.status in {Status.REBUTTAL, Status.PUBLISHED}


def rebuttal_days_error(days: int) -> str | None:
    if not REBUTTAL_DAYS_MIN <= days <= REBUTTAL_DAYS_MAX:
        return f"Kies een termijn van {REBUTTAL_DAYS_MIN} tot en met {REBUTTAL_DAYS_MAX} dagen."
    return None


def rebuttal_due_on(sent_on: date, days: int) -> date:
    """The last day the municipality may respond to a concept sent on `sent_on`."""
    return sent_on + timedelta(days=days)


def rebuttal_open(*, due_on: date, today: date, closed: bool) -> bool:
    """The municipality may respond (or change a response) until it says it is done or the term has passed."""
    return not closed and today <= due_on


def publish_refusal(*, due_on: date, today: date, closed: bool, unanswered: int) -> str | None:
    """Why an inspection in hoor en wederhoor cannot be published yet, in Dutch; None when it can: every response
    answered, and the municipality is done or its term has passed (with or without responses)."""
    if rebuttal_open(due_on=due_on, today=today, closed=closed):
        return (
            f"De gemeente kan nog reageren op het concept, tot en met {long_date(due_on)}. Publiceren kan daarna, "
            "of eerder als de gemeente haar reactie heeft afgerond."
        )
    if unanswered:
        n = "1 reactie" if unanswered == 1 else f"{unanswered} reacties"
        return f"Nog {n} van de gemeente zonder antwoord van de inspectie: beantwoord die eerst."
    return None


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
        "can_send_concept": can_send_concept(inspection),
        "is_in_rebuttal": is_in_rebuttal(inspection),
        "shows_rebuttal": shows_rebuttal(inspection),
    }
