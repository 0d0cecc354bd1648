"""The readings after the plan: evaluation with the family, closure with a reason, what is arranged at the end.

Each reads the current episode as it stood on `as_of` (assessment.facts picks the episode).
"""

from datetime import timedelta

from gezinsregie.assessment.indicators.base import FamilyFacts, Outcome, Result
from gezinsregie.casework.workflow import ClosureReason
from gezinsregie.common.formatting import long_date

# toetsingskader C5.a.1: the approach runs until the problems are solved or manageable
SOLVED_OR_MANAGEABLE = frozenset(
    {
        ClosureReason.GOALS_REACHED,
        ClosureReason.MANAGEABLE,
        ClosureReason.DIRECTION_NOT_NEEDED,
        ClosureReason.HANDED_OVER,
    }
)


NOT_STARTED = Result(Outcome.UNKNOWN, "Het traject is nog niet gestart.")


def _evaluation_due(f: FamilyFacts) -> bool:
    """A first evaluation is due once an interval has passed since the start (approach setting)."""
    return f.started_on is not None and f.as_of > f.started_on + timedelta(days=f.evaluation_interval_days)


def c2_a_4(f: FamilyFacts) -> Result:
    """Reads as: every evaluation of this episode was held with the family; none held when one was due fails."""
    if f.started_on is None:
        return NOT_STARTED
    without = [e for e in f.evaluations if not e[2]]
    if without:
        last = long_date(without[-1][0])
        return Result(
            Outcome.NOT_MET, f"{len(without)} van de {len(f.evaluations)} evaluaties zonder het gezin (laatste {last})."
        )
    if f.evaluations:
        return Result(Outcome.MET, f"Alle {len(f.evaluations)} evaluaties met het gezin.")
    if _evaluation_due(f):
        return Result(Outcome.NOT_MET, "Er had een evaluatie moeten zijn, maar er is geen gehouden.")
    return Result(Outcome.UNKNOWN, "Nog geen evaluatie: die is nog niet aan de orde.")


def c3_a_5(f: FamilyFacts) -> Result:
    """Reads as: the results are evaluated jointly, per goal, in the approach's rhythm (and finally at closure)."""
    if f.started_on is None:
        return NOT_STARTED
    with_results = sorted(e[0] for e in f.evaluations if e[3] > 0)
    if f.closure is not None:
        finals = [e for e in f.evaluations if e[1] == "final" and e[3] > 0]
        if finals:
            return Result(Outcome.MET, f"Eindevaluatie van de resultaten op {long_date(finals[-1][0])}.")
        return Result(Outcome.NOT_MET, "Afgesloten zonder eindevaluatie van de resultaten per doel.")
    last = with_results[-1] if with_results else None
    due_on = (last or f.started_on) + timedelta(days=f.evaluation_interval_days)
    if f.as_of > due_on:
        since = f"sinds {long_date(due_on)}"
        return Result(Outcome.NOT_MET, f"De evaluatie van de resultaten is te laat ({since}).")
    if last is not None:
        return Result(Outcome.MET, f"Resultaten per doel geëvalueerd op {long_date(last)}.")
    return Result(Outcome.UNKNOWN, "Nog geen evaluatie van de resultaten: die is nog niet aan de orde.")


def c5_a_1(f: FamilyFacts) -> Result:
    """Reads as: the episode closed because the problems were solved or manageable, not before."""
    if f.closure is None:
        return Result(Outcome.UNKNOWN, "Het traject loopt nog; de reden van afsluiten beantwoordt dit.")
    label = ClosureReason(f.closure.reason).label
    if f.closure.reason in SOLVED_OR_MANAGEABLE:
        return Result(Outcome.MET, f"Afgesloten op {long_date(f.closure.closed_on)}: {label}.")
    if f.closure.reason == ClosureReason.MOVED_AWAY:
        return Result(Outcome.UNKNOWN, f"Afgesloten omdat het gezin verhuisde ({long_date(f.closure.closed_on)}).")
    return Result(Outcome.NOT_MET, f"Afgesloten voordat de problemen beheersbaar waren: {label}.")


def c5_c_1(f: FamilyFacts) -> Result:
    """Reads as: at the end it is written what care is still needed and who gives it, and aftercare arranged."""
    if f.closure is None:
        return Result(Outcome.UNKNOWN, "Het traject loopt nog.")
    missing = []
    if not f.closure.handover:
        missing.append("geen overdracht van wat nog nodig is")
    if not f.closure.aftercare_or_reasoned_waiver:
        missing.append("geen nazorg en geen reden om ervan af te zien")
    if missing:
        return Result(Outcome.NOT_MET, "Bij de afsluiting: " + " en ".join(missing) + ".")
    return Result(Outcome.MET, "Bij de afsluiting is de overdracht vastgelegd en de nazorg geregeld.")
