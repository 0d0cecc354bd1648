from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "gezinsregie.web"
    verbose_name = "Webapplicatie"
