from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "gezinsregie.assessment"
    verbose_name = "Zelfevaluatie tegen het toetsingskader"
