"""The contact journal: the coordinator records every contact with the family, also knocking on a closed door.

toetsingskader C3.b.1 ("er wordt outreachend gewerkt"): the journal shows the coordinator going to the family.
"""

from collections.abc import Sequence
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.audit import services as audit
from gezinsregie.casework.models import Contact, ContactKind, Family, Member

Permission = policy.Permission
NOTE_LIMIT = 2000


@transaction.atomic
def contact_record(
    *, actor: User, family: Family, kind: str, happened_on: date, note: str, members: Sequence[Member] = ()
) -> Contact:
    policy.ensure(actor, Permission.EDIT, family)
    errors: dict[str, list[str]] = {}
    if happened_on > timezone.localdate():
        errors["happened_on"] = ["Een contact kan niet in de toekomst hebben plaatsgevonden."]
    elif happened_on < family.registered_on:
        errors["happened_on"] = ["Deze datum ligt vóór de aanmelding van het gezin."]
    if kind != ContactKind.NO_ANSWER and not note.strip():
        errors["note"] = ["Schrijf in een paar woorden op wat er besproken is."]
    if len(note) > NOTE_LIMIT:
        errors["note"] = [f"Houd de notitie kort: ten hoogste {NOTE_LIMIT} tekens."]
    if any(m.family_id != family.pk for m in members):
        errors["members"] = ["Kies alleen gezinsleden van dit gezin."]
    if errors:
        raise ValidationError(errors)
    contact = Contact(family=family, kind=kind, happened_on=happened_on, by=actor, note=note.strip())
    contact.full_clean()
    contact.save()
    contact.members.set(members)
    audit.record(
        actor=actor,
        action="contact.record",
        family=family,
        obj=contact,
        membership=policy.granting_membership(actor, Permission.EDIT, family),
    )
    return contact
