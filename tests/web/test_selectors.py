"""The consent in one sentence on the family page (web.selectors.consent_summary), on the frozen clock."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from gezinsregie.accounts.models import Role
from gezinsregie.web.selectors import consent_summary
from tests.clock import FROZEN_NOW
from tests.factories import ConsentFactory, FamilyFactory, OrganisationFactory

pytestmark = pytest.mark.django_db
TODAY = FROZEN_NOW.date()  # Wednesday 12 November 2025


def test_the_tests_run_on_the_frozen_day() -> None:
    assert timezone.localdate() == TODAY == date(2025, 11, 12)


def test_a_consent_signed_for_a_later_date_is_not_yet_in_force() -> None:
    family = FamilyFactory()
    ConsentFactory(family=family, signed_on=date(2025, 12, 3), organisations=[OrganisationFactory()])

    assert consent_summary(family, today=TODAY) == (
        "Getekend, geldig vanaf 3 december 2025: tot dan mag er geen informatie gedeeld worden."
    )
    # from that day on it is in force
    assert consent_summary(family, today=date(2025, 12, 3)) == "Geldig sinds 3 december 2025, voor 1 organisatie."


def test_a_withdrawn_consent_says_since_when_nothing_is_shared() -> None:
    family = FamilyFactory()
    ConsentFactory(
        family=family,
        signed_on=date(2025, 9, 1),
        withdrawn_on=date(2025, 11, 3),
        organisations=[OrganisationFactory()],
    )

    assert consent_summary(family, today=TODAY) == (
        "Ingetrokken op 3 november 2025: er mag geen informatie gedeeld worden."
    )


@pytest.mark.parametrize(("how_many", "organisations"), [(1, "1 organisatie"), (2, "2 organisaties")])
def test_a_consent_in_force_counts_its_organisations_in_singular_or_plural(how_many: int, organisations: str) -> None:
    family = FamilyFactory()
    ConsentFactory(
        family=family,
        signed_on=date(2025, 2, 3),
        organisations=[OrganisationFactory() for _ in range(how_many)],
    )

    assert consent_summary(family, today=TODAY) == f"Geldig sinds 3 februari 2025, voor {organisations}."


def test_a_consent_in_force_wins_over_a_later_one_that_is_not_yet() -> None:
    family = FamilyFactory()
    ConsentFactory(family=family, signed_on=date(2025, 2, 3), organisations=[OrganisationFactory()])
    ConsentFactory(family=family, signed_on=date(2025, 12, 3), organisations=[OrganisationFactory()])

    assert consent_summary(family, today=TODAY) == "Geldig sinds 3 februari 2025, voor 1 organisatie."


def test_without_a_consent_nothing_is_shared() -> None:
    assert consent_summary(FamilyFactory(), today=TODAY) == (
        "Er is nog geen toestemmingsverklaring: er mag geen informatie gedeeld worden."
    )


def test_the_family_page_shows_a_consent_signed_for_a_later_date(world, login) -> None:
    family = world.family("coordinated")
    ConsentFactory(family=family, signed_on=date(2025, 12, 3), organisations=[world.professional_org])

    response = login(world.user(Role.COORDINATOR)).get(reverse("web:family", args=[family.pk]))

    assert response.status_code == 200
    sentence = "Getekend, geldig vanaf 3 december 2025: tot dan mag er geen informatie gedeeld worden."
    assert f'<dd data-testid="toestemming">{sentence}</dd>' in response.content.decode()
