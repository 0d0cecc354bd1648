"""Changing the analysis afterwards (issue 14 §1): a problem corrected or removed keeps its trail; "geen problemen"
for a member or a life domain closes the analysis gap."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gezinsregie.casework import selectors, services
from gezinsregie.casework.models import OwnStrength, Problem, ProblemChange
from tests.casework.service_helpers import COORD, PROF, log_actions
from tests.casework.test_services_analysis import add_problem
from tests.casework.view_helpers import html
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db


def _gaps(family):  # type: ignore[no-untyped-def]
    return selectors.analysis_gaps(selectors.with_analysis(type(family).objects.filter(pk=family.pk)).get())


def test_a_corrected_problem_keeps_how_it_was(world):  # type: ignore[no-untyped-def]
    family = world.family("coordinated")
    problem = add_problem(world, family)
    services.problem_change(
        actor=world.user(COORD),
        problem=problem,
        description="Huurachterstand van vier maanden",
        severity=3,
        chronic=True,
        own_strength=OwnStrength.PROFESSIONAL,
        family_participated=True,
    )
    problem.refresh_from_db()
    assert (problem.description, problem.severity) == ("Huurachterstand van vier maanden", 3)
    change = ProblemChange.objects.get()
    assert (change.kind, change.old["description"], change.old["severity_label"], change.changed_by) == (
        "changed",
        "Huurachterstand van drie maanden",
        "matig",
        world.user(COORD),
    )
    assert log_actions(family)[-1] == "problem.change"


def test_a_removed_problem_is_gone_from_the_analysis_but_not_from_its_trail(world):  # type: ignore[no-untyped-def]
    family = world.family("coordinated")
    problem = add_problem(world, family)
    with pytest.raises(ValidationError, match="waarom"):
        services.problem_remove(actor=world.user(COORD), problem=problem, reason=" ")
    services.problem_remove(actor=world.user(COORD), problem=problem, reason="Per vergissing bij dit gezin")
    assert not Problem.objects.filter(pk=problem.pk).exists()
    change = ProblemChange.objects.get(problem_id=problem.pk)
    assert (change.kind, change.reason, change.old["description"]) == (
        "removed",
        "Per vergissing bij dit gezin",
        "Huurachterstand van drie maanden",
    )
    assert log_actions(family)[-1] == "problem.remove"


def test_only_who_may_edit_the_family_changes_its_analysis(world):  # type: ignore[no-untyped-def]
    family = world.family("coordinated")
    problem = add_problem(world, family)
    with pytest.raises(PermissionDenied):
        services.problem_remove(actor=world.user(PROF), problem=problem, reason="mag niet")
    with pytest.raises(PermissionDenied):
        services.no_problems_note(actor=world.user(PROF), family=family, member=None, domain=problem.domain, note="")
    assert Problem.objects.filter(pk=problem.pk).exists()


def test_geen_problemen_closes_the_gap_of_a_member_and_of_a_domain(world):  # type: ignore[no-untyped-def]
    family = world.family("coordinated")
    member = MemberFactory(family=family)
    domain = world.approach.life_domain_set.domains.order_by("order").first()
    before = _gaps(family)
    assert str(member) in before.members and domain.name in before.domains
    services.no_problems_note(actor=world.user(COORD), family=family, member=member, domain=None, note="")
    services.no_problems_note(
        actor=world.user(COORD), family=family, member=None, domain=domain, note="Samen met het gezin bekeken"
    )
    after = _gaps(family)
    assert str(member) not in after.members and domain.name not in after.domains
    with pytest.raises(ValidationError):
        services.no_problems_note(actor=world.user(COORD), family=family, member=member, domain=domain, note="")
    finding = family.no_problem_findings.get(domain=domain)
    services.no_problems_withdraw(actor=world.user(COORD), finding=finding)
    assert domain.name in _gaps(family).domains


def test_the_analysis_page_edits_removes_and_marks(world, login):  # type: ignore[no-untyped-def]
    family = world.family("coordinated")
    problem = add_problem(world, family)
    domain = world.approach.life_domain_set.domains.exclude(pk=problem.domain_id).order_by("order").first()
    client = login(world.user(COORD))
    edit = reverse("casework:problem_edit", args=[family.pk, problem.pk])
    analysis = reverse("casework:analysis", args=[family.pk])
    assert edit in html(client.get(analysis))
    client.post(edit, {"wijzigen": "1", "description": "Nieuwe tekst", "severity": "3", "own_strength": "self"})
    page = html(
        client.post(reverse("casework:no_problems", args=[family.pk]), {"target": f"domain:{domain.pk}"}, follow=True)
    )
    assert f"{domain.name}: geen problemen" in page
    assert "Huurachterstand van drie maanden" in page  # the trail: how it was
    client.post(edit, {"verwijderen": "1", "reason": "Dubbel vastgelegd"})
    page = html(client.get(analysis))
    assert "Nieuwe tekst" in page and "Dubbel vastgelegd" in page  # in the trail only
    assert not Problem.objects.filter(pk=problem.pk).exists()
    assert client.get(edit).status_code == 404
