"""inspection_import_published: a report published elsewhere is stored through the same follow-up as a
publication in the app (improvement points with their term, earlier points resolved)."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gezinsregie.accounts.system import SystemPurpose, system_actor
from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.inspections import services, workflow
from gezinsregie.inspections.models import Finding, ImprovementPoint, Inspection, InspectionLevel, PointStatus
from tests.worlds.inspections import InspectionWorld

pytestmark = pytest.mark.django_db

MET, X = "met", "improvement"


def imported(
    iw: InspectionWorld, year: int, rows: list[tuple[list[str], list[str]]], *, actor: object = None
) -> services.ImportedInspection:
    by_key = {i.key: i for i in iw.policy_indicators()}
    return services.inspection_import_published(
        actor=actor or system_actor(SystemPurpose.IMPORT_REPORTS),  # type: ignore[arg-type]
        approach=iw.approach,
        framework=iw.framework,
        organisation=iw.inspectorate,
        level=InspectionLevel.POLICY,
        year=year,
        title=f"Factsheet {year}",
        published_on=workflow.imported_published_on(year),
        rows=[
            services.ImportedRow(
                indicators=[by_key[k] for k in keys],
                findings=[services.ImportedFinding(j, f"{j} {year}") for j in judgements],
                number=n,
            )
            for n, (keys, judgements) in enumerate(rows, start=1)
        ],
    )


def test_only_the_import_system_account_may_import(iw: InspectionWorld) -> None:
    with pytest.raises(PermissionDenied):
        imported(iw, 2013, [(["B1.a.1"], [MET])], actor=iw.inspector)
    assert not Inspection.objects.exists()


def test_a_row_may_hold_several_findings_and_each_x_becomes_a_point_due_a_year_later(iw: InspectionWorld) -> None:
    result = imported(iw, 2013, [(["B3.a.1", "B3.a.2", "B3.a.3"], [MET, X, MET]), (["B1.a.1"], [MET])])
    inspection = result.inspection
    assert result.findings == 4 and workflow.is_published(inspection)
    assert [f.row for f in Finding.objects.filter(inspection=inspection).order_by("pk")] == [1, 1, 1, 2]
    point = ImprovementPoint.objects.get(finding__inspection=inspection)
    assert point.due_on == date(2014, 12, 31)  # 31 December of the year, plus the term
    assert AccessLogEntry.objects.filter(action="inspection.import").count() == 1


def test_the_same_year_twice_is_refused(iw: InspectionWorld) -> None:
    imported(iw, 2013, [(["B1.a.1"], [MET])])
    with pytest.raises(ValidationError, match="niet opnieuw"):
        imported(iw, 2013, [(["B1.a.1"], [MET])])


def test_a_later_import_resolves_an_earlier_point_only_when_every_judgement_is_met(iw: InspectionWorld) -> None:
    imported(iw, 2013, [(["B1.a.2"], [X]), (["B3.b.2"], [X]), (["B4.a.2"], [X])])
    later = imported(
        iw,
        2014,
        [(["B1.a.2"], [MET]), (["B3.b.2"], [MET, X]), (["B1.a.1"], [MET])],  # B4.a.2 not judged again
    )
    assert later.resolved == 1
    points = {
        p.finding.indicators.get().key: p for p in ImprovementPoint.objects.filter(finding__inspection__year=2013)
    }
    resolved = points["B1.a.2"]
    assert (resolved.status, resolved.resolved_on) == (PointStatus.RESOLVED, date(2014, 12, 31))
    assert resolved.resolved_by is not None and resolved.resolved_by.inspection == later.inspection
    assert points["B3.b.2"].status == PointStatus.OPEN  # one of the later findings still says X
    assert points["B4.a.2"].status == PointStatus.OPEN
