"""The accounts app in the admin (configuration only; policy CONFIGURE): accounts, roles, sign-in locks, API keys."""

from gezinsregie.accounts.admin import access, roles, users

__all__ = ["access", "roles", "users"]
