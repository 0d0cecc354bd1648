"""Limits on what a form or the API takes (issue 12 §10, ASVS 4.0 V5.1.3/V5.1.4): how long a text may be and which
dates are sane. One definition, used by the forms, the API's serializers and the services, each with a Dutch
message. The rules are pure (a date and today in, a message or None out); `SaneDate` is the validator around them.
"""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

from gezinsregie.common.formatting import long_date

# A free text (reason, description, note): long enough for any real account, short of a pasted document.
MAX_TEXT = 10_000
# Dates are entered for people and events of this system: nobody was born, and nothing happened, before 1900;
# a date of an event lies at most a year ahead, a date planned in the family plan (a due date) at most five.
EARLIEST = date(1900, 1, 1)
AHEAD = timedelta(days=366)
PLANNED_AHEAD = timedelta(days=5 * 366)


def date_problem(value: date, *, today: date, future: bool = True, ahead: timedelta = AHEAD) -> str | None:
    """The Dutch message for a date outside the sane range; None when it is fine. `future=False`: not after today
    (a birth date, a date something was signed)."""
    if value < EARLIEST:
        return f"Deze datum ligt vóór {long_date(EARLIEST)}: controleer het jaar."
    if not future and value > today:
        return "Deze datum ligt in de toekomst."
    if value > today + ahead:
        years = "een jaar" if ahead <= AHEAD else f"{ahead.days // 366} jaar"
        return f"Deze datum ligt meer dan {years} in de toekomst: controleer het jaar."
    return None


def text_problem(value: str, *, limit: int = MAX_TEXT) -> str | None:
    if len(value) > limit:
        return f"Deze tekst is te lang: hoogstens {limit} tekens (nu {len(value)})."
    return None


class SaneDate:
    """Validator for a form or serializer date field: between 1900 and `ahead` (or today, `future=False`)."""

    def __init__(self, *, future: bool = True, ahead: timedelta = AHEAD) -> None:
        self.future, self.ahead = future, ahead

    def __call__(self, value: date) -> None:
        problem = date_problem(value, today=timezone.localdate(), future=self.future, ahead=self.ahead)
        if problem:
            raise ValidationError(problem, code="date_range")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SaneDate) and (other.future, other.ahead) == (self.future, self.ahead)

    def __hash__(self) -> int:
        return hash((SaneDate, self.future, self.ahead))
