from gezinsregie.trajectory.models.aftercare import Aftercare, CheckIn, Signal, SignalStatus
from gezinsregie.trajectory.models.closure import Closure, HandoverItem
from gezinsregie.trajectory.models.evaluation import Evaluation, EvaluationKind, Extension, GoalEvaluation, GoalResult

__all__ = [
    "Aftercare",
    "CheckIn",
    "Closure",
    "Evaluation",
    "EvaluationKind",
    "Extension",
    "GoalEvaluation",
    "GoalResult",
    "HandoverItem",
    "Signal",
    "SignalStatus",
]
