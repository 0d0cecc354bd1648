"""A family's reference (kenmerk) "GR-0042": the next number of a database sequence (issue 11 §8).

A sequence hands out each number once, to whichever web node asks, without a lock and without a retry: two
registrations at the same moment on two machines get two numbers. Numbers are not reused (a family erased or a
registration rolled back leaves a gap), which is what a reference in letters and files needs.

PostgreSQL has the sequence (migration casework 0014); the demo's SQLite has none and runs in one process, where the
highest number plus one inside the registration's transaction is safe. Whoever writes references by hand (the demo
seed) calls `family_reference_resync` afterwards, so the sequence continues past them.
"""

from django.db import connection
from django.db.models import IntegerField, Max
from django.db.models.functions import Cast, Substr

SEQUENCE = "casework_family_reference"
PATTERN = r"^GR-\d+$"


def _format(number: int) -> str:
    return f"GR-{number:04d}"


def _highest() -> int:
    from gezinsregie.casework.models import Family

    # numerically: as text "GR-9999" sorts above "GR-10000"
    highest = (
        Family.objects.filter(reference__regex=PATTERN)
        .annotate(number=Cast(Substr("reference", 4), IntegerField()))
        .aggregate(Max("number"))["number__max"]
    )
    return highest or 0


def family_reference_next() -> str:
    if connection.vendor != "postgresql":
        return _format(_highest() + 1)
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(%s)", [SEQUENCE])
        (number,) = cursor.fetchone()
    return _format(number)


def family_reference_resync() -> None:
    """Let the sequence continue past the highest reference written without it (a seed, an import)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        # never backwards: a number once handed out stays used
        cursor.execute(
            "SELECT setval(%s, GREATEST(%s, (SELECT last_value FROM casework_family_reference)))",
            [SEQUENCE, _highest()],
        )
