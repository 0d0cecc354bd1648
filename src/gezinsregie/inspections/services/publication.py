"""Publishing an inspection, and storing one that was published elsewhere (an imported report text).

Both end in `_follow_up`, the one place where a publication follows up the open improvement points of the
approach (resolved when met now, the same point with its history when an X persists) and turns each new X into
an improvement point with its term (the follow-up of Verbeterpunten Zwolle 2015).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.audit import services as audit
from gezinsregie.frameworks.models import Framework, Indicator
from gezinsregie.inspections import rules, selectors, workflow
from gezinsregie.inspections.models import (
    Finding,
    ImprovementPoint,
    Inspection,
    InspectionLevel,
    Judgement,
    PointFollowUp,
    PointStatus,
    Respondent,
)
from gezinsregie.inspections.services._common import Permission, inspector_membership, lock, today
from gezinsregie.inspections.services.findings import store_notes
from gezinsregie.organisations.models import Approach, Organisation


def _follow_up(inspection: Inspection, *, published_on: date) -> int:
    """Follow up the open points of the earlier inspections of this approach and level, then turn every other X
    of the just published inspection into a new improvement point, due a term after publication.

    Per open point (rules.point_outcome): every indicator judged met now resolves it on the day of publication;
    an X again keeps the SAME point open (its owner stays; its term is renewed from this publication when it had
    passed, rules.renewed_due_on), and that X raises no second point; a "–" leaves it open as it was. Each later
    finding on a point is kept as its history (PointFollowUp). Returns how many points were resolved."""
    findings = selectors.overall_findings(inspection)
    covering: dict[str, list[Finding]] = {}
    for finding in findings:
        for indicator in finding.indicators.all():
            covering.setdefault(indicator.key, []).append(finding)
    later = {key: [f.judgement for f in found] for key, found in covering.items()}
    new_term = workflow.improvement_due_on(published_on)
    continued: set[int] = set()
    history: list[PointFollowUp] = []
    resolved = 0
    for point in selectors.open_points_before(inspection):
        keys = [i.key for i in point.finding.indicators.all()]
        outcome = rules.point_outcome(keys, later)
        if outcome is None:  # not judged again at all: nothing to record
            continue
        on_point = list(dict.fromkeys(f for key in keys for f in covering.get(key, [])))
        due_before = point.due_on
        if outcome == rules.RESOLVED:
            point.status, point.resolved_on, point.resolved_by = PointStatus.RESOLVED, published_on, on_point[0]
            resolved += 1
        elif outcome == rules.PERSISTS:
            point.due_on = rules.renewed_due_on(point.due_on, judged_on=published_on, new_term=new_term)
            continued.update(f.pk for f in on_point if f.judgement == Judgement.IMPROVEMENT)
        point.full_clean()
        point.save()
        history += [
            PointFollowUp(
                point=point,
                finding=f,
                outcome=outcome,
                judged_on=published_on,
                due_before=due_before,
                due_after=point.due_on,
            )
            for f in on_point
        ]
    PointFollowUp.objects.bulk_create(history)
    ImprovementPoint.objects.bulk_create(
        [
            ImprovementPoint(finding=finding, due_on=new_term)
            for finding in findings
            if finding.judgement == Judgement.IMPROVEMENT and finding.pk not in continued
        ]
    )
    return resolved


@transaction.atomic
def inspection_publish(*, actor: User, inspection: Inspection) -> Inspection:
    """Publish: every indicator judged and, after hoor en wederhoor, the municipality's term over (or its reaction
    finished) and every response answered; each X becomes an improvement point; the points of the previous
    inspection of this approach and level that are now judged met are resolved (the Zwolle follow-up)."""
    policy.ensure(actor, Permission.CONDUCT_INSPECTION, inspection)
    inspection = lock(inspection)
    workflow.check_transition(level=inspection.level, current=inspection.status, new=workflow.FINAL)
    missing = selectors.uncovered_keys(inspection)
    if missing:
        raise ValidationError(f"Nog zonder oordeel: {', '.join(missing)}.")
    rebuttal = selectors.rebuttal_state(inspection, today=today())
    if rebuttal is not None and rebuttal.refusal:  # hoor en wederhoor: the term, and every response answered
        raise ValidationError(rebuttal.refusal)
    inspection.status, inspection.published_at = workflow.FINAL, timezone.now()
    inspection.full_clean()
    inspection.save()
    _follow_up(inspection, published_on=today())
    audit.record(actor=actor, action="inspection.publish", obj=inspection, membership=inspector_membership(actor))
    return inspection


# --- a report published elsewhere ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportedFinding:
    judgement: str  # Judgement value
    text: str
    notes: Sequence[str] = ()  # LET OP


@dataclass(frozen=True)
class ImportedRow:
    """One row of a published table: its indicators and its findings, as many as the document holds (Factsheet
    Oosterhout 2013, B3.a.1–3: one row, three findings ✓ X ✓). `number` is the row's place in the document;
    None makes each finding a row of its own, as in the app."""

    indicators: Sequence[Indicator]
    findings: Sequence[ImportedFinding]
    number: int | None = None


@dataclass(frozen=True)
class ImportedRespondent:
    organisation: Organisation
    kind: str  # RespondentKind value
    invited_on: date
    submitted_at: datetime | None = None


@dataclass(frozen=True)
class ImportedInspection:
    inspection: Inspection
    findings: int  # stored
    resolved: int  # improvement points of the previous inspection resolved by this one


def _store_row(
    *, actor: User, inspection: Inspection, row: ImportedRow, known: set[int], positions: dict[int, int]
) -> list[Finding]:
    """A published row as it stands: unlike finding_save, several findings may judge the same indicators."""
    if any(i.pk not in known for i in row.indicators):
        raise ValidationError("Deze indicatoren horen niet bij het toetsingskader van dit onderzoek.")
    if not row.indicators:
        return []
    stored = []
    for given in row.findings:
        finding = Finding(
            inspection=inspection,
            judgement=given.judgement,
            text=given.text.strip(),
            order=rules.finding_order([i.pk for i in row.indicators], positions),
            row=row.number,
            updated_by=actor,
        )
        finding.full_clean()
        finding.save()
        finding.indicators.set(row.indicators)
        store_notes(finding, given.notes)
        stored.append(finding)
    return stored


@transaction.atomic
def inspection_import_published(
    *,
    actor: User,
    approach: Approach,
    framework: Framework,
    organisation: Organisation,
    level: str,
    year: int,
    title: str,
    published_on: date,
    respondents: Sequence[ImportedRespondent] = (),
    rows: Iterable[ImportedRow] = (),
    source: str = "",
    description: str = "",
) -> ImportedInspection:
    """Store an inspection published elsewhere by the inspectorate `organisation`, with its findings per
    table row, and follow it up as a publication in the app is (`_follow_up`). Only the report import's
    system account may (policy IMPORT_REPORTS)."""
    policy.ensure(actor, Permission.IMPORT_REPORTS)
    if Inspection.objects.filter(approach=approach, level=level, year=year).exists():
        raise ValidationError(
            f"Er is al een onderzoek op {InspectionLevel(level).label} van {year} voor {approach}: het rapport is "
            "niet opnieuw geïmporteerd."
        )
    inspection = Inspection(
        approach=approach,
        framework=framework,
        level=level,
        year=year,
        title=title[:200],
        status=workflow.FINAL,
        organisation=organisation,
        created_by=actor,
        published_at=timezone.make_aware(datetime.combine(published_on, time(12))),
        description=description,
        source=source[:200],
    )
    inspection.full_clean()
    inspection.save()
    for given in respondents:
        respondent = Respondent(
            inspection=inspection,
            organisation=given.organisation,
            kind=given.kind,
            invited_on=given.invited_on,
            invited_by=actor,
            submitted_at=given.submitted_at,
        )
        respondent.full_clean()
        respondent.save()
    framework_indicators = Indicator.objects.filter(criterion__theme__level__framework=framework)
    known = set(framework_indicators.values_list("pk", flat=True))
    positions = selectors.positions(selectors.indicators_of(inspection))
    stored = sum(
        len(_store_row(actor=actor, inspection=inspection, row=row, known=known, positions=positions)) for row in rows
    )
    audit.record(actor=actor, action="inspection.import", obj=inspection)
    resolved = _follow_up(inspection, published_on=published_on)
    return ImportedInspection(inspection, stored, resolved)
