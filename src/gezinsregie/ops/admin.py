from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from gezinsregie.ops.models import WorkerHeartbeat


@admin.register(WorkerHeartbeat)
class WorkerHeartbeatAdmin(admin.ModelAdmin):
    list_display = ["worker_id", "beat_at"]
    readonly_fields = ["worker_id", "beat_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


admin.site.unregister(DBTaskResult)  # django-tasks-db's own columns are English


@admin.register(DBTaskResult)
class TaskResultAdmin(DBTaskResultAdmin):
    """The background tasks and how they ended, with Dutch column names; the detail page stays the library's."""

    list_display = ("id", "task", "state", "queued", "started", "finished", "queue")  # type: ignore[assignment]
    list_filter = ()  # type: ignore[assignment]

    @admin.display(description="taak", ordering="task_path")
    def task(self, obj: DBTaskResult) -> str:
        return str(obj.task_path).rsplit(".", 1)[-1]

    @admin.display(description="status", ordering="status")
    def state(self, obj: DBTaskResult) -> str:
        return {"READY": "wacht", "RUNNING": "loopt", "SUCCESSFUL": "gelukt", "FAILED": "mislukt"}.get(
            str(obj.status), str(obj.status).lower()
        )

    @admin.display(description="in de wachtrij gezet", ordering="enqueued_at")
    def queued(self, obj: DBTaskResult) -> Any:
        return obj.enqueued_at

    @admin.display(description="gestart", ordering="started_at")
    def started(self, obj: DBTaskResult) -> Any:
        return obj.started_at

    @admin.display(description="klaar", ordering="finished_at")
    def finished(self, obj: DBTaskResult) -> Any:
        return obj.finished_at

    @admin.display(description="wachtrij", ordering="queue_name")
    def queue(self, obj: DBTaskResult) -> str:
        return str(obj.queue_name)
