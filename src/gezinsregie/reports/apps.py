from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "gezinsregie.reports"
    label = "reports"
    verbose_name = "Rapporten"
