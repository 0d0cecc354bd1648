"""Writes for the family's rights: a correction with its trail, an export that is logged, and the erasure of a
family's personal data when its retention period has passed (the periodic check `families_erased`)."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.utils.dateparse import parse_date

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.audit import services as audit
from gezinsregie.casework import bsn
from gezinsregie.casework.models import Family, Member
from gezinsregie.privacy import erasure, selectors
from gezinsregie.privacy.export import Export, export_of
from gezinsregie.privacy.models import Erasure, Rectification

Permission = policy.Permission

# what may be corrected here, with its label; the casework screens correct everything else with their own trail
FAMILY_FIELDS = {"name": "naam van het gezin", "address": "adres"}
MEMBER_FIELDS = {"first_name": "voornaam", "last_name": "achternaam", "birth_date": "geboortedatum"}
BSN_FIELD = {"bsn": "burgerservicenummer"}  # only where the approach records one (issue 12 §12)
REASON_NEEDED = "Schrijf op waarom dit gegeven wordt gecorrigeerd (bijvoorbeeld: op verzoek van het gezin)."


@transaction.atomic
def family_rectify(
    *, actor: User, family: Family, member: Member | None, field: str, value: str, reason: str, today: date
) -> Rectification:
    """Correct the family's name or address, or a member's name, birth date or BSN (AVG art. 16), keeping what it
    said. A BSN is corrected (or removed: left empty) only by whoever may see it in full, and its trail keeps it
    masked: the correction is no way around the masking."""
    policy.ensure(actor, Permission.EDIT, family)
    target: models.Model = family if member is None else member
    allowed = FAMILY_FIELDS if member is None else MEMBER_FIELDS | BSN_FIELD
    errors: dict[str, list[str]] = {}
    if member is not None and member.family_id != family.pk:
        raise ValidationError({"what": ["Dit gezinslid hoort niet bij dit gezin."]})
    if field not in allowed:
        errors["what"] = ["Kies wat u wilt corrigeren."]
    value, reason = value.strip(), reason.strip()
    new: object = value
    if field == "birth_date":
        new = parse_date(value) if value else None
        if new is None:
            errors["value"] = ["Geef de geboortedatum als jaar-maand-dag, bijvoorbeeld 2012-03-14."]
        elif new > today:
            errors["value"] = ["Een geboortedatum ligt niet in de toekomst."]
    elif field == "bsn":
        policy.ensure(actor, Permission.VIEW_BSN, family)
        new = bsn.normalise(value)
        if value and not bsn.is_valid(new):
            errors["value"] = [bsn.INVALID]
        elif value and not family.approach.bsn_allowed:
            errors["value"] = [bsn.NOT_ALLOWED]
    elif not value:
        errors["value"] = ["Vul de juiste waarde in."]
    if not reason:
        errors["reason"] = [
            "Schrijf op waarom dit gegeven wordt gecorrigeerd (bijvoorbeeld: op verzoek van het gezin)."
        ]
    if errors:
        raise ValidationError(errors)
    old = getattr(target, field)
    if old == new:
        raise ValidationError({"value": ["Dit is al de huidige waarde."]})
    setattr(target, field, new)
    target.full_clean()
    target.save(update_fields=[field])
    if field == "bsn":
        old, new = bsn.masked(str(old)) or "(geen)", bsn.masked(str(new)) or "(verwijderd)"
    rectification = Rectification.objects.create(
        family=family, member=member, field=field, old_value=str(old or ""), new_value=str(new), reason=reason, by=actor
    )
    audit.record(actor=actor, action="family.rectify", family=family, obj=rectification)
    return rectification


def family_export(*, actor: User, family: Family) -> Export:
    """Everything held on the family (AVG art. 15), for the privacy officer; logged as a read of all of it."""
    policy.ensure(actor, Permission.EXPORT_FAMILY_DATA, family)
    found = export_of(family)
    audit.record(actor=actor, action="family.export", family=family, obj=family)
    return found


@dataclass(frozen=True)
class Erased:
    family: Family
    fields: int
    files: int


@transaction.atomic
def family_erase(*, actor: User, family: Family, ended_on: date, years: int, today: date) -> Erased:
    """Erase the personal data of a family whose retention period has passed, keeping every record's structure
    (dates, statuses, domains, judgements) so that the aggregates and the published inspections stay what they
    were. The family is no longer shown to anyone (policy: an erased family is nobody's)."""
    policy.ensure(actor, Permission.RUN_CHECKS)
    family = Family.objects.select_for_update().get(pk=family.pk)
    if Erasure.objects.filter(family=family).exists():
        raise ValidationError("De gegevens van dit gezin zijn al gewist.")
    if not erasure.due(ended_on=ended_on, years=years, today=today):
        raise ValidationError("De bewaartermijn van dit gezin is nog niet verstreken.")
    fields = files = 0
    for model, rows in selectors.records_of(family):
        label = model._meta.label
        names = erasure.ERASE.get(label, frozenset())
        if not names:
            continue
        concrete = {f.name: f for f in model._meta.concrete_fields}
        changes: dict[str, object] = {}
        for name in sorted(names):
            field = concrete[name]
            if isinstance(field, models.FileField):
                for stored in rows.exclude(**{name: ""}).values_list(name, flat=True):
                    default_storage.delete(stored)
                    files += 1
                changes[name] = ""
            elif isinstance(field, models.JSONField):
                changes[name] = field.get_default() if field.has_default() else {}
            else:
                changes[name] = erasure.erased_text(blank_allowed=field.blank)
        fields += rows.update(**changes) * len(changes)  # an update: no signal, no recomputation of its numbers
        for name in erasure.BIRTH_YEAR.get(label, frozenset()):
            for pk, born in rows.values_list("pk", name):
                rows.filter(pk=pk).update(**{name: erasure.birth_year_only(born)})
                fields += 1
    Erasure.objects.create(
        family=family,
        erased_on=today,
        ended_on=ended_on,
        retention_years=years,
        fields_erased=fields,
        files_deleted=files,
    )
    audit.record(actor=actor, action="family.erase", family=family, obj=family)
    return Erased(family, fields, files)


def families_erase_due(*, actor: User, today: date) -> int:
    """The periodic check: erase every family whose retention period has passed; each in its own transaction, so
    one that fails (and is retried next time) does not hold back the others. Returns how many were erased."""
    policy.ensure(actor, Permission.RUN_CHECKS)
    erased = 0
    for due in selectors.families_due(today=today):
        family_erase(actor=actor, family=due.family, ended_on=due.ended_on, years=due.years, today=today)
        erased += 1
    return erased
