from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "gezinsregie.api"
    verbose_name = "API"
