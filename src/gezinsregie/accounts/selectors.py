"""Reads of signing in (a user's own tokens and second factor) and the grants waiting for a second person."""

from django.db.models import Q, QuerySet
from django_otp.plugins.otp_totp.models import TOTPDevice

from gezinsregie import policy
from gezinsregie.accounts.models import ApiToken, GrantStatus, MembershipGrant, RecoveryCodeDevice, Role, User


def api_tokens_of(*, user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("revoked_at", "-created_at")


def has_authenticator(*, user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def recovery_codes_left(*, user: User) -> int:
    device = RecoveryCodeDevice.objects.filter(user=user, confirmed=True).first()
    return device.unused_codes().count() if device else 0


def grants_to_decide(*, actor: User) -> QuerySet[MembershipGrant]:
    """The pending grants `actor` may approve or refuse (issue 12 §2): not asked by them, not for them; a functional
    admin every one, a privacy officer those within their municipality."""
    pending = (
        MembershipGrant.objects.filter(status=GrantStatus.PENDING)
        .exclude(requested_by=actor)
        .exclude(user=actor)
        .select_related("user", "organisation", "approach", "requested_by")
    )
    if not policy.can(actor, policy.Permission.APPROVE_MEMBERSHIP):
        return pending.none()
    if policy.can(actor, policy.Permission.CONFIGURE):
        return pending
    municipalities = [
        m.organisation.municipality_id for m in policy.memberships_of(actor) if m.role == Role.PRIVACY_OFFICER
    ]
    return pending.filter(
        Q(organisation__municipality_id__in=municipalities)
        | Q(organisation__municipality__isnull=True, approach__municipality_id__in=municipalities)
    )
