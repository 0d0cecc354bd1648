"""What an imported document says besides its tables, stored beside the inspection it becomes: its own publication
date (the dateline; without one the last day of its year, inspections.workflow.imported_published_on), its
narrative (the factsheet's "Beschrijving" as the inspection's description, the nota's chapters as its
subsections with their conclusions and the learning meeting) and the characteristics it states.

The parse is reports.parsing.narrative (pure); the writes are reports.authoring.services, as the import's
system account. A theme a subsection names that the framework does not have is reported, never dropped silently.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from gezinsregie.accounts.models import User
from gezinsregie.frameworks.models import Framework, Theme
from gezinsregie.inspections import workflow
from gezinsregie.inspections.models import Inspection
from gezinsregie.reports.authoring import services
from gezinsregie.reports.models import DatePrecision
from gezinsregie.reports.parsing.narrative import ParsedNarrative
from gezinsregie.reports.parsing.normalize import normalize, without_article


@dataclass(frozen=True)
class Dated:
    on: date
    precision: str  # reports.models.DatePrecision
    dateline: str


def publication_date(narrative: ParsedNarrative | None, year: int) -> Dated:
    """The document's own date; the year's last day only when it names none (or one still to come)."""
    found = narrative.published if narrative is not None else None
    if found is not None and found.on <= timezone.localdate():  # a date still to come is no publication date
        return Dated(found.on, found.precision, found.line)
    return Dated(workflow.imported_published_on(year), DatePrecision.YEAR.value, "")


def _theme_index(framework: Framework, level: str) -> dict[str, Theme]:
    themes = Theme.objects.filter(level__framework=framework, level__key=level)
    return {without_article(normalize(t.name)): t for t in themes}


def store_narrative(
    *, actor: User, inspection: Inspection, narrative: ParsedNarrative, dated: Dated, with_sections: bool = True
) -> list[str]:
    """Store the date's precision, the sections and the characteristics; returns what was not recognised."""
    index = _theme_index(inspection.framework, inspection.level)
    notices = [f"hoofdstuk niet herkend (niet opgeslagen): '{heading}'" for heading in narrative.skipped]
    sections = []
    for parsed in narrative.sections if with_sections else ():
        themes = []
        for name in parsed.themes:
            theme = index.get(without_article(normalize(name)))
            if theme is None:
                notices.append(
                    f"thema '{name}' bij '{parsed.title or parsed.chapter}' staat niet in het toetsingskader"
                )
            else:
                themes.append(theme)
        sections.append(
            services.ImportedSection(parsed.chapter, parsed.title, parsed.text, parsed.conclusion, tuple(themes))
        )
    services.report_narrative_import(
        actor=actor,
        inspection=inspection,
        precision=dated.precision,
        dateline=dated.dateline,
        sections=sections,
        profile=narrative.profile.as_dict(),
    )
    return notices
