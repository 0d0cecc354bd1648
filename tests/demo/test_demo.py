"""The demo world: realistic, fictional, idempotent — and impossible outside demo mode."""

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import RequestFactory

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.audit import rules as log_rules
from gezinsregie.audit import selectors as log_selectors
from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.casework.models import Family, FamilyStatus, NoProblemsFinding, PendingReferral
from gezinsregie.casework.references import family_reference_next
from gezinsregie.demo.logins import DEMO_LOGINS, DEMO_PASSWORD
from gezinsregie.demo.seed import demo_load
from gezinsregie.inspections.models import ImprovementPoint, Inspection
from gezinsregie.plans import selectors as plan_selectors
from gezinsregie.plans import summary
from gezinsregie.plans.models import Plan, PlanSession
from gezinsregie.privacy.models import Rectification, RetentionPeriod

pytestmark = pytest.mark.django_db


def test_outside_demo_mode_no_demo_login_can_be_created(framework, settings):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="alleen in demomodus"):
        call_command("load_demo")
    assert not User.objects.filter(username__in=[u for u, _, _ in DEMO_LOGINS]).exists()


def test_the_demo_has_every_role_forty_families_in_varied_states_and_is_idempotent(framework, settings):
    settings.DEMO_MODE = True
    first = demo_load()
    second = demo_load()
    assert first.created and not second.created
    assert Family.objects.count() == 40
    states = set(Family.objects.values_list("status", flat=True))
    assert states == {s.value for s in FamilyStatus}
    for username, role, _ in DEMO_LOGINS:
        user = authenticate(RequestFactory().post("/inloggen/"), username=username, password=DEMO_PASSWORD)
        assert user is not None and role in user.roles(), username
    assert Family.objects.filter(status=FamilyStatus.ACTIVE, coordinator__isnull=True).exists()  # flagged in the demo
    assert Rectification.objects.count() == 1 and RetentionPeriod.objects.count() == 1  # the family's rights
    assert Plan.objects.exists() and Family.objects.filter(status=FamilyStatus.ACTIVE, plan__isnull=True).exists()
    published = Inspection.objects.filter(status="published")
    assert set(published.values_list("approach__municipality__name", flat=True)) == {
        "Zeldenbroek", "Oosterhout", "Maastricht", "Zwolle",
    }  # fmt: skip
    assert ImprovementPoint.objects.filter(finding__inspection__approach__municipality__name="Zeldenbroek").exists()
    # the privacy officer's unusual patterns (issue 12 §3): the process manager read families outside his caseload
    privacy = User.objects.get(username="privacy")
    day = AccessLogEntry.objects.latest("seq").at.date()  # the database's time, not the test's frozen clock
    reads = log_selectors.reads_in_period(
        families=policy.families_for(privacy, policy.Permission.VIEW_LOG), date_from=day, date_to=day
    )
    [pattern] = log_rules.outside_caseload(reads)
    assert pattern.username == "procesmanager" and pattern.count > log_rules.OUTSIDE_CASELOAD_THRESHOLD
    # the seed writes GR-0001 … GR-0040 itself: the sequence continues after them (issue 11 §8)
    assert int(family_reference_next().removeprefix("GR-")) > 40


def test_the_demo_shows_geen_problemen_and_an_open_working_session(framework, settings):
    settings.DEMO_MODE = True
    demo_load()
    findings = NoProblemsFinding.objects.filter(noted_by__username="regisseur")
    assert findings.filter(domain__isnull=False).exists()
    [session] = PlanSession.objects.filter(closed_at__isnull=True)
    assert session.opened_by.username == "regisseur" and session.changes.count() == 2
    plan = session.plan
    edited = plan.goals.get(description__endswith=", binnen drie maanden.")
    # the family's summary shows the saved version, without the session's edits
    texts = [goal.text for goal in summary.context(plan.family, plan)["goals"]]
    assert edited.description not in texts
    assert plan_selectors.saved_snapshot_of(plan, session_open=True)["version"] == plan.version


def test_the_demo_holds_an_aanmelding_for_the_intake_team_to_link(framework, settings):
    settings.DEMO_MODE = True
    demo_load()
    [held] = PendingReferral.objects.filter(outcome="")
    assert held.referred_by.username == "w.hofman" and held.approach.name.startswith("Integrale")
    intake = User.objects.get(username="intake")
    assert policy.approaches_for(intake, policy.Permission.LINK_REFERRAL).filter(pk=held.approach_id).exists()
