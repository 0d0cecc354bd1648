from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "gezinsregie.common"
    label = "common"
    verbose_name = "Gedeelde onderdelen"
