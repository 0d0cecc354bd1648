"""Writes after the plan: evaluation (with the family's answers), extension, closure, aftercare, check-ins and signals.

Each service asks the policy first, validates fully, writes atomically and logs; the family's states move only
through casework.workflow.
"""

from gezinsregie.trajectory.services.aftercare import (
    aftercare_end,
    aftercares_complete,
    checkin_record,
    checkins_alert_missed,
    signal_raise,
)
from gezinsregie.trajectory.services.closure import AftercareInput, HandoverInput, exit_problems, family_close
from gezinsregie.trajectory.services.evaluation import GoalResultInput, episode_extend, evaluation_record
from gezinsregie.trajectory.services.voices import FamilyVoiceInput, family_voice_record

__all__ = [
    "AftercareInput",
    "FamilyVoiceInput",
    "GoalResultInput",
    "HandoverInput",
    "aftercare_end",
    "aftercares_complete",
    "checkin_record",
    "checkins_alert_missed",
    "episode_extend",
    "evaluation_record",
    "exit_problems",
    "family_close",
    "family_voice_record",
    "signal_raise",
]
