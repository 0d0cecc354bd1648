from django.contrib import admin
from django.http import HttpRequest

from gezinsregie.ops.models import WorkerHeartbeat


@admin.register(WorkerHeartbeat)
class WorkerHeartbeatAdmin(admin.ModelAdmin):
    list_display = ["worker_id", "beat_at"]
    readonly_fields = ["worker_id", "beat_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
