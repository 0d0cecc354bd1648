"""The API's one way in besides the browser session: a personal API token (issue 12 §1; no Basic auth, no password).

    Authorization: Token gzr_…

A wrong token counts as a failed sign-in (accounts.lockout); after too many from one address the API answers 429
until the cool-off has passed, also for a right token.
"""

from typing import Any

from django.http import HttpRequest
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.request import Request

from gezinsregie.accounts import lockout, services
from gezinsregie.accounts.models import ApiToken, User

KEYWORD = "Token"


class ApiTokenAuthentication(BaseAuthentication):
    def authenticate(self, request: Request) -> tuple[User, ApiToken] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != KEYWORD.lower().encode():
            return None  # no token offered: another class (the session) may authenticate, or nobody
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed("Ongeldige Authorization-header: gebruik 'Token <sleutel>'.")
        django_request: HttpRequest = request._request
        if lockout.api_token_locked(django_request):
            raise exceptions.Throttled(detail=lockout.lockout_message(django_request))
        try:
            secret = parts[1].decode()
        except UnicodeError:
            secret = ""
        token = services.api_token_authenticate(secret=secret)
        if token is None:
            lockout.api_token_failed(django_request)
            raise exceptions.AuthenticationFailed("Ongeldige of ingetrokken API-sleutel.")
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        return KEYWORD  # 401 with WWW-Authenticate: Token, not 403


class ApiTokenScheme(OpenApiAuthenticationExtension):
    """The token in the OpenAPI schema (drf-spectacular), so integrators see how to sign in."""

    target_class = "gezinsregie.accounts.authentication.ApiTokenAuthentication"
    name = "apiToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "Persoonlijke API-sleutel, aan te maken op de accountpagina: `Authorization: Token gzr_…`.",
        }
