from django.apps import AppConfig


class InspectionsConfig(AppConfig):
    name = "gezinsregie.inspections"
    verbose_name = "Toezicht"
