"""The trajectory pages of a family (gezinnen/<id>/traject/) and the partners' signal form (signaal/)."""

from gezinsregie.trajectory.views.closure import close
from gezinsregie.trajectory.views.evaluation import evaluate
from gezinsregie.trajectory.views.measures import measures
from gezinsregie.trajectory.views.overview import overview
from gezinsregie.trajectory.views.signals import signal

__all__ = ["close", "evaluate", "measures", "overview", "signal"]
