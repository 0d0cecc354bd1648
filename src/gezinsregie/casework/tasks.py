"""Background work (django-tasks, database backend): the periodic deadline checks.

`run_checks` is enqueued by `manage.py schedule_checks` (the scheduler) and executed by `manage.py db_worker`;
`manage.py run_checks` runs the same checks once, in the foreground. Every check is idempotent and catches up:
what was due while nobody ran it is done on the next run, nothing twice.
"""

from django.utils import timezone
from django_tasks import task

from gezinsregie.accounts.system import SystemPurpose, system_actor
from gezinsregie.assessment.services import assessment_refresh
from gezinsregie.audit import context
from gezinsregie.casework.services.decision import decisions_without_answer
from gezinsregie.casework.services.escalation import escalations_climb_due
from gezinsregie.common.idempotency import tokens_prune
from gezinsregie.notifications.services import notifications_email_pending
from gezinsregie.plans.services import actions_remind_owners
from gezinsregie.privacy.services import families_erase_due
from gezinsregie.trajectory.services import aftercares_complete, checkins_alert_missed

TASK_CONTEXT = context.AccessContext(channel="task")


def checks() -> dict[str, int]:
    """Every periodic check, as the background-task system account, logged with channel 'task'."""
    token = context.current.set(TASK_CONTEXT)
    try:
        actor = system_actor(SystemPurpose.BACKGROUND_TASKS)
        # decisions first: an escalation they open today starts on rung one and is climbed from tomorrow
        opened = decisions_without_answer(actor=actor)
        return {
            "decisions_escalated": opened,
            "escalation_steps": escalations_climb_due(actor=actor),
            "action_reminders": actions_remind_owners(actor=actor),
            "checkin_alerts": checkins_alert_missed(actor=actor, today=timezone.localdate()),
            "aftercare_completed": aftercares_complete(actor=actor, today=timezone.localdate()),
            "assessment_recomputed": assessment_refresh(actor=actor),  # stored self-assessment (issue 13 §11)
            # after the recomputation: an erased family keeps the results it had (issue 12 §9)
            "families_erased": families_erase_due(actor=actor, today=timezone.localdate()),
            "form_tokens_pruned": tokens_prune(),
            # last: every notice above is committed by now (e-mail goes out on commit); this retries what did not
            "emails_retried": notifications_email_pending(actor=actor),
        }
    finally:
        context.current.reset(token)


@task()
def run_checks() -> dict[str, int]:
    return checks()
