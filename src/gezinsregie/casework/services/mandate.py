"""The machtiging: the family's mandate to an inspectorate to review its case, recorded and withdrawn.

No mandate, no access: the policy's rule `_mandated` (INSPECT) reads exactly these records, so recording one opens
the case to that inspectorate's inspectors (pseudonymised unless the scope says full) and withdrawing it closes it
the same day. Recorded by whoever steers the case (EDIT: the coordinator, the process manager).
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.audit import services as audit
from gezinsregie.casework.models import Family, InspectionMandate, MandateScope
from gezinsregie.common.formatting import long_date
from gezinsregie.organisations.models import Organisation, OrganisationKind

Permission = policy.Permission


def _today() -> date:
    return timezone.localdate()


def _errors(
    *, family: Family, organisation: Organisation, scope: str, signed_by: str, granted_on: date, expires_on: date
) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if organisation.kind != OrganisationKind.INSPECTORATE:
        add("organisation", "Kies een inspectie: alleen een inspectie kan worden gemachtigd.")
    if scope not in MandateScope.values:
        add("scope", "Kies of de inspectie het dossier gepseudonimiseerd of volledig mag inzien.")
    if not signed_by.strip():
        add("signed_by", "Wie heeft de machtiging getekend?")
    if granted_on > _today():
        add("granted_on", "De datum van ondertekening ligt in de toekomst.")
    elif granted_on < family.registered_on:
        add("granted_on", "De machtiging kan niet vóór de aanmelding van het gezin verleend zijn.")
    if expires_on < granted_on:
        add("expires_on", "De machtiging verloopt vóór zij verleend is: kies een einddatum na de ondertekening.")
    elif expires_on < _today():
        add(
            "expires_on", "Deze einddatum ligt in het verleden: een verlopen machtiging geeft de inspectie geen inzage."
        )
    return errors


@transaction.atomic
def mandate_record(
    *,
    actor: User,
    family: Family,
    organisation: Organisation,
    scope: str,
    signed_by: str,
    granted_on: date,
    expires_on: date,
    scan: UploadedFile | None = None,
) -> InspectionMandate:
    """The family's signed mandate for one inspectorate: from `granted_on` up to and including `expires_on`.
    One running mandate per inspectorate at a time: to change the scope or the term, withdraw it first."""
    policy.ensure(actor, Permission.EDIT, family)
    # locked: two mandates recorded at once would both pass the overlap check below
    family = policy.families_for(actor, Permission.EDIT).select_for_update().get(pk=family.pk)
    errors = _errors(
        family=family,
        organisation=organisation,
        scope=scope,
        signed_by=signed_by,
        granted_on=granted_on,
        expires_on=expires_on,
    )
    running = family.mandates.filter(
        organisation=organisation, withdrawn_on__isnull=True, expires_on__gte=granted_on, granted_on__lte=expires_on
    ).first()
    if running is not None and "organisation" not in errors:
        errors.setdefault("organisation", []).append(
            f"Het gezin heeft {organisation} al gemachtigd tot en met {long_date(running.expires_on)}. "
            "Trek die machtiging eerst in als de reikwijdte of de termijn verandert."
        )
    if errors:
        raise ValidationError(errors)
    mandate = InspectionMandate(
        family=family,
        organisation=organisation,
        scope=scope,
        signed_by=signed_by.strip(),
        granted_on=granted_on,
        expires_on=expires_on,
        recorded_by=actor,
    )
    if scan is not None:
        mandate.scan = scan
    mandate.full_clean()
    mandate.save()
    audit.record(actor=actor, action="mandate.record", family=family, obj=mandate)
    return mandate


@transaction.atomic
def mandate_withdraw(*, actor: User, mandate: InspectionMandate, withdrawn_on: date, reason: str) -> InspectionMandate:
    """The family withdraws its mandate: from `withdrawn_on` the inspectorate no longer sees the case."""
    policy.ensure(actor, Permission.EDIT, mandate.family)
    mandate = mandate.family.mandates.select_for_update().get(pk=mandate.pk)
    if mandate.withdrawn_on is not None:
        raise ValidationError(f"Deze machtiging is al ingetrokken, op {long_date(mandate.withdrawn_on)}.")
    if withdrawn_on < mandate.granted_on or withdrawn_on > _today():
        raise ValidationError({"withdrawn_on": ["Kies een datum tussen de ondertekening en vandaag."]})
    mandate.withdrawn_on, mandate.withdrawal_reason = withdrawn_on, reason.strip()
    mandate.full_clean()
    mandate.save()
    audit.record(actor=actor, action="mandate.withdraw", family=mandate.family, obj=mandate)
    return mandate
