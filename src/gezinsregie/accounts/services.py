"""Writes of signing in: API tokens, the second factor and its recovery codes (issue 12 §1).

The account pages act only on the signed-in user's own account; the functional admin makes tokens only for a
koppelaccount, never for a person (that would be signing in as someone else).
"""

import hashlib
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from gezinsregie import policy
from gezinsregie.accounts import rules
from gezinsregie.accounts.models import ApiToken, RecoveryCode, RecoveryCodeDevice, User
from gezinsregie.audit import services as audit

AUTHENTICATOR_NAME = "Authenticator-app"
RECOVERY_NAME = "Herstelcodes"


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, actor: User, user: User, name: str) -> tuple[ApiToken, str]:
    """A new token for `user`: the record and the secret, which is never shown again.

    A person makes tokens for themselves; the functional admin (who may configure) for a koppelaccount only."""
    if user.is_system_account:
        raise PermissionDenied
    if actor.pk != user.pk and not (user.is_integration_account and policy.can(actor, policy.Permission.CONFIGURE)):
        raise PermissionDenied
    if not name.strip():
        raise ValidationError({"name": "Geef de sleutel een naam, bijvoorbeeld de koppeling waarvoor hij is."})
    secret = rules.new_api_token()
    token = ApiToken(
        user=user, name=name.strip(), prefix=rules.visible_part(secret), digest=token_digest(secret), created_by=actor
    )
    token.full_clean()
    token.save()
    audit.record(actor=actor, action="api_token.create", obj=token)  # issue 12 §2: who made a key for whom
    return token, secret


@transaction.atomic
def api_token_revoke(*, actor: User, token: ApiToken) -> ApiToken:
    """Revoke a token at once (its owner, or the functional admin for anyone's); the record stays."""
    if token.user_id != actor.pk and not policy.can(actor, policy.Permission.CONFIGURE):
        raise PermissionDenied
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit.record(actor=actor, action="api_token.revoke", obj=token)
    return token


def api_token_authenticate(*, secret: str) -> ApiToken | None:
    """The active token with this secret (and its user), its last use recorded; None for anything else."""
    if not secret.startswith(rules.TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=token_digest(secret), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None or token.user.is_system_account:
        return None
    now = timezone.now()
    # Not on every request: once a minute is precise enough to see whether a token is still in use.
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


@transaction.atomic
def authenticator_start(*, user: User) -> TOTPDevice:
    """The user's unconfirmed authenticator device to enrol (a new secret only if there is none yet)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    return device


@transaction.atomic
def authenticator_confirm(*, user: User, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the enrolment with a code from the app: the other devices go, ten new recovery codes (returned in
    clear, once) come. None if the code is wrong."""
    if device.user_id != user.pk or device.confirmed:
        raise PermissionDenied
    if not rules.looks_like_totp_code(code) or not device.verify_token(code.replace(" ", "")):
        return None
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return recovery_codes_renew(user=user)


@transaction.atomic
def recovery_codes_renew(*, user: User) -> list[str]:
    """Ten new recovery codes (the old ones stop working), returned in clear to be shown once."""
    RecoveryCodeDevice.objects.filter(user=user).delete()
    device = RecoveryCodeDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [rules.new_recovery_code() for _ in range(rules.RECOVERY_CODE_COUNT)]
    RecoveryCode.objects.bulk_create(
        RecoveryCode.hashed(device=device, code=rules.normalise_recovery_code(code) or "") for code in codes
    )
    return codes


@transaction.atomic
def second_factor_remove(*, user: User) -> None:
    """Remove the authenticator and the recovery codes (only where the second factor is not required)."""
    TOTPDevice.objects.filter(user=user).delete()
    RecoveryCodeDevice.objects.filter(user=user).delete()


def second_factor_verify(*, user: User, code: str) -> TOTPDevice | RecoveryCodeDevice | None:
    """The device that accepts this code: a six-digit code is tried on the authenticator, anything else as a
    recovery code. Each device throttles its own failures (django-otp: a growing wait after each wrong code)."""
    with transaction.atomic():
        if rules.looks_like_totp_code(code):
            devices: list[TOTPDevice | RecoveryCodeDevice] = list(
                TOTPDevice.objects.filter(user=user, confirmed=True).select_for_update()
            )
            code = code.replace(" ", "")
        else:
            devices = list(RecoveryCodeDevice.objects.filter(user=user, confirmed=True).select_for_update())
        return next((d for d in devices if d.verify_token(code)), None)
