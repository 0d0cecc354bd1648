from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "gezinsregie.ops"
    verbose_name = "Beheer en bedrijfsvoering"

    def ready(self) -> None:
        from gezinsregie.ops import checks  # noqa: F401  (registers the production checks)
