"""Hoor en wederhoor: the concept sent to the municipality, its term, and the exchange per finding. Every function
takes an inspection the caller got through the policy (access_inspection: CONDUCT_INSPECTION, RESPOND_TO_CONCEPT
or VIEW_INSPECTION). Only the approach's overall findings are in the concept report: never one family's."""

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from gezinsregie.accounts.models import Role, User
from gezinsregie.frameworks.models import Indicator
from gezinsregie.inspections import workflow
from gezinsregie.inspections.models import ConceptResponse, Finding, Inspection, Rebuttal
from gezinsregie.inspections.selectors.indicators import overall_findings
from gezinsregie.organisations.models import Approach


@dataclass(frozen=True)
class RebuttalState:
    rebuttal: Rebuttal
    due_on: date  # the last day the municipality may respond
    may_respond: bool  # the term runs and the municipality has not finished
    responses: int
    unanswered: int
    refusal: str | None  # why the inspection cannot be published yet (workflow.publish_refusal), in Dutch

    @property
    def closed(self) -> bool:
        return self.rebuttal.closed_at is not None


@dataclass(frozen=True)
class ExchangeRow:
    """One finding of the concept report with the municipality's response to it, if any."""

    finding: Finding
    indicators: tuple[Indicator, ...]
    response: ConceptResponse | None


def rebuttal_of(inspection: Inspection) -> Rebuttal | None:
    return Rebuttal.objects.filter(inspection=inspection).first()


def rebuttal_state(inspection: Inspection, *, today: date) -> RebuttalState | None:
    """The term and the count of responses; None when the concept was never sent."""
    rebuttal = rebuttal_of(inspection)
    if rebuttal is None:
        return None
    due_on = workflow.rebuttal_due_on(rebuttal.sent_on, rebuttal.days)
    closed = rebuttal.closed_at is not None
    decisions = list(rebuttal.responses.values_list("decision", flat=True))
    unanswered = sum(1 for decision in decisions if not decision)
    may_respond = workflow.is_in_rebuttal(inspection) and workflow.rebuttal_open(
        due_on=due_on, today=today, closed=closed
    )
    refusal = (
        workflow.publish_refusal(due_on=due_on, today=today, closed=closed, unanswered=unanswered)
        if workflow.is_in_rebuttal(inspection)
        else None
    )
    return RebuttalState(rebuttal, due_on, may_respond, len(decisions), unanswered, refusal)


def responses_of(rebuttal: Rebuttal) -> list[ConceptResponse]:
    return list(
        rebuttal.responses.select_related("finding", "responded_by", "answered_by").prefetch_related(
            "finding__indicators"
        )
    )


def exchange(inspection: Inspection) -> list[ExchangeRow]:
    """Every overall finding in framework order, with its response (after publication: as the report has it)."""
    rebuttal = rebuttal_of(inspection)
    responses = {r.finding_id: r for r in responses_of(rebuttal)} if rebuttal is not None else {}
    return [
        ExchangeRow(finding, tuple(finding.indicators.all()), responses.get(finding.pk))
        for finding in overall_findings(inspection)
    ]


def concept_finding(inspection: Inspection, finding_id: int) -> Finding | None:
    """One finding of the concept report: for the approach, never for one family."""
    return inspection.findings.filter(pk=finding_id, case_review__isnull=True).prefetch_related("indicators").first()


def response_of(inspection: Inspection, response_id: int) -> ConceptResponse | None:
    return (
        ConceptResponse.objects.filter(pk=response_id, rebuttal__inspection=inspection)
        .select_related("finding", "rebuttal", "responded_by")
        .first()
    )


def policy_officers(approach: Approach) -> QuerySet[User]:
    """Who answers for the municipality of the approach: its active policy officers (hoor en wederhoor)."""
    return (
        User.objects.filter(
            is_active=True,
            memberships__active=True,
            memberships__role=Role.POLICY_OFFICER,
            memberships__organisation__municipality_id=approach.municipality_id,
        )
        .distinct()
        .order_by("last_name", "first_name", "username")
    )
