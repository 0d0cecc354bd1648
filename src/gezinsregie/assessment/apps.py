from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "gezinsregie.assessment"
    verbose_name = "Zelfevaluatie tegen het toetsingskader"

    def ready(self) -> None:
        from gezinsregie.assessment import receivers

        receivers.connect()
