"""The approach's own facts at policy level (issue 13 §4): the municipality's estimate of the group (B1.a.2) and its
register of cooperation and information-sharing agreements (B4.b.2, B4.c.1).

Recorded by the municipality (policy RECORD_POLICY_FACTS: the approach's process manager, the municipality's policy
staff). Configuration, not personal data; every change is still in the access log, with the capacity it was made in.
"""

from collections.abc import Sequence
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import Membership, Role, User
from gezinsregie.audit import services as audit
from gezinsregie.organisations.models import (
    AgreementKind,
    Approach,
    CooperationAgreement,
    Organisation,
    PopulationEstimate,
)

Permission = policy.Permission


def _today() -> date:
    return timezone.localdate()


def _capacity(actor: User, approach: Approach) -> Membership | None:
    """The membership the change is made in: the process manager of this approach, else the policy officer."""
    memberships = policy.memberships_of(actor)
    return next((m for m in memberships if m.role == Role.PROCESS_MANAGER and m.approach_id == approach.pk), None) or (
        policy.membership_in_role(actor, Role.POLICY_OFFICER)
    )


def _log(actor: User, action: str, approach: Approach, obj: Model) -> None:
    audit.record(actor=actor, action=action, obj=obj, membership=_capacity(actor, approach))


@transaction.atomic
def population_estimate_record(
    *, actor: User, approach: Approach, families: int, estimated_on: date, source: str
) -> PopulationEstimate:
    """The municipality's own estimate of how many families qualify for the approach, on a date, with its source."""
    policy.ensure(actor, Permission.RECORD_POLICY_FACTS, approach)
    errors: dict[str, list[str]] = {}
    if families < 1:
        errors["families"] = ["Schat het aantal gezinnen: minstens 1."]
    if estimated_on > _today():
        errors["estimated_on"] = ["De datum van de schatting ligt in de toekomst."]
    if not source.strip():
        errors["source"] = ["Waar komt de schatting vandaan? Noem de bron of de werkwijze."]
    if errors:
        raise ValidationError(errors)
    estimate = PopulationEstimate(
        approach=approach, families=families, estimated_on=estimated_on, source=source.strip(), recorded_by=actor
    )
    estimate.full_clean()
    estimate.save()
    _log(actor, "population_estimate.record", approach, estimate)
    return estimate


@transaction.atomic
def population_estimate_delete(*, actor: User, estimate: PopulationEstimate) -> None:
    """A mistaken estimate goes; a newer estimate is recorded beside the old one instead."""
    policy.ensure(actor, Permission.RECORD_POLICY_FACTS, estimate.approach)
    _log(actor, "population_estimate.delete", estimate.approach, estimate)
    estimate.delete()


def _agreement_errors(
    *,
    approach: Approach,
    kind: str,
    title: str,
    parties: Sequence[Organisation],
    signed_on: date,
    valid_until: date | None,
) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if kind not in AgreementKind.values:
        errors["kind"] = ["Kies de soort afspraak: samenwerkingsafspraak, convenant of privacyprotocol."]
    if not title.strip():
        errors["title"] = ["Geef de afspraak een titel, zoals die op het document staat."]
    allowed = set(approach.partners.values_list("pk", flat=True))
    if len(parties) < 2:
        errors["parties"] = ["Een afspraak heeft minstens twee partijen: kies de organisaties die tekenden."]
    elif any(o.pk not in allowed for o in parties):
        errors["parties"] = ["Kies alleen organisaties die aan deze aanpak verbonden zijn."]
    if signed_on > _today():
        errors["signed_on"] = ["De datum van ondertekening ligt in de toekomst."]
    if valid_until is not None and valid_until < signed_on:
        errors["valid_until"] = ["De afspraak eindigt vóór de ondertekening: kies een einddatum erna."]
    return errors


@transaction.atomic
def cooperation_agreement_record(
    *,
    actor: User,
    approach: Approach,
    kind: str,
    title: str,
    parties: Sequence[Organisation],
    signed_on: date,
    valid_until: date | None = None,
    document: UploadedFile | None = None,
) -> CooperationAgreement:
    """A signed agreement between organisations of the approach, in force from `signed_on` up to and including
    `valid_until` (open-ended when empty). An expired one is kept: the register shows it as expired."""
    policy.ensure(actor, Permission.RECORD_POLICY_FACTS, approach)
    errors = _agreement_errors(
        approach=approach, kind=kind, title=title, parties=parties, signed_on=signed_on, valid_until=valid_until
    )
    if errors:
        raise ValidationError(errors)
    agreement = CooperationAgreement(
        approach=approach,
        kind=kind,
        title=title.strip(),
        signed_on=signed_on,
        valid_until=valid_until,
        recorded_by=actor,
    )
    if document is not None:
        agreement.document = document
    agreement.full_clean()
    agreement.save()
    agreement.parties.set(parties)
    _log(actor, "cooperation_agreement.record", approach, agreement)
    return agreement


@transaction.atomic
def cooperation_agreement_delete(*, actor: User, agreement: CooperationAgreement) -> None:
    """A mistaken entry goes, with its document. An agreement that ended stays: record its end date instead."""
    policy.ensure(actor, Permission.RECORD_POLICY_FACTS, agreement.approach)
    _log(actor, "cooperation_agreement.delete", agreement.approach, agreement)
    document = agreement.document
    agreement.delete()
    name, storage = document.name, document.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))  # the file only once the entry is surely gone
