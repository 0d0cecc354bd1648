"""Keeps the architecture honest: personal data is reached only through gezinsregie.policy."""

import re
import uuid
from pathlib import Path

import pytest
from django.apps import apps
from django.db.models import Model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.paths import PACKAGE

SRC = PACKAGE
QUERY_METHODS = [
    "all",
    "filter",
    "exclude",
    "get",
    "count",
    "exists",
    "values",
    "values_list",
    "order_by",
    "select_related",
    "prefetch_related",
    "annotate",
    "aggregate",
    "first",
    "last",
    "create",
    "get_or_create",
    "update_or_create",
    "bulk_create",
    "update",
    "delete",
    "only",
    "defer",
    "iterator",
]
MANAGER_CALL = r"\.(?:" + "|".join(QUERY_METHODS) + r")\("


def personal_models() -> set[type[Model]]:
    """Every model with a foreign-key path to Family (and the access log): all of it is personal data.

    Derived from the model graph, so a new casework model is guarded the day it is added.
    """
    personal: set[type[Model]] = {apps.get_model("casework", "Family"), apps.get_model("audit", "AccessLogEntry")}
    grown = True
    while grown:
        grown = False
        for model in apps.get_models():
            if model in personal:
                continue
            forward = [f for f in model._meta.get_fields() if f.concrete and (f.many_to_one or f.one_to_one)]
            if any(f.related_model in personal for f in forward):
                personal.add(model)
                grown = True
    return personal


def reverse_accessors(personal: set[type[Model]]) -> set[str]:
    """Relations from a model that is NOT personal data into one that is, e.g. approach.families or
    inspection.case_reviews: a way around the policy as much as Family.objects is."""
    names = set()
    for model in apps.get_models():
        if model in personal:
            continue
        for f in model._meta.get_fields():
            if f.auto_created and not f.concrete and f.related_model in personal and not f.hidden:
                names.add(f.get_accessor_name())
    return names


def direct_reads() -> re.Pattern[str]:
    personal = personal_models()
    managers = r"\b(?:" + "|".join(sorted(m.__name__ for m in personal)) + r")\.(?:objects|_default_manager)\b"
    reverse = r"\.(?:" + "|".join(sorted(reverse_accessors(personal))) + r")" + MANAGER_CALL
    return re.compile(f"{managers}|{reverse}")


# Files allowed to touch personal-data managers directly, and why.
ALLOWED = {
    "policy/__init__.py": "the one door itself",
    "policy/tables.py": "the rules of the one door: conditions on the families a role may reach",
    "casework/selectors/__init__.py": "population counts: aggregates over approaches the caller was authorised for",
    "audit/services.py": "writes the access log",
    "audit/selectors.py": "reads a family's log after policy.access_family(VIEW_LOG)",
    "demo/seed/world.py": "seeds the fictional demo world",
    "demo/seed/families.py": "seeds the fictional demo world",
    "casework/services/registration.py": "registration numbers new families (the next reference)",
    "casework/references.py": "the highest family reference written (the demo's SQLite, a resync): a number, no person",
    "demo/seed/privacy.py": "seeds the fictional demo world",
    "assessment/facts/rows.py": "reads the records of exactly the families its caller passes in",
    "assessment/facts/more.py": "reads the records of exactly the families its caller passes in",
    "assessment/policy_evidence.py": "numbers over an approach's families after policy.ensure(VIEW_ASSESSMENT), "
    "never a person",
    "assessment/selectors.py": "numbers over all families of an approach, after policy.ensure(VIEW_ASSESSMENT)",
    "assessment/case_evidence.py": "counts and generalised words over an approach's stored results, after "
    "policy.ensure(VIEW_ASSESSMENT), never a family",
    "assessment/services.py": "stores the indicator results of an approach's families, as the system account "
    "after policy.ensure(RUN_CHECKS)",
    "privacy/services.py": "a correction after policy.ensure(EDIT); the erasure as the system account after "
    "policy.ensure(RUN_CHECKS)",
    "privacy/selectors.py": "the families due for erasure, for the retention task (RUN_CHECKS); a family's records "
    "and corrections, for callers that fetched the family through policy.access_family",
    "casework/services/analysis.py": "writes a score of a family after policy.ensure(EDIT)",
    "casework/services/pending.py": "locks a held aanmelding after policy.ensure(LINK_REFERRAL) of its approach",
    "casework/selectors/pending.py": "held aanmeldingen of exactly the approaches policy.approaches_for(LINK_REFERRAL) "
    "gives the actor",
    "plans/services/_common.py": "locks the plan row after policy.ensure(EDIT) on its family",
    "plans/services/items.py": "writes goals and actions of a plan locked after policy.ensure(EDIT) (via _lock)",
    "plans/services/progress.py": "a progress report after policy.may_report_progress; the reminder check as the "
    "system account",
    "plans/services/session.py": "the working session: locks and writes rows of a plan after policy.ensure(EDIT) "
    "on its family (via services._lock)",
    "plans/selectors.py": "the actions of a plan whose family the caller got through policy.access_family",
    "plans/services/commitment.py": "locks the plan and writes the commitment of an involved professional after "
    "policy.ensure(VIEW) and their involvement",
    "plans/forms/__init__.py": "an empty queryset, replaced by the family's own problems when the form is made",
    "demo/seed/casework.py": "seeds the fictional demo world",
    "demo/seed/trajectory.py": "seeds the fictional demo world",
    "demo/seed/voices.py": "seeds the fictional demo world",
    "demo/seed/daily.py": "seeds the fictional demo world",
    "casework/forms/involvement.py": "empty querysets, replaced by the family's own members and problems when the "
    "form is made",
    "casework/forms/coordination.py": "an empty queryset, replaced by the family's own members when the form is made",
    "casework/services/decision.py": "decisions after policy.ensure(EDIT) or for who answers; the deadline check",
    "casework/services/care.py": "locks a care request of a family after policy.ensure(EDIT)",
    "casework/services/escalation.py": "writes after policy.ensure(EDIT); the periodic check as the system account",
    "casework/services/involvement.py": "locks an involvement after policy.ensure(EDIT) or policy.invitations_for",
    "casework/selectors/care.py": "care requests of exactly the families policy.families_for gives the actor",
    "notifications/services.py": "writes a notification for its user; marks the actor's own as read",
    "notifications/selectors.py": "the actor's own notifications, nobody else's",
    "inspections/services/case.py": "the sample of an inspection, after policy.ensure(CONDUCT_INSPECTION, INSPECT)",
    "inspections/services/findings.py": "judgements of an inspection after policy.ensure(CONDUCT_INSPECTION)",
    "inspections/services/publication.py": "improvement points at publication, after policy.ensure(CONDUCT_INSPECTION)",
    "inspections/services/points.py": "locks a point the caller reached through selectors.points_for (the policy)",
    "inspections/selectors/case.py": "the sample of an inspection the caller got through policy.access_inspection",
    "inspections/selectors/indicators.py": "findings of an inspection the caller got through policy.access_inspection",
    "inspections/selectors/judging.py": "the findings and sample of an inspection reached through access_inspection",
    "inspections/selectors/follow_up.py": "improvement points of inspections from policy.inspections_for",
    "inspections/selectors/rebuttal.py": "the concept's overall findings (never a family's) and the municipality's "
    "responses, of an inspection the caller got through policy.access_inspection",
    "inspections/services/rebuttal.py": "responses to the concept's overall findings, after policy.ensure("
    "RESPOND_TO_CONCEPT or CONDUCT_INSPECTION)",
    "reports/aggregate/selectors.py": "overall findings only (case_review is null): never a family's judgement",
    "casework/services/episodes.py": "the episodes of a family its calling service reached through the policy",
    "trajectory/selectors.py": "the trajectory of a family the caller got through policy.access_family; flags for "
    "the families of a caseload from policy.family_list",
    "trajectory/outcomes.py": "numbers over the approaches from policy.approaches_for(VIEW_POPULATION), never a person",
    "trajectory/services/evaluation.py": "the goals of a family's plan after policy.ensure(EDIT)",
    "trajectory/services/closure.py": "locks and reads the family being closed after policy.ensure(EDIT)",
    "trajectory/services/aftercare.py": "check-ins after policy.ensure(RECORD_CHECKIN); a signal names the family "
    "by reference and name after policy.ensure(RAISE_SIGNAL); the periodic check as the system account",
    "reports/publication/selectors.py": "the sample of an inspection reached through access_inspection, pseudonymised",
}


def python_sources() -> list[Path]:
    return [p for p in SRC.rglob("*.py") if "migrations" not in p.parts and "tests" not in p.parts]


def test_the_personal_data_models_come_from_the_model_graph() -> None:
    names = {m.__name__ for m in personal_models()}
    # the casework, the plan with its versions, the case-level inspection of a family, and the log
    expected = {"Family", "Member", "Referral", "Consent", "Involvement", "InspectionMandate", "TriageDecision"}
    expected |= {"Problem", "SelfSufficiencyScore", "CoordinatorAssignment", "Plan", "Goal", "Action", "PlanVersion"}
    expected |= {"CaseReview", "Interview", "AccessLogEntry"}
    assert expected <= names
    assert not names & {"Approach", "Organisation", "User", "Membership", "Inspection", "Indicator", "LifeDomain"}
    assert {"families", "case_reviews"} <= reverse_accessors(personal_models())


def test_the_guard_sees_a_reverse_relation_and_a_manager() -> None:
    reads = direct_reads()
    assert reads.search("approach.families.filter(status=...)")
    assert reads.search("Problem.objects.all()")
    assert reads.search("inspection.case_reviews.all()")
    assert not reads.search("report.families")  # an attribute, not a query
    assert not reads.search("plan_selectors.problems_of(family)")


def test_no_module_reads_personal_data_around_the_policy() -> None:
    reads = direct_reads()
    offenders = []
    for path in python_sources():
        relative = path.relative_to(SRC).as_posix()
        if relative in ALLOWED:
            continue
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if reads.search(line):
                offenders.append(f"{relative}:{number}: {line.strip()}")
    assert offenders == [], "Lees persoonsgegevens via gezinsregie.policy:\n" + "\n".join(offenders)


def test_the_allowlist_has_no_stale_entries() -> None:
    reads = direct_reads()
    for relative in ALLOWED:
        assert reads.search((SRC / relative).read_text()), f"{relative} no longer needs an exception"


def _all_paths(resolver: URLResolver, prefix: str = "") -> list[str]:
    paths = []
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            paths.extend(_all_paths(pattern, route))
        elif isinstance(pattern, URLPattern):
            paths.append(route)
    return paths


def _concrete(route: str) -> str:
    route = re.sub(r"<uuid:\w+>", str(uuid.uuid4()), route)
    route = re.sub(r"<(?:\w+:)?\w+>", "x", route)
    route = re.sub(r"\(\?P<\w+>[^)]*\)", "x", route)
    return "/" + route.replace("^", "").replace("$", "").replace("\\.", ".").replace("\\Z", "")


PUBLIC = {"/inloggen/", "/uitloggen/", "/beheer/login/", "/beheer/logout/"}
# Password reset by e-mail (issue 12 §1): for who cannot sign in; the same answer for any address, no personal data.
PUBLIC |= {"/wachtwoord-vergeten/", "/wachtwoord-vergeten/verstuurd/", "/wachtwoord-herstellen/x/x/"}
PUBLIC |= {"/wachtwoord-herstellen/klaar/"}
# Health endpoints for the load balancer (issue 11 §2): states only, no personal data (tests/ops/test_health.py).
PUBLIC |= {"/gezond/", "/gereed/"}


@pytest.mark.django_db
def test_every_page_and_endpoint_refuses_anonymous_visitors() -> None:
    client = Client()
    checked = 0
    for route in _all_paths(get_resolver()):
        path = _concrete(route)
        if path in PUBLIC or "jsi18n" in path or "(?" in path:
            continue
        response = client.get(path)
        assert response.status_code in {301, 302, 401, 403, 404}, f"{path} answered {response.status_code}"
        if response.status_code == 302:
            assert "login" in response["Location"] or "inloggen" in response["Location"], path
        checked += 1
    assert checked > 10
