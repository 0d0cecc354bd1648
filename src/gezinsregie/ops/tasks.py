"""The heartbeat task. The scheduler (`manage.py schedule_checks`) enqueues it every minute; whichever worker picks
it up records that it is alive, so a recent heartbeat proves the whole chain: scheduler, queue, worker, database.
No personal data, so no policy question: it writes only its own row."""

from django_tasks import TaskContext, task

from gezinsregie.ops.services import heartbeat_record


@task(takes_context=True)
def heartbeat(context: TaskContext) -> str:
    worker_ids = context.task_result.worker_ids
    worker_id = worker_ids[-1] if worker_ids else "onbekend"
    heartbeat_record(worker_id=worker_id)
    return worker_id
