from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "gezinsregie.demo"
    verbose_name = "Demogegevens"
