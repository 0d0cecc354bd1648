"""Casework writes, problem analysis and self-sufficiency scores (casework/services/analysis.py), on the shared
`world` (tests/worlds/authorisation.py).
"""

from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gezinsregie.casework import services
from gezinsregie.casework.models import (
    Family,
    OwnStrength,
    Problem,
    ScoreMoment,
    SelfSufficiencyScore,
)
from tests.casework.service_helpers import COORD, PM, PROF, log_actions, today
from tests.factories import (
    LifeDomainSetFactory,
    MemberFactory,
)

pytestmark = pytest.mark.django_db

# --- problem analysis and scores ------------------------------------------------------------------


def add_problem(world: Any, family: Family, **overrides: Any) -> Problem:
    values: dict[str, Any] = {
        "actor": world.user(COORD),
        "family": family,
        "member": None,
        "domain": world.approach.life_domain_set.domains.first(),
        "description": " Huurachterstand van drie maanden ",
        "severity": 2,
        "chronic": True,
        "own_strength": OwnStrength.WITH_SUPPORT,
        "family_participated": True,
        "identified_on": today(),
    }
    return services.problem_add(**(values | overrides))


def test_a_problem_is_added_for_a_member_of_the_family(world):
    family = world.family("coordinated")
    member = MemberFactory(family=family)

    problem = add_problem(world, family, member=member)

    assert list(family.problems.all()) == [problem]
    assert (problem.member, problem.description, problem.recorded_by) == (
        member,
        "Huurachterstand van drie maanden",
        world.user(COORD),
    )
    assert log_actions(family) == ["problem.add"]


def test_a_problem_for_a_member_of_another_family_is_refused(world):
    family = world.family("coordinated")
    stranger = MemberFactory(family=world.family("consented"))

    with pytest.raises(ValidationError) as refused:
        add_problem(world, family, member=stranger)

    assert "member" in refused.value.message_dict
    assert not Problem.objects.exists()


def test_a_problem_on_a_domain_of_another_set_is_refused(world):
    family = world.family("coordinated")
    foreign = LifeDomainSetFactory().domains.first()

    with pytest.raises(ValidationError) as refused:
        add_problem(world, family, domain=foreign)

    assert "domain" in refused.value.message_dict
    assert not Problem.objects.exists()


def test_a_problem_in_the_future_is_refused(world):
    with pytest.raises(ValidationError):
        add_problem(world, world.family("coordinated"), identified_on=today() + timedelta(days=1))
    assert not Problem.objects.exists()


def test_a_professional_with_consent_may_not_add_a_problem(world):
    with pytest.raises(PermissionDenied):
        add_problem(world, world.family("consented"), actor=world.user(PROF))


def test_a_second_score_for_the_same_domain_and_day_replaces_the_first(world):
    family = world.family("coordinated")
    domain = world.approach.life_domain_set.domains.first()

    services.scores_record(actor=world.user(COORD), family=family, scores={domain: 2}, scored_on=today())
    services.scores_record(actor=world.user(PM), family=family, scores={domain: 4}, scored_on=today())

    [score] = SelfSufficiencyScore.objects.filter(family=family)
    assert (score.domain, score.score, score.recorded_by, score.moment) == (
        domain,
        4,
        world.user(PM),
        ScoreMoment.INTAKE,
    )
    assert log_actions(family) == ["scores.record", "scores.record"]


def test_scores_on_another_day_or_moment_are_kept_apart(world):
    family = world.family("coordinated")
    domain = world.approach.life_domain_set.domains.first()
    coordinator = world.user(COORD)

    services.scores_record(actor=coordinator, family=family, scores={domain: 2}, scored_on=today() - timedelta(1))
    services.scores_record(actor=coordinator, family=family, scores={domain: 3}, scored_on=today())
    services.scores_record(
        actor=coordinator, family=family, scores={domain: 4}, scored_on=today(), moment=ScoreMoment.EVALUATION
    )

    assert sorted(family.scores.values_list("score", flat=True)) == [2, 3, 4]


def test_scores_on_a_domain_of_another_set_are_refused_and_none_are_saved(world):
    family = world.family("coordinated")
    own = world.approach.life_domain_set.domains.first()
    foreign = LifeDomainSetFactory().domains.first()

    with pytest.raises(ValidationError):
        services.scores_record(actor=world.user(COORD), family=family, scores={own: 3, foreign: 3}, scored_on=today())

    assert not family.scores.exists()


def test_a_score_outside_one_to_five_is_a_validation_error(world):
    family = world.family("coordinated")
    domain = world.approach.life_domain_set.domains.first()
    with pytest.raises(ValidationError):
        services.scores_record(actor=world.user(COORD), family=family, scores={domain: 6}, scored_on=today())
