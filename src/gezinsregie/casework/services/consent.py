"""The toestemmingsverklaring: recording it and withdrawing it. Nothing is shared beyond it.

A new consent supersedes the one in force (issue 12 §7): the older one ends on the day the new one was signed,
with a reference to it, so a narrower consent is not undone by the wider one before it. An organisation the new
consent leaves out loses access; the service refuses until the recorder confirms that, naming the organisations.
"""

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
from gezinsregie.casework.services.locks import family_lock
from gezinsregie.common.formatting import long_date
from gezinsregie.organisations.models import Organisation

Permission = policy.Permission


def _today() -> date:
    return timezone.localdate()


class ConsentLossError(ValidationError):
    """The new consent leaves out organisations the consent in force names: confirm first that they lose access."""

    def __init__(self, organisations: list[Organisation]) -> None:
        self.organisations = organisations
        names = ", ".join(o.name for o in organisations)
        super().__init__(
            {
                "organisations": [
                    f"Deze verklaring vervangt de toestemming die nu geldt. Deze organisaties verliezen daarmee de "
                    f"toegang tot het gezin: {names}. Bevestig dat dit de bedoeling is."
                ]
            },
            code="consent_losses",
        )


def consents_in_force(family: Family) -> list[Consent]:
    """The consents not withdrawn (signed today or before): what a new consent supersedes."""
    return list(family.consents.filter(withdrawn_on__isnull=True).prefetch_related("organisations").order_by("pk"))


def consent_losses(*, family: Family, organisations: Sequence[Organisation]) -> list[Organisation]:
    """The organisations named in a consent in force that `organisations` leave out: they would lose access."""
    kept = {o.pk for o in organisations}
    named = {o.pk: o for c in consents_in_force(family) for o in c.organisations.all()}
    return sorted((o for pk, o in named.items() if pk not in kept), key=lambda o: o.name)


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
    confirm_losses: bool = False,
) -> Consent:
    """Record a consent; it supersedes the consents in force. Raises ConsentLossError when organisations would lose
    access and `confirm_losses` is not set."""
    policy.ensure(actor, Permission.EDIT, family)
    family_lock(family)  # two consents recorded at once: the second supersedes the first
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
    earlier = consents_in_force(family)
    later = [c for c in earlier if c.signed_on > signed_on]
    if later:
        errors["signed_on"] = [
            f"Er geldt een toestemming die later is getekend ({long_date(later[0].signed_on)}). Een oudere verklaring "
            "kan die niet vervangen; trek die eerst in als dat de bedoeling is."
        ]
    if errors:
        raise ValidationError(errors)
    losses = consent_losses(family=family, organisations=organisations)
    if losses and not confirm_losses:
        raise ConsentLossError(losses)
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
    for old in earlier:
        old.withdrawn_on, old.superseded_by = signed_on, consent
        old.withdrawal_reason = f"Vervangen door de toestemming van {long_date(signed_on)}."
        old.full_clean()
        old.save(update_fields=["withdrawn_on", "superseded_by", "withdrawal_reason"])
        audit.record(actor=actor, action="consent.supersede", family=family, obj=old)
    return consent


@transaction.atomic
def consent_withdraw(*, actor: User, consent: Consent, withdrawn_on: date, reason: str) -> Consent:
    policy.ensure(actor, Permission.EDIT, consent.family)
    family_lock(consent.family)
    consent.refresh_from_db()  # withdrawn or superseded a moment ago: said so, not written twice
    if consent.withdrawn_on is not None:
        raise ValidationError("Deze toestemming is al ingetrokken.")
    if withdrawn_on < consent.signed_on or withdrawn_on > _today():
        raise ValidationError({"withdrawn_on": ["Kies een datum tussen ondertekening en vandaag."]})
    consent.withdrawn_on, consent.withdrawal_reason = withdrawn_on, reason.strip()
    consent.full_clean()
    consent.save()
    audit.record(actor=actor, action="consent.withdraw", family=consent.family, obj=consent)
    return consent
