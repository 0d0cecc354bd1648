"""The toestemmingsverklaring: recording it and withdrawing it. Nothing is shared beyond it."""

from collections.abc import Sequence
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.audit import services as audit
from gezinsregie.casework.models import (
    Consent,
    Family,
)
from gezinsregie.organisations.models import Organisation

Permission = policy.Permission


def _today() -> date:
    return timezone.localdate()


@transaction.atomic
def consent_record(
    *,
    actor: User,
    family: Family,
    informed_of_rights: bool,
    signed_on: date,
    signed_by: str,
    organisations: Sequence[Organisation],
    scan: UploadedFile | None = None,
    covers_network_contacts: bool = False,
) -> Consent:
    policy.ensure(actor, Permission.EDIT, family)
    errors: dict[str, list[str]] = {}
    if not informed_of_rights:
        errors["informed_of_rights"] = ["Informeer het gezin eerst over zijn rechten; pas daarna telt de toestemming."]
    if signed_on > _today():
        errors["signed_on"] = ["De datum van ondertekening ligt in de toekomst."]
    if signed_on < family.registered_on:
        errors["signed_on"] = ["De toestemming kan niet vóór de aanmelding getekend zijn."]
    if not organisations:
        errors["organisations"] = ["Noem minstens één organisatie die informatie mag delen."]
    allowed = set(family.approach.partners.values_list("pk", flat=True))
    if any(o.pk not in allowed for o in organisations):
        errors["organisations"] = ["Kies alleen organisaties die aan deze aanpak verbonden zijn."]
    if not signed_by.strip():
        errors["signed_by"] = ["Wie heeft getekend?"]
    if errors:
        raise ValidationError(errors)
    consent = Consent(
        family=family,
        informed_of_rights=True,
        signed_on=signed_on,
        signed_by=signed_by.strip(),
        covers_network_contacts=covers_network_contacts,
        recorded_by=actor,
    )
    if scan is not None:
        consent.scan = scan
    consent.full_clean()
    consent.save()
    consent.organisations.set(organisations)
    audit.record(actor=actor, action="consent.record", family=family, obj=consent)
    return consent


@transaction.atomic
def consent_withdraw(*, actor: User, consent: Consent, withdrawn_on: date, reason: str) -> Consent:
    policy.ensure(actor, Permission.EDIT, consent.family)
    if consent.withdrawn_on is not None:
        raise ValidationError("Deze toestemming is al ingetrokken.")
    if withdrawn_on < consent.signed_on or withdrawn_on > _today():
        raise ValidationError({"withdrawn_on": ["Kies een datum tussen ondertekening en vandaag."]})
    consent.withdrawn_on, consent.withdrawal_reason = withdrawn_on, reason.strip()
    consent.full_clean()
    consent.save()
    audit.record(actor=actor, action="consent.withdraw", family=consent.family, obj=consent)
    return consent
