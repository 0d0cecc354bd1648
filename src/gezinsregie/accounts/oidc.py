"""Optional sign-in through a municipality's own identity provider (OpenID Connect, mozilla-django-oidc).

Off unless OIDC_ENABLED is set (conf/base.py, docs/authentication.md). The provider says who someone is; this app
still decides what they may do: a provider's user signs in only as an EXISTING, active person here, found by
e-mail address (or by username, OIDC_MATCH=username), never created, never a system or koppelaccount. Roles come
from the memberships the functional admin gave, and a second factor is still asked where it is required.
"""

from typing import Any

from django.db.models import QuerySet
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from gezinsregie.accounts.models import User


class ExistingUsersBackend(OIDCAuthenticationBackend):
    def _match(self) -> str:
        return str(self.get_settings("OIDC_MATCH", "email"))

    def _claim(self) -> str:
        return (
            "email" if self._match() == "email" else str(self.get_settings("OIDC_USERNAME_CLAIM", "preferred_username"))
        )

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        value = claims.get(self._claim())
        if not isinstance(value, str) or not value.strip():
            return False
        # An address the provider has not verified identifies nobody.
        return not (self._match() == "email" and claims.get("email_verified") is False)

    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        value = str(claims.get(self._claim()) or "").strip()
        if not value:
            return User.objects.none()
        people = User.objects.filter(is_active=True, is_system_account=False, is_integration_account=False)
        if self._match() == "email":
            return people.filter(email__iexact=value)
        return people.filter(username=value)

    def create_user(self, claims: dict[str, Any]) -> None:
        return None  # never: accounts and their roles are made by the functional admin
