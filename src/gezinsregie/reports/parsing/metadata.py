"""What a report says about itself: the approach it assessed and who answered the questionnaire."""

import re

from gezinsregie.reports.parsing.errors import ReportParseError

MAX_APPROACH_LENGTH = 200

# "Aanpak: Gezinsmanager" (factsheet, follow-up)
_APPROACH_LINE = re.compile(r"^[ \t*_#]{0,10}Aanpak(?:ken)?[ \t*_]{0,10}:(?P<name>[^\n]*)$", re.MULTILINE)
# "Samenwerkend Toezicht Jeugd heeft de aanpak 'Integrale Aanpak' getoetst" (Bijlage 1)
_APPROACH_QUOTED = re.compile(r"\bde aanpak\s+['‘\"“](?P<name>[^'’\"”\n]{2,120})['’\"”]", re.IGNORECASE)
# "Nota van Bevindingen Zwolle, Aanpak Bijzondere doelgroepen" (title)
_APPROACH_TITLE = re.compile(
    r"^[ \t]*Nota van Bevindingen\b[^\n,]{0,200},[ \t]*Aanpak[ \t]+(?P<name>[^\n]+)$", re.I | re.M
)
_FILLED_IN_BY = re.compile(r"ingevuld\s+door\s*:?\s*$", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-•*·–—]|\d{1,2}[.)])\s+(?P<item>.+)$")
_EMPHASIS = re.compile(r"[*_]{1,3}")
_NAME_TRIM = " \t.:;,*_"

_BINARY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def ensure_text(text: object, *, what: str) -> str:
    """The input as text, or a ReportParseError saying why it cannot be read."""
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as error:
            raise ReportParseError(f"{what} is geen leesbare tekst (geen UTF-8).") from error
    if not isinstance(text, str):
        raise ReportParseError(f"{what} is geen tekst.")
    if "\x00" in text or len(_BINARY_CONTROL.findall(text)) > max(10, len(text) // 100):
        raise ReportParseError(
            f"{what} is geen leesbare tekst: het lijkt een binair bestand (bijvoorbeeld PDF of Word)."
        )
    if not text.strip():
        raise ReportParseError(f"{what} is leeg.")
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def find_approach(text: str) -> str | None:
    """The approach's name from "Aanpak: …", else from "de aanpak '…'", else from the title."""
    for pattern in (_APPROACH_LINE, _APPROACH_QUOTED, _APPROACH_TITLE):
        for match in pattern.finditer(text):
            name = _EMPHASIS.sub("", match.group("name").strip(_NAME_TRIM)).strip(_NAME_TRIM)
            if name and len(name) <= MAX_APPROACH_LENGTH:
                return name
    return None


def find_respondents(text: str) -> list[str]:
    """The bullet list under "… vragenlijst over deze aanpak is ingevuld door:" (factsheets)."""
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if not _FILLED_IN_BY.search(line):
            continue
        respondents: list[str] = []
        for following in lines[index + 1 :]:
            if not following.strip():
                continue
            bullet = _BULLET.match(following)
            if not bullet:
                break
            item = _EMPHASIS.sub("", bullet.group("item")).strip(_NAME_TRIM)
            if item:
                respondents.append(item)
        if respondents:
            return respondents
    return []
