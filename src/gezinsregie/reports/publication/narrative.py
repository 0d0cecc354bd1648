"""The parts of a report beyond the inspection's own texts (reports.models), read for publication/selectors.build:

- the nota's chapters with their numbered subsections, each with its text, the themes of the framework it refers
  to and its conclusion (Maastricht 2014 §3.1–3.3, §4.1–4.4), and the learning meeting (§6);
- the typering of the approach (the characteristics behind figures 3, 6 and 8 of the 21-municipality report);
- how precisely an imported document dates itself ("augustus 2014"), so the report gives the document's date.

The texts pass the same redaction as the inspection's texts (the sample's names). No personal data.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from gezinsregie.inspections.models import Inspection
from gezinsregie.reports.models import (
    CHAPTER_NUMBERS,
    CHARACTERISTICS,
    ApproachProfile,
    DatePrecision,
    PublishedDocument,
    ReportSection,
    question,
)
from gezinsregie.reports.publication.rules import Block, Redaction, blocks, redact


@dataclass(frozen=True)
class Subsection:
    number: str  # "3.1"; "" for a chapter's opening text
    title: str
    text: tuple[Block, ...]
    conclusion: tuple[Block, ...]
    themes: tuple[str, ...]  # the framework's theme names ("De aanpak", "Continu")

    @property
    def anchor(self) -> str:
        return "paragraaf-" + self.number.replace(".", "-") if self.number else ""


@dataclass(frozen=True)
class ProfileAnswer:
    field: str
    question: str
    answer: str  # the answer in words; "" when not recorded
    figure: int  # the figure of the 21-municipality report it counts in


def chapters_of(inspection: Inspection, redactions: Sequence[Redaction] = ()) -> dict[str, tuple[Subsection, ...]]:
    """Per chapter (reports.models.Chapter value) its subsections in order, numbered within the chapter."""

    def text(value: str) -> tuple[Block, ...]:
        return blocks(redact(value, redactions))

    found: dict[str, list[Subsection]] = {}
    sections = ReportSection.objects.filter(inspection=inspection).prefetch_related("themes").order_by("order", "pk")
    for section in sections:
        chapter = found.setdefault(section.chapter, [])
        numbered = sum(1 for s in chapter if s.number)
        number = f"{CHAPTER_NUMBERS[section.chapter]}.{numbered + 1}" if section.title else ""
        chapter.append(
            Subsection(
                number=number,
                title=" ".join(redact(section.title, redactions).split()),
                text=text(section.text),
                conclusion=text(section.conclusion),
                themes=tuple(t.name for t in sorted(section.themes.all(), key=lambda t: t.order)),
            )
        )
    return {chapter: tuple(subsections) for chapter, subsections in found.items()}


def profile_of(inspection: Inspection) -> tuple[ProfileAnswer, ...]:
    """The typering's answers in the order of the report's figures; () when nothing is recorded."""
    profile = ApproachProfile.objects.filter(inspection=inspection).first()
    if profile is None:
        return ()
    answers = []
    for name, choices, figure in CHARACTERISTICS:
        value = getattr(profile, name)
        answer = str(choices(value).label) if value else ""
        answers.append(ProfileAnswer(name, question(name), answer, figure))
    return tuple(answers) if any(a.answer for a in answers) else ()


def published_precision(inspection: Inspection) -> str:
    """ "day" for a report published in the app; for an imported document what it says ("month", "year")."""
    document = PublishedDocument.objects.filter(inspection=inspection).first()
    return document.precision if document is not None else DatePrecision.DAY.value
