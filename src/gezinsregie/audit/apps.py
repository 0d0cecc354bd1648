from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "gezinsregie.audit"
    verbose_name = "Toegangslog"
