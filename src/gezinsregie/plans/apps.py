from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "gezinsregie.plans"
    verbose_name = "Gezinsplannen"
