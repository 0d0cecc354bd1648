"""Reads for the trajectory pages. The callers got the family through the policy (access_family, family_list)."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import UUID

from django.db.models import Count, Max, QuerySet
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.audit import services as audit
from gezinsregie.casework import workflow
from gezinsregie.casework.models import (
    Episode,
    Escalation,
    Family,
    Measure,
    NonCooperationDecision,
    OwnStrength,
    Problem,
    ScoreMoment,
    SelfSufficiencyScore,
    Stagnation,
)
from gezinsregie.common.counts import CountRow
from gezinsregie.common.formatting import long_date
from gezinsregie.trajectory import rules
from gezinsregie.trajectory.models import Aftercare, CheckIn, Closure, Evaluation, Extension, Signal

SERIES = ((ScoreMoment.INTAKE, "start"), (ScoreMoment.EVALUATION, "nu"), (ScoreMoment.CLOSURE, "einde"))


def episodes_of(family: Family) -> QuerySet[Episode]:
    return Episode.objects.filter(family=family).order_by("number")


def evaluations_of(family: Family) -> QuerySet[Evaluation]:
    return (
        Evaluation.objects.filter(family=family)
        .select_related("episode", "recorded_by", "family_voice__recorded_by")
        .prefetch_related("goals__goal")
        .order_by("-held_on", "-pk")
    )


def closures_of(family: Family) -> QuerySet[Closure]:
    return (
        Closure.objects.filter(family=family)
        .select_related("episode", "final_evaluation", "exit_decision", "closed_by")
        .prefetch_related("handover__organisation")
        .order_by("-closed_on")
    )


def aftercare_of(family: Family) -> Aftercare | None:
    """The family's latest aftercare, with its check-ins."""
    return (
        Aftercare.objects.filter(family=family)
        .select_related("watcher", "watcher_network", "closure")
        .prefetch_related("checkins__recorded_by")
        .order_by("-starts_on", "-pk")
        .first()
    )


def signals_of(family: Family) -> QuerySet[Signal]:
    return Signal.objects.filter(family=family).select_related("raised_by", "organisation", "episode")


def checkin_of(family: Family, checkin_id: int) -> CheckIn | None:
    return CheckIn.objects.filter(family=family, pk=checkin_id).select_related("aftercare").first()


@dataclass(frozen=True)
class Timing:
    """Where the current trajectory stands against the approach's planned duration and evaluation rhythm."""

    started_on: date | None
    planned_end: date | None
    overrun_days: int
    extensions: list[Extension]
    next_evaluation_on: date | None
    evaluation_overdue: bool


def timing_of(family: Family, episode: Episode, *, today: date) -> Timing:
    approach = family.approach
    extensions = list(Extension.objects.filter(episode=episode).select_related("decided_by"))
    if episode.started_on is None:
        return Timing(None, None, 0, extensions, None, False)
    end = rules.planned_end(
        episode.started_on, planned_days=approach.planned_duration_days, extensions=[e.days for e in extensions]
    )
    last = Evaluation.objects.filter(episode=episode).aggregate(last=Max("held_on"))["last"]
    running = family.status == workflow.FamilyStatus.ACTIVE
    due = rules.evaluation_due_on(
        episode.started_on, last_held_on=last, interval_days=approach.evaluation_interval_days
    )
    return Timing(
        started_on=episode.started_on,
        planned_end=end,
        overrun_days=rules.overrun_days(end, episode.closed_on or today),
        extensions=extensions,
        next_evaluation_on=due if running else None,
        evaluation_overdue=running and due < today,
    )


@dataclass
class ScoreRow:
    """One domain (of the family, or of one member): its score at the start, now and at the end."""

    label: str
    values: dict[str, int | None] = field(default_factory=dict)

    @property
    def bars(self) -> list[dict[str, Any]]:
        return [
            {"series": name, "value": self.values.get(name), "percent": 20 * (self.values.get(name) or 0)}
            for _, name in SERIES
        ]


def score_progress(family: Family, episode: Episode) -> list[ScoreRow]:
    """Self-sufficiency per domain: the first intake score, the latest evaluation score, the closure score."""
    scores = (
        SelfSufficiencyScore.objects.filter(family=family, scored_on__gte=episode.registered_on)
        .select_related("domain", "member")
        .order_by("scored_on", "pk")
    )
    if episode.closed_on:
        scores = scores.filter(scored_on__lte=episode.closed_on)
    rows: dict[tuple[int | None, int], ScoreRow] = {}
    names = dict(SERIES)
    for score in scores:
        key = (score.member_id, score.domain_id)
        label = f"{score.domain.name} ({score.member.first_name})" if score.member else score.domain.name
        row = rows.setdefault(key, ScoreRow(label=label, values={}))
        series = names[ScoreMoment(score.moment)]
        if series == "start" and row.values.get("start") is not None:
            continue  # the first intake score is the start
        row.values[series] = score.score
    return list(rows.values())


def evaluation_flags(families: Iterable[Family], *, today: date) -> dict[UUID, list[str]]:
    """For a caseload: an evaluation that is due, a trajectory past its planned end, a missed check-in."""
    families = [f for f in families]
    ids = [f.pk for f in families]
    flags: dict[UUID, list[str]] = defaultdict(list)
    last_evaluation = dict(
        Evaluation.objects.filter(family_id__in=ids)
        .values("family_id")
        .annotate(last=Max("held_on"))
        .values_list("family_id", "last")
    )
    extended: dict[tuple[UUID, date | None], int] = defaultdict(int)  # per family and episode start
    for family_id, days, episode_start in Extension.objects.filter(family_id__in=ids).values_list(
        "family_id", "days", "episode__started_on"
    ):
        extended[family_id, episode_start] += days
    missed = set(
        CheckIn.objects.filter(
            family_id__in=ids, held_on__isnull=True, due_on__lt=today, aftercare__ended_on__isnull=True
        ).values_list("family_id", flat=True)
    )
    for f in families:
        if f.status == workflow.FamilyStatus.ACTIVE and f.started_on:
            approach = f.approach
            last = last_evaluation.get(f.pk)
            last = last if last and last >= f.started_on else None
            due = rules.evaluation_due_on(
                f.started_on, last_held_on=last, interval_days=approach.evaluation_interval_days
            )
            if due < today:
                flags[f.pk].append(f"evaluatie te laat (sinds {long_date(due)})")
            end = rules.planned_end(
                f.started_on, planned_days=approach.planned_duration_days, extensions=[extended[f.pk, f.started_on]]
            )
            if overrun := rules.overrun_days(end, today):
                flags[f.pk].append(f"{overrun} {'dag' if overrun == 1 else 'dagen'} over de geplande duur")
        if f.pk in missed:
            flags[f.pk].append("nazorgcontact gemist")
    return dict(flags)


def measures_of(family: Family) -> QuerySet[Measure]:
    return Measure.objects.filter(family=family).select_related("recorded_by").order_by("-considered_on", "-pk")


def exit_decisions_of(family: Family) -> QuerySet[NonCooperationDecision]:
    return (
        NonCooperationDecision.objects.filter(family=family)
        .select_related("decided_by", "episode")
        .prefetch_related("measures_considered")
    )


def not_cooperating(family: Family) -> bool:
    """An open escalation says the family stopped cooperating: only the process manager's decision lets it go."""
    return Escalation.objects.filter(
        family=family, stagnation=Stagnation.NOT_COOPERATING, closed_on__isnull=True
    ).exists()


def checkins_of_watcher(*, actor: User, limit: int) -> list[CheckIn]:
    """The next check-ins of the aftercares `actor` keeps watch over, in families the policy lets them see."""
    watched = policy.family_list(actor, policy.Permission.RECORD_CHECKIN, what="family.list.aftercare").filter(
        aftercares__watcher=actor, aftercares__ended_on__isnull=True
    )
    families = {f.pk: f for f in watched}  # read (and logged) once
    rows = list(
        CheckIn.objects.filter(
            family_id__in=families, aftercare__watcher=actor, aftercare__ended_on__isnull=True, held_on__isnull=True
        ).order_by("due_on")[:limit]
    )
    today = timezone.localdate()
    for checkin in rows:
        checkin.family = families[checkin.family_id]
        checkin.is_missed = checkin.due_on < today  # type: ignore[attr-defined]
    return rows


def own_strength_counts(family: Family) -> list[CountRow]:
    """Eigen kracht over the family's problems, counted for the evaluation (issue 10 §2)."""
    counts = dict(Problem.objects.filter(family=family).values_list("own_strength").annotate(n=Count("pk")).order_by())
    return [CountRow(str(label), counts.get(value, 0)) for value, label in OwnStrength.choices]


def families_needing_attention(*, actor: User, today: date, limit: int) -> list[tuple[Family, list[str]]]:
    """For the process manager's start page: steered families with a late evaluation, an overrun or a missed
    check-in. The flags are worked out over all of them, but only the families shown are logged as read."""
    steered = (
        policy.families_for(actor, policy.Permission.EDIT)
        .filter(status__in=workflow.STEERED)
        .select_related("approach")
        .order_by("reference")
    )
    flags = evaluation_flags(steered, today=today)
    shown = [(f, flags[f.pk]) for f in steered if f.pk in flags][:limit]
    audit.record_many(actor=actor, action="family.list.after_the_plan", families=[f for f, _ in shown])
    return shown
