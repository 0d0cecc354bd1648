"""Episodes: the family's dates are those of its current episode; a re-entry begins a new one.

Every service that moves a family's dates calls `episode_mirror`, so the current episode keeps the same dates
as the family; earlier episodes are never written again (issue 10 §7).
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from gezinsregie.accounts.models import User
from gezinsregie.audit import services as audit
from gezinsregie.casework import workflow
from gezinsregie.casework.models import EntryRoute, Episode, Family
from gezinsregie.trajectory.models import Aftercare


def episode_current(family: Family) -> Episode:
    """The family's current episode (the last one); episode 1 is made for a family that has none yet."""
    episode = Episode.objects.filter(family=family).order_by("-number").first()
    if episode is None:
        episode = Episode.objects.create(family=family, number=1, registered_on=family.registered_on)
        return episode_mirror(family, episode)
    return episode


def episode_mirror(family: Family, episode: Episode | None = None) -> Episode:
    """Write the family's current dates into its current episode."""
    episode = episode or episode_current(family)
    episode.registered_on = family.registered_on
    episode.started_on = family.started_on
    episode.closed_on = family.closed_on
    episode.full_clean()
    episode.save(update_fields=["registered_on", "started_on", "closed_on"])
    return episode


@transaction.atomic
def family_reenter(*, actor: User, family: Family, on: date, route: str, reason: str) -> Episode:
    """A family in aftercare, closed or declined comes back: a new episode with its own registration date.

    Called by the services that decided the re-entry (a new aanmelding, a signal); they have asked the policy.
    The coordinator stays: the family manager comes back when heavy problems return (factsheet Oosterhout 2013).
    """
    if on > timezone.localdate():
        raise ValidationError("Een terugkeer kan niet in de toekomst liggen.")
    previous = episode_current(family)
    if previous.closed_on is not None and on < previous.closed_on:
        raise ValidationError({"referred_on": ["De nieuwe aanmelding ligt vóór de afsluiting van het vorige traject."]})
    if on < previous.registered_on:
        raise ValidationError({"referred_on": ["De nieuwe aanmelding ligt vóór de aanmelding van het vorige traject."]})
    family.status = workflow.advance(family.status, workflow.Transition.REOPEN)
    # Aftercare that was still running ends: the family is back.
    for aftercare in Aftercare.objects.filter(family=family, ended_on__isnull=True):
        aftercare.ended_on, aftercare.end_reason = on, workflow.AftercareEndReason.RETURNED
        aftercare.save(update_fields=["ended_on", "end_reason"])
        previous.aftercare_ended_on = on
        previous.save(update_fields=["aftercare_ended_on"])
    family.registered_on, family.started_on, family.closed_on = on, None, None
    family.full_clean()
    family.save()
    episode = Episode.objects.create(
        family=family,
        number=previous.number + 1,
        route=EntryRoute(route),
        registered_on=on,
        reentry_reason=reason.strip(),
    )
    audit.record(actor=actor, action="family.reenter", family=family, obj=episode)
    return episode
