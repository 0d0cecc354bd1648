from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "gezinsregie.casework"
    verbose_name = "Casuïstiek"
