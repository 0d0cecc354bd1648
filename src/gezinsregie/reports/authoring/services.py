"""Writes of what a report holds beside the inspection's own texts (reports.models): the typering of the approach,
the nota's subsections per theme with their conclusions and the learning meeting, and for an imported document
its own publication date.

The inspector who conducts the inspection writes them until it is published, as the report texts
(inspections.services.inspection_update_texts: policy CONDUCT_INSPECTION, workflow.can_edit_texts); the report
import's system account stores what a published document says (policy IMPORT_REPORTS). Every write is logged.
No personal data: the texts are redacted for the sample's names when a report is shown.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from gezinsregie import policy
from gezinsregie.accounts.models import Membership, Role, User
from gezinsregie.audit import services as audit
from gezinsregie.frameworks.models import Theme
from gezinsregie.inspections import workflow
from gezinsregie.inspections.models import Inspection
from gezinsregie.reports.models import (
    ApproachProfile,
    Availability,
    Chapter,
    Coordination,
    DatePrecision,
    PlanLeading,
    PublishedDocument,
    ReportSection,
)

Permission = policy.Permission


def _lock(inspection: Inspection) -> Inspection:
    return Inspection.objects.select_for_update().get(pk=inspection.pk)


def _conducting(actor: User, inspection: Inspection, *, what: str) -> tuple[Inspection, Membership | None]:
    policy.ensure(actor, Permission.CONDUCT_INSPECTION, inspection)
    locked = _lock(inspection)
    workflow.check_state(locked, workflow.can_edit_texts, what=what)
    return locked, policy.membership_in_role(actor, Role.INSPECTOR)


def _themes_of(inspection: Inspection, themes: Sequence[Theme]) -> list[Theme]:
    """Only themes of the inspection's own framework and level."""
    allowed = {
        t.pk for t in Theme.objects.filter(level__framework_id=inspection.framework_id, level__key=inspection.level)
    }
    foreign = [t for t in themes if t.pk not in allowed]
    if foreign:
        raise ValidationError({"themes": "Kies thema's uit het toetsingskader van dit onderzoek."})
    return list(themes)


# --- the typering of the approach (figures 3, 6 and 8) -----------------------------------------------------------


def _profile_values(coordination: str, plan_leading: str, availability_problems: str) -> dict[str, str]:
    values = {
        "coordination": coordination or "",
        "plan_leading": plan_leading or "",
        "availability_problems": availability_problems or "",
    }
    for name, choices in (
        ("coordination", Coordination),
        ("plan_leading", PlanLeading),
        ("availability_problems", Availability),
    ):
        if values[name] and values[name] not in choices.values:
            raise ValidationError({name: "Kies een van de antwoorden."})
    return values


def _profile_store(actor: User, inspection: Inspection, values: dict[str, str]) -> ApproachProfile:
    profile = ApproachProfile.objects.filter(inspection=inspection).first() or ApproachProfile(inspection=inspection)
    for name, value in values.items():
        setattr(profile, name, value)
    profile.updated_by = actor
    profile.full_clean()
    profile.save()
    return profile


@transaction.atomic
def approach_profile_save(
    *,
    actor: User,
    inspection: Inspection,
    coordination: str = "",
    plan_leading: str = "",
    availability_problems: str = "",
) -> ApproachProfile:
    """The inspector records how the approach works; an empty answer is "niet vastgelegd"."""
    inspection, membership = _conducting(actor, inspection, what="De typering van de aanpak wijzigen")
    profile = _profile_store(actor, inspection, _profile_values(coordination, plan_leading, availability_problems))
    audit.record(actor=actor, action="report.profile", obj=inspection, membership=membership)
    return profile


# --- the nota's subsections ---------------------------------------------------------------------------------------


def _next_order(inspection: Inspection, chapter: str) -> int:
    found = ReportSection.objects.filter(inspection=inspection, chapter=chapter).aggregate(last=Max("order"))["last"]
    return 1 if found is None else found + 1


def _section_store(section: ReportSection, themes: Sequence[Theme]) -> ReportSection:
    if section.chapter not in Chapter.values:
        raise ValidationError({"chapter": "Kies een hoofdstuk van de nota."})
    section.title, section.text, section.conclusion = (
        section.title.strip(),
        section.text.strip(),
        section.conclusion.strip(),
    )
    section.full_clean()
    section.save()
    section.themes.set(themes)
    return section


@transaction.atomic
def report_section_add(
    *,
    actor: User,
    inspection: Inspection,
    chapter: str,
    title: str = "",
    text: str = "",
    conclusion: str = "",
    themes: Sequence[Theme] = (),
    order: int | None = None,
) -> ReportSection:
    """A subsection of a chapter of the nota ("3.1 Gezinnen worden niet losgelaten" with its conclusion); without
    an order it comes last in its chapter."""
    inspection, membership = _conducting(actor, inspection, what="De paragrafen van de nota wijzigen")
    section = ReportSection(
        inspection=inspection,
        chapter=chapter,
        order=order if order is not None else _next_order(inspection, chapter),
        title=title,
        text=text,
        conclusion=conclusion,
        updated_by=actor,
    )
    _section_store(section, _themes_of(inspection, themes))
    audit.record(actor=actor, action="report.section.add", obj=inspection, membership=membership)
    return section


@transaction.atomic
def report_section_update(
    *,
    actor: User,
    section: ReportSection,
    chapter: str,
    title: str = "",
    text: str = "",
    conclusion: str = "",
    themes: Sequence[Theme] = (),
    order: int | None = None,
) -> ReportSection:
    inspection, membership = _conducting(actor, section.inspection, what="De paragrafen van de nota wijzigen")
    section = ReportSection.objects.select_for_update().get(pk=section.pk, inspection=inspection)
    if chapter != section.chapter and order is None:
        order = _next_order(inspection, chapter)
    section.chapter, section.title, section.text, section.conclusion = chapter, title, text, conclusion
    if order is not None:
        section.order = order
    section.updated_by = actor
    _section_store(section, _themes_of(inspection, themes))
    audit.record(actor=actor, action="report.section.update", obj=inspection, membership=membership)
    return section


@transaction.atomic
def report_section_delete(*, actor: User, section: ReportSection) -> None:
    inspection, membership = _conducting(actor, section.inspection, what="De paragrafen van de nota wijzigen")
    ReportSection.objects.filter(pk=section.pk, inspection=inspection).delete()
    audit.record(actor=actor, action="report.section.delete", obj=inspection, membership=membership)


# --- what a published document says (the report import) ----------------------------------------------------------


@dataclass(frozen=True)
class ImportedSection:
    chapter: str
    title: str
    text: str
    conclusion: str = ""
    themes: tuple[Theme, ...] = ()


@transaction.atomic
def report_narrative_import(
    *,
    actor: User,
    inspection: Inspection,
    precision: str,
    dateline: str = "",
    sections: Sequence[ImportedSection] = (),
    profile: dict[str, str] | None = None,
) -> None:
    """Store an imported document's chapters, characteristics and how precisely it dates itself, beside the
    published inspection the import just stored (inspections.services.inspection_import_published)."""
    policy.ensure(actor, Permission.IMPORT_REPORTS)
    inspection = _lock(inspection)
    if precision not in DatePrecision.values:
        raise ValidationError({"precision": "Onbekende nauwkeurigheid van de datum."})
    document = PublishedDocument(inspection=inspection, precision=precision, dateline=dateline[:120])
    document.full_clean()
    document.save()
    for order, given in enumerate(sections, start=1):
        section = ReportSection(
            inspection=inspection,
            chapter=given.chapter,
            order=order,
            title=given.title[:200],
            text=given.text,
            conclusion=given.conclusion,
            updated_by=actor,
        )
        _section_store(section, _themes_of(inspection, given.themes))
    if profile and any(profile.values()):
        _profile_store(actor, inspection, _profile_values(**profile))
    audit.record(actor=actor, action="report.import.narrative", obj=inspection)
