from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "gezinsregie.notifications"
    label = "notifications"
    verbose_name = "Meldingen"
    default_auto_field = "django.db.models.BigAutoField"
