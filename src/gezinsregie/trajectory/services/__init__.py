"""Writes after the plan: evaluation, extension, closure, aftercare, check-ins and signals.

Each service asks the policy first, validates fully, writes atomically and logs; the family's states move only
through casework.workflow.
"""

from gezinsregie.trajectory.services.aftercare import aftercare_end, checkin_record, checkins_alert_missed, signal_raise
from gezinsregie.trajectory.services.closure import AftercareInput, HandoverInput, exit_problems, family_close
from gezinsregie.trajectory.services.evaluation import GoalResultInput, episode_extend, evaluation_record

__all__ = [
    "AftercareInput",
    "GoalResultInput",
    "HandoverInput",
    "aftercare_end",
    "checkin_record",
    "checkins_alert_missed",
    "episode_extend",
    "evaluation_record",
    "exit_problems",
    "family_close",
    "signal_raise",
]
