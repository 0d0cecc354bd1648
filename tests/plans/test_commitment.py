"""Partners commit to the plan (Casework II item 2, "gezinsplan leidend"): per organisation the version it
works by; a changed plan asks again; the coordinator sees who has and has not."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.plans import selectors, services
from gezinsregie.plans.models import PlanCommitment
from tests.worlds.plans import PlanWithContent, PlanWorld


def lines(planned: PlanWithContent) -> dict[str, int | None]:
    return {line.organisation.name: line.version for line in selectors.commitments_of(planned.plan)}


def test_an_involved_organisation_confirms_the_version_it_works_by(planned: PlanWithContent, w: PlanWorld) -> None:
    assert lines(planned) == {w.professional_org.name: None, w.outside_org.name: None}
    services.plan_commit(actor=w.professional, plan=planned.plan)
    assert lines(planned)[w.professional_org.name] == 5
    assert AccessLogEntry.objects.filter(action="plan.commit", family_id=w.family.pk).count() == 1
    with pytest.raises(ValidationError, match="heeft versie 5 al bevestigd"):
        services.plan_commit(actor=w.professional, plan=planned.plan)


def test_a_changed_plan_asks_for_confirmation_again(planned: PlanWithContent, w: PlanWorld) -> None:
    services.plan_commit(actor=w.professional, plan=planned.plan)
    services.plan_update_goal(
        actor=w.coordinator,
        goal=planned.debts_goal,
        expected_version=5,
        problem=w.debts,
        description="Sanne heeft overzicht en een budgetplan",
        priority=2,
        term="long",
        status="open",
    )
    planned.plan.refresh_from_db()
    (line,) = [x for x in selectors.commitments_of(planned.plan) if x.organisation == w.professional_org]
    assert line.current(planned.plan.version)  # an unsaved edit: the partners still work by version 5
    services.plan_session_save(actor=w.coordinator, plan=planned.plan, expected_version=5)
    planned.plan.refresh_from_db()
    (line,) = [x for x in selectors.commitments_of(planned.plan) if x.organisation == w.professional_org]
    assert line.version == 5 and not line.current(planned.plan.version)
    page = w.client_for(w.coordinator).get(reverse("plans:detail", kwargs={"family_id": w.family.pk}))
    assert "bevestigde versie 5; het plan is nu versie 6: opnieuw bevestigen" in page.content.decode()


def test_only_someone_involved_confirms_for_their_organisation(planned: PlanWithContent, w: PlanWorld) -> None:
    for other in (w.coordinator, w.stranger):
        with pytest.raises(PermissionDenied):
            services.plan_commit(actor=other, plan=planned.plan)
    assert not PlanCommitment.objects.exists()


def test_the_professional_confirms_with_one_button(planned: PlanWithContent, w: PlanWorld) -> None:
    client = w.client_for(w.professional)
    detail = reverse("plans:detail", kwargs={"family_id": w.family.pk})
    assert f"{w.professional_org} werkt volgens versie 5" in client.get(detail).content.decode()
    response = client.post(reverse("plans:commit", kwargs={"family_id": w.family.pk}))
    assert response.status_code == 302
    assert PlanCommitment.objects.get().version == 5
    assert w.client_for(w.stranger).post(reverse("plans:commit", kwargs={"family_id": w.family.pk})).status_code == 404
