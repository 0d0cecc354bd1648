from django.db.models import Prefetch, QuerySet

from gezinsregie.frameworks.models import Criterion, Framework, Level, Theme


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
