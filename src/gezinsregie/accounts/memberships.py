"""Writes of memberships and user accounts by the functional admin: separation of duties (issue 12 §2).

- Nobody gives, changes or ends a membership of their own (the finding: `beheer` gave itself a process-manager
  membership and saw every family).
- A membership becomes active only when a second person approves the grant: another functional admin, or the
  privacy officer of the municipality (four-eyes). Ending a membership takes one person: it only takes access away.
- The admin never sets a password: a new account and a forgotten password get a link by e-mail, to the user.
- Every request, decision, end, new account, change, password link, unlock and API token is in the access log, and
  the municipality's privacy officers are told of every grant and end.
"""

import secrets
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from gezinsregie import policy
from gezinsregie.accounts import lockout, rules
from gezinsregie.accounts.forms import PasswordResetRequestForm
from gezinsregie.accounts.models import (
    GrantStatus,
    Membership,
    MembershipGrant,
    Role,
    User,
)
from gezinsregie.audit import services as audit
from gezinsregie.notifications.services import notify
from gezinsregie.organisations.models import Approach, Organisation

Permission = policy.Permission


def _refuse(actor: User, what: str, obj: User | Membership | MembershipGrant, message: str) -> None:
    audit.record_denial(actor=actor, permission=what, obj=obj)  # the attempt is in the log too (NEN 7513)
    raise PermissionDenied(message)


def _municipality_of(*, organisation: Organisation, approach: Approach | None) -> int | None:
    return organisation.municipality_id or (approach.municipality_id if approach is not None else None)


def privacy_officers_of(municipality_id: int | None) -> list[User]:
    """Who watches the access log of this municipality: its active privacy officers."""
    if municipality_id is None:
        return []
    return list(
        User.objects.filter(
            is_active=True,
            memberships__active=True,
            memberships__role=Role.PRIVACY_OFFICER,
            memberships__organisation__municipality_id=municipality_id,
        )
        .distinct()
        .order_by("pk")
    )


def _tell_privacy_officers(*, municipality_id: int | None, key: str, message: str, skip: Iterable[User] = ()) -> None:
    skipped = {u.pk for u in skip}
    url = reverse("accounts:grants")
    for officer in privacy_officers_of(municipality_id):
        if officer.pk not in skipped:
            notify(user=officer, key=f"{key}:{officer.pk}", message=message, url=url)


def _privacy_municipalities(actor: User) -> set[int]:
    return {
        m.organisation.municipality_id
        for m in policy.memberships_of(actor)
        if m.role == Role.PRIVACY_OFFICER and m.organisation.municipality_id is not None
    }


@transaction.atomic
def membership_grant_request(
    *, actor: User, user: User, organisation: Organisation, role: str, approach: Approach | None, reason: str
) -> MembershipGrant:
    """Ask for a membership of `user`; it waits for a second person (membership_grant_approve)."""
    policy.ensure(actor, Permission.CONFIGURE)
    grant = MembershipGrant(
        user=user, organisation=organisation, role=role, approach=approach, reason=reason.strip(), requested_by=actor
    )
    refusal = rules.grant_request_refusal(actor_id=actor.pk, user_id=user.pk)
    if refusal:
        _refuse(actor, "membership_grant", user, refusal)
    if user.is_system_account:
        raise ValidationError("Een systeemaccount heeft geen lidmaatschappen.")
    if role in {Role.PROCESS_MANAGER, Role.INTAKE} and approach is None:
        raise ValidationError({"approach": "Kies de aanpak waarvoor deze rol geldt."})
    if not grant.reason:
        raise ValidationError({"reason": "Geef de reden waarom deze gebruiker deze rol nodig heeft."})
    if Membership.objects.filter(
        user=user, organisation=organisation, role=role, approach=approach, active=True
    ).exists():
        raise ValidationError("Deze gebruiker heeft dit lidmaatschap al.")
    grant.full_clean()
    grant.save()
    audit.record(actor=actor, action="membership.grant_request", obj=grant)
    _tell_privacy_officers(
        municipality_id=_municipality_of(organisation=organisation, approach=approach),
        key=f"membership_grant:{grant.pk}:requested",
        message=f"{actor} vraagt de rol {grant.get_role_display()} bij {organisation} aan voor {user}; een tweede "
        "persoon moet dit goedkeuren.",
    )
    return grant


def _locked_grant(grant: MembershipGrant) -> MembershipGrant:
    grants = MembershipGrant.objects.select_for_update(of=("self",)).select_related("organisation", "approach", "user")
    return grants.get(pk=grant.pk)


def _decision_refusal(actor: User, grant: MembershipGrant) -> str | None:
    return rules.grant_decision_refusal(
        actor_id=actor.pk,
        requested_by_id=grant.requested_by_id,
        user_id=grant.user_id,
        pending=grant.status == GrantStatus.PENDING,
        actor_configures=policy.can(actor, Permission.CONFIGURE),
        actor_privacy_municipalities=_privacy_municipalities(actor),
        grant_municipality_id=_municipality_of(organisation=grant.organisation, approach=grant.approach),
    )


@transaction.atomic
def membership_grant_approve(*, actor: User, grant: MembershipGrant) -> Membership:
    """The second pair of eyes: the membership becomes active (a new one, or the ended one again)."""
    policy.ensure(actor, Permission.APPROVE_MEMBERSHIP)
    grant = _locked_grant(grant)
    refusal = _decision_refusal(actor, grant)
    if refusal:
        _refuse(actor, "membership_grant_approve", grant, refusal)
    membership = Membership.objects.filter(
        user=grant.user, organisation=grant.organisation, role=grant.role, approach=grant.approach
    ).first() or Membership(user=grant.user, organisation=grant.organisation, role=grant.role, approach=grant.approach)
    membership.active = True
    membership.full_clean(validate_unique=False)
    membership.save()
    if grant.role == Role.ADMINISTRATOR and not grant.user.is_staff:
        grant.user.is_staff = True  # the admin site's door; CONFIGURE (this membership) is the other half
        grant.user.save(update_fields=["is_staff"])
    grant.status, grant.decided_by, grant.decided_at, grant.membership = (
        GrantStatus.APPROVED,
        actor,
        timezone.now(),
        membership,
    )
    grant.save(update_fields=["status", "decided_by", "decided_at", "membership"])
    audit.record(actor=actor, action="membership.grant_approve", obj=membership)
    role = grant.get_role_display()
    notify(
        user=grant.user,
        key=f"membership_grant:{grant.pk}:approved:user",
        message=f"U hebt de rol {role} bij {grant.organisation} gekregen.",
    )
    _tell_privacy_officers(
        municipality_id=_municipality_of(organisation=grant.organisation, approach=grant.approach),
        key=f"membership_grant:{grant.pk}:approved",
        message=f"{actor} heeft de rol {role} bij {grant.organisation} voor {grant.user} goedgekeurd "
        f"(aangevraagd door {grant.requested_by}).",
        skip=[actor],
    )
    return membership


@transaction.atomic
def membership_grant_refuse(*, actor: User, grant: MembershipGrant) -> MembershipGrant:
    policy.ensure(actor, Permission.APPROVE_MEMBERSHIP)
    grant = _locked_grant(grant)
    refusal = _decision_refusal(actor, grant)
    if refusal:
        _refuse(actor, "membership_grant_refuse", grant, refusal)
    grant.status, grant.decided_by, grant.decided_at = GrantStatus.REFUSED, actor, timezone.now()
    grant.save(update_fields=["status", "decided_by", "decided_at"])
    audit.record(actor=actor, action="membership.grant_refuse", obj=grant)
    return grant


@transaction.atomic
def membership_end(*, actor: User, membership: Membership) -> Membership:
    """End a membership at once (one person suffices: it only takes access away), never one's own."""
    policy.ensure(actor, Permission.CONFIGURE)
    membership = (
        Membership.objects.select_for_update(of=("self",))
        .select_related("organisation", "approach", "user")
        .get(pk=membership.pk)
    )
    refusal = rules.grant_request_refusal(actor_id=actor.pk, user_id=membership.user_id)
    if refusal:
        _refuse(actor, "membership_end", membership, refusal)
    if membership.active:
        membership.active = False
        membership.save(update_fields=["active"])
        audit.record(actor=actor, action="membership.end", obj=membership)
        _tell_privacy_officers(
            municipality_id=_municipality_of(organisation=membership.organisation, approach=membership.approach),
            key=f"membership:{membership.pk}:ended:{timezone.now().isoformat()}",
            message=f"{actor} heeft de rol {membership.get_role_display()} bij {membership.organisation} van "
            f"{membership.user} beëindigd.",
        )
    return membership


def _send_password_link(user: User) -> None:
    """The e-mail of the password reset (docs/authentication.md), to this one user, with the same templates."""
    site = urlsplit(settings.SITE_URL)
    context = {
        "email": user.email,
        "domain": site.netloc,
        "site_name": site.netloc,
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "user": user,
        "token": default_token_generator.make_token(user),
        "protocol": "https" if site.scheme == "https" else "http",
    }
    PasswordResetRequestForm().send_mail(
        "registration/wachtwoord_vergeten_onderwerp.txt",
        "registration/wachtwoord_vergeten_email.txt",
        context,
        None,
        user.email,
    )


def _check_person_with_email(user: User) -> None:
    if user.is_system_account or user.is_integration_account:
        raise ValidationError("Een systeem- of koppelaccount heeft geen wachtwoord; het logt in met een API-sleutel.")
    if not user.email:
        raise ValidationError("Deze gebruiker heeft geen e-mailadres: vul dat eerst in.")


@transaction.atomic
def user_send_password_link(*, actor: User, user: User) -> None:
    """A link to set a new password, by e-mail to the user: the admin never sees or sets the password."""
    policy.ensure(actor, Permission.CONFIGURE)
    _check_person_with_email(user)
    if not user.has_usable_password():  # the reset link works only for an account with a (random) password
        user.set_password(secrets.token_urlsafe(32))
        user.save(update_fields=["password"])
    audit.record(actor=actor, action="user.password_link", obj=user)
    transaction.on_commit(lambda: _send_password_link(user))


@transaction.atomic
def user_create(
    *, actor: User, username: str, first_name: str, last_name: str, email: str, is_integration_account: bool
) -> User:
    """A new account without a password anybody knows: a person gets a link to set one, a koppelaccount none."""
    policy.ensure(actor, Permission.CONFIGURE)
    user = User(
        username=username,
        first_name=first_name,
        last_name=last_name,
        email=email,
        is_integration_account=is_integration_account,
    )
    user.set_unusable_password()
    user.full_clean()
    user.save()
    audit.record(actor=actor, action="user.create", obj=user)
    if not is_integration_account and email:
        user_send_password_link(actor=actor, user=user)
    return user


@transaction.atomic
def user_change(*, actor: User, user: User, changed: list[str]) -> User:
    """Record the admin's change of an account (the form saved it); a new e-mail address is told to the privacy
    officers, as a reset link to it would hand over the account."""
    policy.ensure(actor, Permission.CONFIGURE)
    audit.record(actor=actor, action=f"user.change:{','.join(sorted(changed))}"[:60], obj=user)
    if "email" in changed:
        municipalities = {m.organisation.municipality_id for m in user.active_memberships()}
        for municipality_id in municipalities:
            _tell_privacy_officers(
                municipality_id=municipality_id,
                key=f"user:{user.pk}:email:{timezone.now().isoformat()}",
                message=f"{actor} heeft het e-mailadres van {user} gewijzigd.",
            )
    return user


def user_unlock(*, actor: User, user: User) -> int:
    """Lift the sign-in lock of this user (all addresses), logged."""
    policy.ensure(actor, Permission.CONFIGURE)
    removed = lockout.unlock(username=user.username)
    audit.record(actor=actor, action="user.unlock", obj=user)
    return removed
