"""The approach dashboard of the live self-assessment, and the families behind a number."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import date_format

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.assessment import selectors
from gezinsregie.assessment.indicators import COMPUTED, OUTCOME_LABELS, Outcome
from gezinsregie.casework.selectors import SMALL_NUMBER, sees_every_family
from gezinsregie.common.charts import percentage_line_chart
from gezinsregie.common.counts import disclosed, disclosed_share
from gezinsregie.organisations.models import Approach

Permission = policy.Permission
DEFAULT_TREND = "C3.a.3"  # "er is een gezamenlijk plan": the finding inspectors made most often


@login_required
def index(request: HttpRequest) -> HttpResponse:
    approaches = policy.approaches_for(actor_of(request), Permission.VIEW_ASSESSMENT).select_related("municipality")
    if not approaches.exists():
        raise PermissionDenied
    if approaches.count() == 1:
        return redirect("assessment:dashboard", approach_id=approaches[0].pk)
    return render(request, "assessment/index.html", {"approaches": approaches})


@login_required
def dashboard(request: HttpRequest, approach_id: int) -> HttpResponse:
    actor = actor_of(request)
    approach = policy.approaches_for(actor, Permission.VIEW_ASSESSMENT).filter(pk=approach_id).first()
    if approach is None:
        raise Http404
    # the stored results of the background checks; computed live only while nothing is stored yet
    assessment = selectors.stored_assessment_of(actor=actor, approach=approach) or selectors.assessment_of(
        actor=actor, approach=approach
    )
    trend_key = request.GET.get("indicator", DEFAULT_TREND)
    if trend_key not in COMPUTED:
        trend_key = DEFAULT_TREND
    trend = selectors.stored_trend_of(actor=actor, approach=approach, key=trend_key) or selectors.trend_of(
        actor=actor, approach=approach, key=trend_key
    )
    trend_indicator = next((s.indicator for s in assessment.indicators if s.indicator.key == trend_key), None)
    # exact for who may see every family of the approach; for anyone else small numbers hidden, the rest rounded
    exact = sees_every_family(actor, approaches=Approach.objects.filter(pk=approach.pk))
    chart = percentage_line_chart(
        chart_id="trend",
        title=f"{trend_key} per maand: aandeel gezinnen dat voldoet",
        points=[
            (
                date_format(p.month_end, "M"),
                p.share if exact else disclosed_share(p.met, p.assessed, threshold=SMALL_NUMBER),
            )
            for p in trend
        ],
    )
    themes: dict[str, list[ShownSummary]] = {}
    for summary in assessment.indicators:
        theme = summary.indicator.criterion.theme
        themes.setdefault(f"{theme.key} {theme.name}", []).append(ShownSummary.of(summary, exact=exact))
    context = {
        "approach": approach,
        "assessment": assessment,
        "themes": themes,
        "chart": chart,
        "trend_key": trend_key,
        "trend_indicator": trend_indicator,
        "computed_keys": [s.indicator for s in assessment.indicators if s.indicator.key in COMPUTED],
        "may_see_families": policy.families_for(actor, Permission.VIEW).filter(approach=approach).exists(),
        "outcomes": OUTCOME_LABELS,
        "exact": exact,
        "threshold": SMALL_NUMBER,
        "families_shown": assessment.families if exact else disclosed(assessment.families, threshold=SMALL_NUMBER)[1],
    }
    return render(request, "assessment/dashboard.html", context)


@dataclass(frozen=True)
class ShownSummary:
    """One indicator's row as the viewer may see it: exact, or protected (issue 12 §5, common.counts)."""

    summary: selectors.IndicatorSummary
    met: str
    not_met: str
    unknown: str
    share_met: float | None

    @property
    def indicator(self) -> object:
        return self.summary.indicator

    @classmethod
    def of(cls, summary: selectors.IndicatorSummary, *, exact: bool) -> "ShownSummary":
        met, not_met = summary.counts[Outcome.MET], summary.counts[Outcome.NOT_MET]
        unknown = summary.counts[Outcome.UNKNOWN]
        if exact:
            return cls(summary, str(met), str(not_met), str(unknown), summary.share_met)
        words = {n: disclosed(n, threshold=SMALL_NUMBER)[1] for n in (met, not_met, unknown)}
        share = disclosed_share(met, met + not_met, threshold=SMALL_NUMBER)
        return cls(summary, words[met], words[not_met], words[unknown], share)


@login_required
def families(request: HttpRequest, approach_id: int, key: str, outcome: str) -> HttpResponse:
    actor = actor_of(request)
    approach = policy.approaches_for(actor, Permission.VIEW_ASSESSMENT).filter(pk=approach_id).first()
    if approach is None or outcome not in set(Outcome) or key not in COMPUTED:
        raise Http404
    stored = selectors.stored_assessment_of(actor=actor, approach=approach)
    if stored is not None:
        indicator = next(s.indicator for s in stored.indicators if s.indicator.key == key)
        total, rows = selectors.stored_families_behind(
            actor=actor, approach=approach, key=key, outcome=Outcome(outcome)
        )
    else:
        assessment = selectors.assessment_of(actor=actor, approach=approach)
        rows = selectors.families_behind(actor=actor, assessment=assessment, key=key, outcome=Outcome(outcome))
        indicator = next(s.indicator for s in assessment.indicators if s.indicator.key == key)
        total = sum(1 for per_family in assessment.results.values() if per_family[key].outcome == outcome)
    context = {
        "approach": approach,
        "indicator": indicator,
        "outcome_label": OUTCOME_LABELS[Outcome(outcome)],
        "rows": rows,
        "total": total,
    }
    return render(request, "assessment/families.html", context)


@login_required
def policy_evidence(request: HttpRequest, approach_id: int) -> HttpResponse:
    """Per policy indicator what the casework data says about the approach: numbers, never a person."""
    actor = actor_of(request)
    approach = policy.approaches_for(actor, Permission.VIEW_ASSESSMENT).filter(pk=approach_id).first()
    if approach is None:
        raise Http404
    indicators = selectors.policy_indicators(approach)
    evidence = selectors.policy_evidence_of(actor=actor, approach=approach)
    rows = [(indicator, evidence.get(indicator.key)) for indicator in indicators]
    context = {
        "approach": approach,
        "rows": rows,
        "may_record": policy.can(actor, Permission.RECORD_POLICY_FACTS, approach),
    }
    return render(request, "assessment/policy_evidence.html", context)
