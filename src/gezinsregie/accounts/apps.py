from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "gezinsregie.accounts"
    verbose_name = "Gebruikers en rollen"

    def ready(self) -> None:
        from gezinsregie.accounts import receivers  # noqa: F401  (connects the signal receivers)
