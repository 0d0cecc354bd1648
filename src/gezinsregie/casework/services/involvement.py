"""Betrokkenheid: the coordinator or process manager invites a professional for some of the family's problems,
the professional accepts or declines, and the involvement ends with a date and a reason (and the access with it).

Nota van bevindingen Maastricht 2014 §4.1: the professionals around the family work as one, each known to the
others; nothing is shared beyond the consent (the toestemmingsverklaring names the organisations).
"""

from collections.abc import Sequence
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import Role, User
from gezinsregie.audit import services as audit
from gezinsregie.casework import workflow
from gezinsregie.casework.models import Family, Involvement, Problem
from gezinsregie.casework.services.locks import family_lock
from gezinsregie.casework.workflow import InvolvementStatus, InvolvementStep
from gezinsregie.notifications.services import notify
from gezinsregie.organisations.models import Organisation
from gezinsregie.plans.selectors import consented_organisation_ids

Permission = policy.Permission
MAX_DAYS_AHEAD = 90  # an involvement starts now or soon; a date further ahead is a typing error


def _today() -> date:
    return timezone.localdate()


def professionals_of(organisation: Organisation) -> list[User]:
    """Who can be invited for an organisation: its active professionals."""
    return list(
        User.objects.filter(
            is_active=True,
            memberships__organisation=organisation,
            memberships__role=Role.PROFESSIONAL,
            memberships__active=True,
        )
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def _family_url(family: Family) -> str:
    return reverse("web:family", kwargs={"family_id": family.pk})


@transaction.atomic
def involvement_propose(
    *,
    actor: User,
    family: Family,
    user: User,
    organisation: Organisation,
    circle: str,
    problems: Sequence[Problem],
    started_on: date,
) -> Involvement:
    """Invite a professional of a partner organisation named in the consent; they are told in the app and by e-mail."""
    policy.ensure(actor, Permission.EDIT, family)
    family_lock(family)  # two invitations at once: the second sees the first (issue 12 §8)
    today = _today()
    errors: dict[str, list[str]] = {}
    if not family.is_steered:
        errors.setdefault("__all__", []).append(
            f"Een gezin met de status '{family.get_status_display()}' krijgt geen nieuwe betrokkenen."
        )
    if not family.approach.partners.filter(pk=organisation.pk).exists():
        errors.setdefault("organisation", []).append(f"{organisation} is geen netwerkpartner van deze aanpak.")
    elif organisation.pk not in consented_organisation_ids(family, today=today):
        errors.setdefault("organisation", []).append(
            f"{organisation} staat niet in een geldige toestemmingsverklaring van het gezin. Vraag het gezin eerst "
            "om toestemming om informatie met deze organisatie te delen."
        )
    if user not in professionals_of(organisation):
        errors.setdefault("user", []).append(f"Deze persoon is geen professional van {organisation}.")
    if any(p.family_id != family.pk for p in problems):
        errors.setdefault("problems", []).append("Kies alleen problemen van dit gezin.")
    if started_on < family.registered_on:
        errors.setdefault("started_on", []).append("De betrokkenheid kan niet vóór de aanmelding beginnen.")
    if started_on > today + timedelta(days=MAX_DAYS_AHEAD):
        errors.setdefault("started_on", []).append(
            f"Deze datum ligt meer dan {MAX_DAYS_AHEAD} dagen vooruit. Klopt de datum?"
        )
    already = family.involvements.filter(user=user, organisation=organisation, status__in=workflow.INVOLVEMENT_OPEN)
    if already.exists():
        errors.setdefault("user", []).append("Deze professional is al uitgenodigd of betrokken bij dit gezin.")
    if errors:
        raise ValidationError(errors)
    involvement = Involvement(
        family=family,
        user=user,
        organisation=organisation,
        circle=circle,
        status=InvolvementStatus.PROPOSED,
        proposed_by=actor,
        started_on=started_on,
    )
    involvement.full_clean()
    involvement.save()
    involvement.problems.set(problems)
    audit.record(
        actor=actor,
        action="involvement.propose",
        family=family,
        obj=involvement,
        membership=policy.granting_membership(actor, Permission.EDIT, family),
    )
    notify(
        user=user,
        key=f"involvement:{involvement.pk}:proposed",
        message=f"U bent uitgenodigd om betrokken te worden bij gezin {family.reference} ({organisation}).",
        url=reverse("casework:invitation", kwargs={"involvement_id": involvement.pk}),
        family=family,
    )
    return involvement


@transaction.atomic
def involvement_respond(*, actor: User, involvement: Involvement, accept: bool, reason: str = "") -> Involvement:
    """The invited professional accepts (and from then on sees the family) or declines, with a reason."""
    if not policy.invitations_for(actor).filter(pk=involvement.pk).exists():
        raise PermissionDenied
    involvement = (
        Involvement.objects.select_for_update(of=("self",))
        .select_related("family", "proposed_by")
        .get(pk=involvement.pk)
    )
    step = InvolvementStep.ACCEPT if accept else InvolvementStep.DECLINE
    involvement.status = workflow.involvement_advance(involvement.status, step)
    if not accept and not reason.strip():
        raise ValidationError({"reason": ["Geef de reden waarom u niet betrokken kunt worden."]})
    involvement.responded_on, involvement.decline_reason = _today(), reason.strip()
    if accept and involvement.started_on < involvement.responded_on:
        involvement.started_on = involvement.responded_on  # access starts when they said yes, not before
    involvement.full_clean()
    involvement.save()
    family = involvement.family
    audit.record(actor=actor, action=f"involvement.{step.value}", family=family, obj=involvement)
    if involvement.proposed_by is not None:
        verdict = "heeft de uitnodiging aangenomen" if accept else f"kan niet betrokken worden: {reason.strip()}"
        notify(
            user=involvement.proposed_by,
            key=f"involvement:{involvement.pk}:{step.value}",
            message=f"{actor} ({involvement.organisation}) {verdict} (gezin {family.reference}).",
            url=reverse("casework:involvements", kwargs={"family_id": family.pk}),
            family=family,
        )
    return involvement


@transaction.atomic
def involvement_end(
    *, actor: User, involvement: Involvement, ended_on: date, reason: str, note: str = ""
) -> Involvement:
    """End an involvement (or withdraw an invitation) with a date and a reason; the professional's access ends."""
    policy.ensure(actor, Permission.EDIT, involvement.family)
    involvement = Involvement.objects.select_for_update(of=("self",)).select_related("family").get(pk=involvement.pk)
    was_invitation = involvement.status == InvolvementStatus.PROPOSED
    involvement.status = workflow.involvement_advance(involvement.status, InvolvementStep.END)
    errors: dict[str, list[str]] = {}
    if not reason:
        errors["end_reason"] = ["Kies de reden van beëindigen."]
    if ended_on > _today():
        errors["ended_on"] = ["De einddatum ligt in de toekomst."]
    if was_invitation:  # a withdrawn invitation never started
        involvement.started_on = min(involvement.started_on, ended_on)
    elif ended_on < involvement.started_on:
        errors["ended_on"] = ["De einddatum ligt vóór het begin van de betrokkenheid."]
    if errors:
        raise ValidationError(errors)
    involvement.ended_on, involvement.end_reason, involvement.end_note = ended_on, reason, note.strip()
    involvement.full_clean()
    involvement.save()
    family = involvement.family
    audit.record(
        actor=actor,
        action="involvement.end",
        family=family,
        obj=involvement,
        membership=policy.granting_membership(actor, Permission.EDIT, family),
    )
    notify(
        user=involvement.user,
        key=f"involvement:{involvement.pk}:ended",
        message=f"Uw betrokkenheid bij gezin {family.reference} is beëindigd ({involvement.get_end_reason_display()}).",
        family=family,
    )
    return involvement
