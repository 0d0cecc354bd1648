from django.apps import AppConfig


class TrajectoryConfig(AppConfig):
    """After the plan: evaluation, the trajectory's length, closure with a reason, aftercare and re-entry."""

    name = "gezinsregie.trajectory"
    label = "trajectory"
    verbose_name = "Traject: evaluatie, afsluiting en nazorg"
    default_auto_field = "django.db.models.BigAutoField"
