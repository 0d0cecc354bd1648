"""Everything held on one family, in plain Dutch, for its export (AVG art. 15): per kind of record its rows, each
row its fields with their labels and readable values — as JSON for a machine and as a PDF for the family.

Nothing is left out but the technical keys: the right of access covers all of it, also the words professionals
and inspectors wrote about the family. A BSN is shown masked (issue 12 §12: never in full in an export).
The caller asked the policy (privacy.services.family_export).
"""

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db import models
from django.utils import timezone

from gezinsregie.casework import bsn
from gezinsregie.casework.models import Family
from gezinsregie.common.formatting import long_date, long_datetime
from gezinsregie.privacy.selectors import records_of


@dataclass(frozen=True)
class Row:
    fields: tuple[tuple[str, str], ...]  # (label, value), values already in words


@dataclass(frozen=True)
class Section:
    key: str  # app.Model
    title: str
    rows: tuple[Row, ...]


@dataclass
class Export:
    reference: str
    name: str
    made_at: datetime
    sections: list[Section] = field(default_factory=list)

    @property
    def filename(self) -> str:
        return f"inzage-{self.reference}-{timezone.localdate(self.made_at).isoformat()}"

    def as_json(self) -> str:
        data = {
            "gezin": self.reference,
            "gemaakt_op": self.made_at.isoformat(),
            "onderdelen": [
                {"soort": s.title, "sleutel": s.key, "regels": [dict(r.fields) for r in s.rows]} for s in self.sections
            ],
        }
        return json.dumps(data, ensure_ascii=False, indent=2)


def _without_bsn(value: Any) -> Any:
    """A BSN inside JSON (a held aanmelding's members) masked, as in the member's own field."""
    if isinstance(value, dict):
        return {k: bsn.masked(v) if k == "bsn" and isinstance(v, str) else _without_bsn(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_bsn(v) for v in value]
    return value


def _words(instance: models.Model, f: models.Field[Any, Any]) -> str:
    if f.name == "bsn":  # issue 12 §12: never in full in an export, also not the family's own (docs/security.md)
        return bsn.masked(f.value_from_object(instance) or "")
    if f.choices:
        return str(getattr(instance, f"get_{f.name}_display")())
    if f.is_relation:
        related = getattr(instance, f.name)
        if related is None:
            return ""
        full_name = getattr(related, "get_full_name", None)
        return (full_name() if callable(full_name) else "") or str(related)
    value = f.value_from_object(instance)
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, datetime):
        return long_datetime(value)
    if isinstance(value, date):
        return long_date(value)
    if isinstance(f, models.FileField):
        return f"bestand: {value.name.rsplit('/', 1)[-1]}" if value else ""
    if isinstance(f, models.JSONField):
        return json.dumps(_without_bsn(value), ensure_ascii=False)
    return str(value)


def export_of(family: Family) -> Export:
    found = Export(reference=family.reference, name=family.name, made_at=timezone.now())
    for model, rows in records_of(family):
        shown = [f for f in model._meta.concrete_fields if not f.primary_key and f.related_model is not Family]
        section_rows = tuple(
            Row(tuple((str(f.verbose_name).capitalize(), _words(instance, f)) for f in shown)) for instance in rows
        )
        if section_rows:
            title = str(model._meta.verbose_name_plural).capitalize()
            found.sections.append(Section(model._meta.label, title, section_rows))
    return found
