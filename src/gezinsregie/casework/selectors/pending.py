"""Aanmeldingen that wait for the intake team to link them (issue 12 §6): only for who may LINK_REFERRAL them."""

from django.db.models import QuerySet
from django.http import Http404

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.audit import services as audit
from gezinsregie.casework.models import Family, PendingReferral

Permission = policy.Permission


def _waiting_for(actor: User) -> QuerySet[PendingReferral]:
    approaches = policy.approaches_for(actor, Permission.LINK_REFERRAL)
    return PendingReferral.objects.filter(approach__in=approaches, outcome="")


def pending_referrals_waiting(*, actor: User) -> int | None:
    """How many aanmeldingen wait for the actor to link them (a number, no person: not logged); None for who links
    none (the start page shows nothing then)."""
    if not policy.approaches_for(actor, Permission.LINK_REFERRAL).exists():
        return None
    return _waiting_for(actor).count()


def pending_referrals_for(*, actor: User) -> list[PendingReferral]:
    """The waiting aanmeldingen of the approaches the actor links for, oldest first; showing them is logged."""
    rows = list(_waiting_for(actor).select_related("approach", "organisation").order_by("received_at", "pk"))
    for pending in rows:
        audit.record(actor=actor, action="pending_referral.list", obj=pending)
    return rows


def access_pending_referral(actor: User, pending_id: int | str) -> PendingReferral:
    """One waiting aanmelding with the known families it may be for. Missing, handled and forbidden look the same."""
    try:
        pending = _waiting_for(actor).select_related("approach", "organisation", "referred_by").get(pk=pending_id)
    except (PendingReferral.DoesNotExist, ValueError) as missing:
        raise Http404 from missing
    audit.record(actor=actor, action="pending_referral.view", obj=pending)
    return pending


def candidates_of(*, actor: User, pending: PendingReferral) -> list[Family]:
    """The known families it may be for, with their members to compare; each one shown is logged."""
    families = list(pending.candidates.prefetch_related("members").order_by("reference"))
    audit.record_many(actor=actor, action="pending_referral.compare", families=families)
    return families
