"""The pure text rules of a published report: the inspector's plain text as paragraphs and lists, and the
redaction that keeps names out of it. No database."""

import re
from collections.abc import Iterable
from dataclasses import dataclass

LIST_ITEM = re.compile(r"^[-*•–]\s+")
NAME, ADDRESS = "[naam]", "[adres]"


# --- the inspector's texts: plain text, paragraphs and lists ---------------------------------------------------


@dataclass(frozen=True)
class Block:
    """A paragraph (its lines, shown with line breaks) or a bulleted list (one item per line)."""

    lines: tuple[str, ...]
    is_list: bool = False


def blocks(text: str) -> tuple[Block, ...]:
    """Plain text as typed: a blank line starts a new paragraph; lines starting with "- ", "* " or "• " form a
    list. Nothing in it is markup: the templates escape every line."""
    found: list[Block] = []
    for chunk in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        run: list[str] = []
        run_is_list = False
        for line in lines:
            is_item = bool(LIST_ITEM.match(line))
            if run and is_item != run_is_list:
                found.append(Block(tuple(run), run_is_list))
                run = []
            run_is_list = is_item
            run.append(LIST_ITEM.sub("", line) if is_item else line)
        if run:
            found.append(Block(tuple(run), run_is_list))
    return tuple(found)


# --- no names in a report ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Redaction:
    phrase: str
    replacement: str


def redact(text: str, redactions: Iterable[Redaction]) -> str:
    """Replace every phrase (whole words, any case, any white space between its words) by its replacement,
    longest first. Better one word too many hidden than one name shown."""
    usable: dict[str, Redaction] = {}
    for r in redactions:
        phrase = " ".join(r.phrase.split())
        if len(phrase) >= 2 and phrase.casefold() not in usable:
            usable[phrase.casefold()] = Redaction(phrase, r.replacement)
    if not usable or not text:
        return text
    ordered = sorted(usable.values(), key=lambda r: len(r.phrase), reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, r.phrase.split())) for r in ordered)
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)

    def replace(match: "re.Match[str]") -> str:
        found = usable.get(" ".join(match.group(0).split()).casefold())
        return found.replacement if found else NAME

    return pattern.sub(replace, text)
