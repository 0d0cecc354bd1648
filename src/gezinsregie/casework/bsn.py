"""The citizen service number (burgerservicenummer, BSN) as plain values (issue 12 §12): the 11-proef, what a
typed number stands for, and how it is shown masked. No database, no Django; docs/security.md says where it is
stored, who sees it unmasked and where it never goes.

The 11-proef (Logius, "BSN 11-proef"; Wet algemene bepalingen burgerservicenummer): nine digits d1..d9 with
9·d1 + 8·d2 + 7·d3 + 6·d4 + 5·d5 + 4·d6 + 3·d7 + 2·d8 − 1·d9 divisible by 11. Numbers of eight digits are written
with a leading zero. Implemented here rather than with python-stdnum (LGPL): it is these ten lines.
"""

import re

LENGTH = 9
WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)
MASK = "●"
NOT_ALLOWED = (
    "Deze aanpak legt geen burgerservicenummer vast: er is geen wettelijke grondslag voor ingesteld. "
    "Laat het veld leeg."
)
INVALID = "Dit is geen geldig burgerservicenummer: het moet uit 9 cijfers bestaan en de elfproef doorstaan."


def normalise(typed: str) -> str:
    """What a typed BSN stands for: its digits, spaces, dots and dashes left out, eight digits with a leading 0.
    Anything else (letters, too many digits) is returned as typed, to fail `is_valid`."""
    digits = re.sub(r"[\s.\-]", "", typed)
    if digits.isdigit() and len(digits) == LENGTH - 1:
        digits = "0" + digits
    return digits


def is_valid(number: str) -> bool:
    """Nine ASCII digits that pass the 11-proef; 000000000 is not a number anyone has."""
    if len(number) != LENGTH or not number.isascii() or not number.isdigit() or set(number) == {"0"}:
        return False
    return sum(w * int(d) for w, d in zip(WEIGHTS, number, strict=True)) % 11 == 0


def problem(typed: str) -> str | None:
    """The Dutch message for a BSN that is not one, or None (an empty one is no BSN: it is optional)."""
    if not typed.strip():
        return None
    return None if is_valid(normalise(typed)) else INVALID


def masked(number: str) -> str:
    """As shown to whoever may not see it: only the last four digits, e.g. ●●●●●12 34."""
    if not number:
        return ""
    tail = number[-4:]
    return f"{MASK * (LENGTH - 4)}{tail[:2]} {tail[2:]}"


def shown(number: str) -> str:
    """In full, grouped as on a passport: 1234.56.789."""
    return f"{number[:4]}.{number[4:6]}.{number[6:]}" if len(number) == LENGTH else number
