from django.apps import AppConfig


class FrameworksConfig(AppConfig):
    name = "gezinsregie.frameworks"
    verbose_name = "Toetsingskaders en leefgebieden"
