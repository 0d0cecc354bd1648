"""Care requests: which care was asked of which provider, when it started, and when it was withdrawn.

Rapportage 21 gemeenten 2013 §3.5 (80% of the approaches had no agreements about available care) and
toetsingskader C5.b.3: the waiting time is visible per family, provider and approach.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.audit import services as audit
from gezinsregie.casework.models import CareRequest, Family
from gezinsregie.organisations.models import Organisation

Permission = policy.Permission


def _log(actor: User, action: str, family: Family, record: CareRequest) -> None:
    audit.record(
        actor=actor,
        action=action,
        family=family,
        obj=record,
        membership=policy.granting_membership(actor, Permission.EDIT, family),
    )


@transaction.atomic
def care_request_add(
    *,
    actor: User,
    family: Family,
    provider: Organisation,
    care_type: str,
    requested_on: date,
    priority: str,
    started_on: date | None = None,
) -> CareRequest:
    policy.ensure(actor, Permission.EDIT, family)
    today = timezone.localdate()
    errors: dict[str, list[str]] = {}
    if not family.approach.partners.filter(pk=provider.pk).exists():
        errors["provider"] = [f"{provider} is geen netwerkpartner van deze aanpak."]
    if not care_type.strip():
        errors["care_type"] = ["Welke zorg is aangevraagd?"]
    if requested_on > today:
        errors["requested_on"] = ["De datum van aanvragen ligt in de toekomst."]
    elif requested_on < family.registered_on:
        errors["requested_on"] = ["De aanvraag ligt vóór de aanmelding van het gezin."]
    if started_on is not None:
        if started_on < requested_on:
            errors["started_on"] = ["De zorg kan niet starten vóór de aanvraag."]
        elif started_on > today:
            errors["started_on"] = ["De startdatum ligt in de toekomst: leg de start vast als de zorg begonnen is."]
    if errors:
        raise ValidationError(errors)
    record = CareRequest(
        family=family,
        provider=provider,
        care_type=care_type.strip(),
        requested_on=requested_on,
        priority=priority,
        started_on=started_on,
        requested_by=actor,
    )
    record.full_clean()
    record.save()
    _log(actor, "care.request", family, record)
    return record


def _open(record: CareRequest) -> CareRequest:
    locked = CareRequest.objects.select_for_update(of=("self",)).select_related("family").get(pk=record.pk)
    if not locked.is_waiting:
        raise ValidationError("Deze zorgvraag is al gestart of ingetrokken.")
    return locked


@transaction.atomic
def care_request_start(*, actor: User, care_request: CareRequest, started_on: date) -> CareRequest:
    policy.ensure(actor, Permission.EDIT, care_request.family)
    record = _open(care_request)
    if started_on < record.requested_on:
        raise ValidationError({"started_on": ["De zorg kan niet starten vóór de aanvraag."]})
    if started_on > timezone.localdate():
        raise ValidationError({"started_on": ["De startdatum ligt in de toekomst."]})
    record.started_on = started_on
    record.full_clean()
    record.save()
    _log(actor, "care.start", record.family, record)
    return record


@transaction.atomic
def care_request_withdraw(*, actor: User, care_request: CareRequest, withdrawn_on: date, reason: str) -> CareRequest:
    policy.ensure(actor, Permission.EDIT, care_request.family)
    record = _open(care_request)
    errors: dict[str, list[str]] = {}
    if not reason.strip():
        errors["reason"] = ["Waarom is de zorgvraag ingetrokken?"]
    if withdrawn_on < record.requested_on or withdrawn_on > timezone.localdate():
        errors["withdrawn_on"] = ["Kies een datum tussen de aanvraag en vandaag."]
    if errors:
        raise ValidationError(errors)
    record.withdrawn_on, record.withdrawal_reason = withdrawn_on, reason.strip()
    record.full_clean()
    record.save()
    _log(actor, "care.withdraw", record.family, record)
    return record
