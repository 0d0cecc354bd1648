from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from gezinsregie.frameworks.models import Criterion, Framework, Indicator, Level, Theme


def frameworks_with_tree() -> QuerySet[Framework]:
    """Every framework with levels → themes → criteria → indicators in five queries, whatever the size."""
    return Framework.objects.prefetch_related(
        Prefetch(
            "levels",
            queryset=Level.objects.prefetch_related(
                Prefetch(
                    "themes",
                    queryset=Theme.objects.prefetch_related(
                        Prefetch("criteria", queryset=Criterion.objects.prefetch_related("indicators"))
                    ),
                )
            ),
        )
    )


@dataclass(frozen=True)
class ComparedIndicator:
    key: str
    left: str | None
    right: str | None

    @property
    def change(self) -> str:
        if self.left is None:
            return "nieuw"
        if self.right is None:
            return "vervallen"
        return "gewijzigd" if self.left != self.right else ""


def compare_frameworks(left: Framework, right: Framework) -> list[ComparedIndicator]:
    """Indicators of two framework versions side by side, matched on their stable keys."""

    def texts(framework: Framework) -> dict[str, str]:
        return dict(Indicator.objects.filter(criterion__theme__level__framework=framework).values_list("key", "text"))

    old, new = texts(left), texts(right)
    return [
        ComparedIndicator(key, old.get(key), new.get(key)) for key in sorted(old.keys() | new.keys(), key=_key_order)
    ]


def _key_order(key: str) -> tuple[object, ...]:
    return tuple(int(part) if part.isdigit() else part for part in key.replace(".", " ").split())
