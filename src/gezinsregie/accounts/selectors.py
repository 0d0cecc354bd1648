"""Reads of signing in: a user's own tokens and second factor."""

from django.db.models import QuerySet
from django_otp.plugins.otp_totp.models import TOTPDevice

from gezinsregie.accounts.models import ApiToken, RecoveryCodeDevice, User


def api_tokens_of(*, user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("revoked_at", "-created_at")


def has_authenticator(*, user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def recovery_codes_left(*, user: User) -> int:
    device = RecoveryCodeDevice.objects.filter(user=user, confirmed=True).first()
    return device.unused_codes().count() if device else 0
