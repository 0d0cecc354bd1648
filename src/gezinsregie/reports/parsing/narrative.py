"""The narrative of a published document, beside its tables: what a report says in words.

- A factsheet (Oosterhout 2013): the text under "Beschrijving", up to "Bevindingen toezichtonderzoek".
- A nota van bevindingen (Maastricht 2014): its numbered chapters and their subsections, from "1 Inleiding" up to
  "Bijlage 1" (the table of contents, whose lines end in a page number, is skipped). Each subsection keeps its
  title, its text and the paragraphs after its "Conclusie" line; the sentence "Zie voor de gehanteerde criteria
  en normen het thema 'De aanpak' en 'Continu' in het toetsingskader." becomes the themes it is about. Chapters
  are known by their title (Inleiding, Typering, Wat gaat goed?, Wat kan beter?, conclusie, leerbijeenkomst);
  any other chapter is reported as skipped, never silently dropped.
- A follow-up (Zwolle 2015): the text under "Ontwikkeling 2014", up to "Uitkomsten verbeterpunten".
- The approach's characteristics (figures 3, 6 and 8 of the 21-municipality report) where the document states
  them: explicit lines whose answer starts with one of the answers ("Gezinsplan leidend voor professionals: nee",
  "Regie: coördinatie op afstand"), and the factsheets' own wording for figure 6, "het plan niet (altijd) leidend
  is voor het handelen" (Oosterhout, B3.c.1 LET OP).

Pure and forgiving: parse_narrative never raises; what it cannot read it leaves empty.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from gezinsregie.reports.parsing.dates import PublicationDate, find_publication_date
from gezinsregie.reports.parsing.normalize import fold

# the chapters (reports.models.Chapter), known by words of their title
CHAPTER_WORDS = (
    ("introduction", ("inleiding",)),
    ("description", ("typering", "beschrijving van de aanpak")),
    ("goes_well", ("wat gaat goed",)),
    ("can_be_better", ("wat kan beter",)),
    ("conclusion", ("conclusie", "aanbeveling")),
    ("learning_meeting", ("leerbijeenkomst",)),
)
MAX_HEADING = 200

_HEADING = re.compile(r"^[#*_ \t]*(?P<chapter>\d{1,2})(?:\.(?P<section>\d{1,2}))?\.?[ \t]+(?P<title>\S.*?)[*_ \t]*$")
_TOC_LINE = re.compile(r"(?:\t|\.{3,}|\s{3,})\s*\d{1,3}\s*$")  # "3.1 Gezinnen worden niet losgelaten\t11"
_ANNEX = re.compile(r"^[#*_ \t]*Bijlage\b", re.IGNORECASE)
_CONCLUSION = re.compile(r"^[#*_ \t]*Conclusies?[*_ \t:]*$", re.IGNORECASE)
_THEMES = re.compile(
    r"^Zie voor de gehanteerde criteria en normen (?:het|de) thema(?:'s|’s|s)? (?P<names>.+?)"
    r" in het toetsingskader\.?$",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"['‘’\"“”]([^'‘’\"“”]{2,60})['‘’\"“”]")
_EMPHASIS = re.compile(r"\*\*|__")
_FACTSHEET_DESCRIPTION = (re.compile(r"^[#*_ \t]*Beschrijving[*_ \t:]*$"), re.compile(r"^[#*_ \t]*Bevindingen\b"))
_DEVELOPMENT = (re.compile(r"^[#*_ \t]*Ontwikkeling (?:19|20)\d\d[*_ \t:]*$"), re.compile(r"^[#*_ \t]*Uitkomsten\b"))
_TABLE_START = re.compile(r"^\s*(?:\||Criteria\t|Toeleiding\t)")

# figures 3, 6 and 8: an explicit line "<question>: <answer>", and the answers' words
_PROFILE_LINES = (
    (
        "coordination",
        re.compile(r"^[-*• \t]*(?:regie|hoe ziet de aanpak eruit\??|type aanpak)[ \t]*:[ \t]*(?P<answer>.+)$", re.I),
        (
            ("combinatie", "both"),
            ("beide", "both"),
            ("coordinatie op afstand", "at_distance"),
            ("op afstand", "at_distance"),
            ("regisseur in het gezin", "in_family"),
            ("in het gezin", "in_family"),
        ),
    ),
    (
        "plan_leading",
        re.compile(
            r"^[-*• \t]*(?:is het )?gezinsplan leidend(?: voor (?:de )?professionals)?\??[ \t]*:[ \t]*(?P<answer>.+)$",
            re.I,
        ),
        (("nee", "no"), ("ja", "yes")),
    ),
    (
        "availability_problems",
        re.compile(
            r"^[-*• \t]*(?:zijn er )?problemen met (?:de )?beschikbaarheid van zorg\??[ \t]*:[ \t]*(?P<answer>.+)$",
            re.I,
        ),
        (("af en toe", "sometimes"), ("soms", "sometimes"), ("vaak", "often"), ("nooit", "never")),
    ),
)
_PLAN_NOT_LEADING = re.compile(r"\bplan\b[^.\n]{0,80}\bniet\b(?:\s+altijd)?\s+leidend\b", re.IGNORECASE)


@dataclass(frozen=True)
class ParsedSection:
    chapter: str  # reports.models.Chapter value
    title: str  # "3.1 Gezinnen worden niet losgelaten" without its number; "" for the chapter's opening text
    text: str
    conclusion: str = ""
    themes: tuple[str, ...] = ()  # theme names as the document writes them: ("De aanpak", "Continu")


@dataclass(frozen=True)
class ParsedProfile:
    coordination: str = ""
    plan_leading: str = ""
    availability_problems: str = ""

    def as_dict(self) -> dict[str, str]:
        return {
            "coordination": self.coordination,
            "plan_leading": self.plan_leading,
            "availability_problems": self.availability_problems,
        }


@dataclass(frozen=True)
class ParsedNarrative:
    published: PublicationDate | None = None
    description: str = ""  # the factsheet's "Beschrijving", the follow-up's "Ontwikkeling 2014"
    sections: tuple[ParsedSection, ...] = ()
    profile: ParsedProfile = field(default_factory=ParsedProfile)
    skipped: tuple[str, ...] = ()  # chapter headings not recognised


def clean(lines: Iterable[str]) -> str:
    """Lines as plain text: no emphasis markers, at most one blank line between paragraphs, trimmed."""
    text = "\n".join(_EMPHASIS.sub("", line).rstrip() for line in lines)
    return re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", text).strip()


def text_between(lines: list[str], start: re.Pattern[str], stop: re.Pattern[str]) -> str:
    """The lines after the first line matching `start`, up to a line matching `stop` or the first table."""
    for index, line in enumerate(lines):
        if start.match(line):
            body: list[str] = []
            for following in lines[index + 1 :]:
                if stop.match(following) or _TABLE_START.match(following):
                    break
                body.append(following)
            return clean(body)
    return ""


def chapter_of(title: str) -> str | None:
    words = fold(title)
    return next((key for key, found in CHAPTER_WORDS if any(w in words for w in found)), None)


def _split_body(chapter: str, title: str, lines: list[str]) -> ParsedSection:
    """A subsection's lines: text, then the paragraphs after "Conclusie"; the theme sentence becomes themes."""
    text: list[str] = []
    conclusion: list[str] = []
    themes: list[str] = []
    target = text
    for line in lines:
        if _CONCLUSION.match(line):
            target = conclusion
            continue
        reference = _THEMES.match(line.strip())
        if reference:
            names = _QUOTED.findall(reference.group("names"))
            if names:
                themes += names
                continue
        target.append(line)
    return ParsedSection(chapter, title, clean(text), clean(conclusion), tuple(dict.fromkeys(themes)))


def _heading(line: str, chapter_no: int, section_no: int) -> tuple[int, int, str] | None:
    """(chapter, section, title) when the line is the next heading in the numbering; section 0 for a chapter."""
    if _TOC_LINE.search(line):
        return None
    found = _HEADING.match(line)
    if found is None:
        return None
    title = found.group("title").strip()
    if len(title) > MAX_HEADING or title.endswith((".", ",", ";", ":")):
        return None
    chapter, section = int(found.group("chapter")), int(found.group("section") or 0)
    if section == 0 and chapter == chapter_no + 1:
        return chapter, 0, title
    if chapter == chapter_no and section == section_no + 1:
        return chapter, section, title
    return None


def chapters(text: str) -> tuple[tuple[ParsedSection, ...], tuple[str, ...]]:
    """The nota's chapters as sections, and the headings of chapters not recognised."""
    found: list[ParsedSection] = []
    skipped: list[str] = []
    chapter_no = section_no = 0
    current: tuple[str | None, str] | None = None  # (chapter key, subsection title)
    body: list[str] = []

    def close() -> None:
        if current is not None and current[0] is not None:
            section = _split_body(current[0], current[1], body)
            if section.title or section.text or section.conclusion:
                found.append(section)

    for line in text.splitlines():
        if chapter_no and _ANNEX.match(line) and not _TOC_LINE.search(line):
            break
        heading = _heading(line, chapter_no, section_no)
        if heading is None:
            if current is not None:
                body.append(line)
            continue
        close()
        body = []
        chapter_no, section_no, title = heading
        if section_no == 0:
            key = chapter_of(title)
            if key is None:
                skipped.append(f"{chapter_no} {title}")
            current = (key, "")
        else:
            current = (current[0] if current else None, title)
    close()
    return tuple(found), tuple(skipped)


def profile_of(text: str) -> ParsedProfile:
    answers: dict[str, str] = {}
    for line in text.splitlines():
        for name, pattern, words in _PROFILE_LINES:
            found = pattern.match(line.strip())
            if found and name not in answers:
                answer = fold(found.group("answer")).strip(" \t.*_")
                value = next((value for word, value in words if re.match(rf"{re.escape(word)}\b", answer)), "")
                if value:
                    answers[name] = value
    if "plan_leading" not in answers and _PLAN_NOT_LEADING.search(text):
        answers["plan_leading"] = "no"
    return ParsedProfile(**answers)


def parse_narrative(text: str) -> ParsedNarrative:
    """The document's date, description, chapters and characteristics; empty parts where it has none."""
    try:
        lines = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").splitlines()
        flat = "\n".join(lines)
        description = text_between(lines, *_FACTSHEET_DESCRIPTION) or text_between(lines, *_DEVELOPMENT)
        sections, skipped = chapters(flat)
        return ParsedNarrative(find_publication_date(flat), description, sections, profile_of(flat), skipped)
    except Exception:  # the narrative is a bonus beside the tables: never the reason an import fails
        return ParsedNarrative()
