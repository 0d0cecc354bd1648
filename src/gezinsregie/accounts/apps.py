from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "gezinsregie.accounts"
    verbose_name = "Gebruikers en rollen"
