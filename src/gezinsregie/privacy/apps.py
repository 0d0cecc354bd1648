from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    """The family's rights under the AVG: inzage, rectificatie, and erasure after the retention period."""

    name = "gezinsregie.privacy"
    label = "privacy"
    verbose_name = "Rechten van het gezin"
    default_auto_field = "django.db.models.BigAutoField"
