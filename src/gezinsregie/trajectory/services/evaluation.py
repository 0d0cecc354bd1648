"""Evaluation with the family (toetsingskader C2.a.4, C3.a.5) and extending a trajectory (B5.a.1)."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.audit import services as audit
from gezinsregie.casework import workflow
from gezinsregie.casework.models import Family, ScoreMoment
from gezinsregie.casework.services import scores_record
from gezinsregie.casework.services.episodes import episode_current
from gezinsregie.frameworks.models import LifeDomain
from gezinsregie.plans.models import Goal, GoalStatus
from gezinsregie.trajectory.models import Evaluation, EvaluationKind, Extension, GoalEvaluation
from gezinsregie.trajectory.services.voices import FamilyVoiceInput, family_voice_errors, family_voice_write

Permission = policy.Permission


@dataclass(frozen=True)
class GoalResultInput:
    goal: Goal
    result: str
    note: str = ""


def _goals_of(family: Family) -> list[Goal]:
    plan = getattr(family, "plan", None)
    if plan is None:
        return []
    return [g for g in Goal.objects.filter(plan=plan) if g.status != GoalStatus.DROPPED]


@transaction.atomic
def evaluation_record(
    *,
    actor: User,
    family: Family,
    kind: str,
    held_on: date,
    with_family: bool,
    family_view: str,
    notes: str = "",
    goal_results: Sequence[GoalResultInput] = (),
    scores: Mapping[LifeDomain, int] | None = None,
    family_voice: FamilyVoiceInput | None = None,
) -> Evaluation:
    """An evaluation of the results: per goal reached, partly or not, and self-sufficiency scored again; with the
    family's answers to its two questions when given (trajectory.services.voices), all or nothing."""
    policy.ensure(actor, Permission.EDIT, family)
    errors: dict[str, list[str]] = {}
    if family.status != workflow.FamilyStatus.ACTIVE:
        errors["__all__"] = ["Evalueren kan zolang het gezin in de aanpak is."]
    if held_on > timezone.localdate():
        errors["held_on"] = ["Een evaluatie kan niet in de toekomst hebben plaatsgevonden."]
    elif family.started_on is None or held_on < family.started_on:
        errors["held_on"] = ["Deze datum ligt vóór de start van het traject."]
    if with_family and not family_view.strip():
        errors["family_view"] = ["Schrijf op wat het gezin zelf zegt, in zijn eigen woorden."]
    goals = {g.pk: g for g in _goals_of(family)}
    if any(r.goal.pk not in goals for r in goal_results):
        errors["goals"] = ["Kies alleen doelen uit het plan van dit gezin."]
    elif kind == EvaluationKind.FINAL and {r.goal.pk for r in goal_results} != set(goals):
        errors["goals"] = ["Geef bij de eindevaluatie voor elk doel aan of het is bereikt."]
    elif goals and not goal_results:
        errors["goals"] = ["Geef voor de doelen aan of ze zijn bereikt."]
    if kind == EvaluationKind.FINAL and not scores:
        errors["scores"] = ["Scoor bij de eindevaluatie de zelfredzaamheid opnieuw."]
    if family_voice is not None:
        errors.update(family_voice_errors(family_voice, with_family=with_family, required=False))
    if errors:
        raise ValidationError(errors)
    evaluation = Evaluation(
        family=family,
        episode=episode_current(family),
        kind=kind,
        held_on=held_on,
        with_family=with_family,
        family_view=family_view.strip(),
        notes=notes.strip(),
        recorded_by=actor,
    )
    evaluation.full_clean()
    evaluation.save()
    for r in goal_results:
        row = GoalEvaluation(evaluation=evaluation, goal=r.goal, result=r.result, note=r.note.strip())
        row.full_clean()
        row.save()
    if scores:
        moment = ScoreMoment.CLOSURE if kind == EvaluationKind.FINAL else ScoreMoment.EVALUATION
        scores_record(actor=actor, family=family, scores=dict(scores), moment=moment, scored_on=held_on)
    audit.record(actor=actor, action="evaluation.record", family=family, obj=evaluation)
    if family_voice is not None and not family_voice.is_empty:
        family_voice_write(actor=actor, evaluation=evaluation, voice=family_voice)
    return evaluation


@transaction.atomic
def episode_extend(*, actor: User, family: Family, days: int, reason: str, decided_on: date) -> Extension:
    """The trajectory runs longer than planned, for a reason (the overrun is then no longer a surprise)."""
    policy.ensure(actor, Permission.EDIT, family)
    errors: dict[str, list[str]] = {}
    if family.status != workflow.FamilyStatus.ACTIVE:
        errors["__all__"] = ["Alleen een lopend traject kan worden verlengd."]
    if not 1 <= days <= 365:
        errors["days"] = ["Verleng met 1 tot 365 dagen."]
    if not reason.strip():
        errors["reason"] = ["Geef de reden van de verlenging."]
    if decided_on > timezone.localdate():
        errors["decided_on"] = ["Deze datum ligt in de toekomst."]
    if errors:
        raise ValidationError(errors)
    extension = Extension(
        episode=episode_current(family),
        family=family,
        decided_on=decided_on,
        days=days,
        reason=reason.strip(),
        decided_by=actor,
    )
    extension.full_clean()
    extension.save()
    audit.record(actor=actor, action="episode.extend", family=family, obj=extension)
    return extension
