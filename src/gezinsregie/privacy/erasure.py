"""What the retention task erases of a family and what it keeps (issue 12 §9; AVG art. 5(1)(e) and 17, Archiefwet).

Every text, date, file and JSON field of every model that hangs off a family (the model graph of
tests/policy/test_policy_is_the_only_door.py) is in exactly one of the tables below — a guard test keeps it so,
and a new model is refused until its fields are placed:

- ERASE: names, addresses, contact details, signatures, scans and every free text (the words of professionals,
  the family and the inspector) — replaced by nothing, or by ERASED where a value is required;
- BIRTH_YEAR: a birth date becomes 1 July of its year: an age by year stays countable, the day is gone;
- KEEP: what the self-assessment, the population view and the published inspections count — dates, the
  family's reference and neighbourhood, care types, a case review's pseudonym, a finding's judgement.

Fields with choices (statuses, kinds, judgements) are codes, not personal texts, and are kept without a listing.
"""

from datetime import date

ERASED = "[gewist]"

ERASE: dict[str, frozenset[str]] = {
    "assessment.FamilyVoice": frozenset({"comment"}),
    "assessment.PartnerVoice": frozenset({"comment"}),
    "assessment.StoredResult": frozenset({"evidence"}),
    "casework.BindingDecision": frozenset({"reason", "refusal_reason"}),
    "casework.CareRequest": frozenset({"withdrawal_reason"}),
    "casework.Consent": frozenset({"signed_by", "scan", "withdrawal_reason"}),
    "casework.Contact": frozenset({"note"}),
    "casework.CoordinatorAssignment": frozenset({"reason"}),
    "casework.Episode": frozenset({"reentry_reason"}),
    "casework.Escalation": frozenset({"description", "outcome"}),
    "casework.EscalationMove": frozenset({"note"}),
    "casework.Family": frozenset({"name", "address"}),
    "casework.InspectionMandate": frozenset({"signed_by", "scan", "withdrawal_reason"}),
    "casework.Involvement": frozenset({"decline_reason", "end_note"}),
    "casework.Measure": frozenset({"description", "decided_by", "reason", "outcome"}),
    "casework.Member": frozenset({"first_name", "last_name", "bsn"}),
    "casework.NetworkPerson": frozenset({"name", "relation", "phone", "email", "note"}),
    "casework.NonCooperationDecision": frozenset({"reason"}),
    "casework.PendingReferral": frozenset({"family_name", "address", "members", "reason"}),
    "casework.NoProblemsFinding": frozenset({"note"}),
    "casework.Problem": frozenset({"description"}),
    "casework.ProblemChange": frozenset({"old", "reason"}),
    "casework.Referral": frozenset({"reason"}),
    "casework.TriageDecision": frozenset({"reason"}),
    "inspections.AttentionNote": frozenset({"text"}),
    "inspections.CaseReview": frozenset({"plan_review"}),
    "inspections.ConceptResponse": frozenset({"text", "answer", "text_before"}),
    "inspections.Finding": frozenset({"text"}),
    "inspections.ImprovementReport": frozenset({"text"}),
    "inspections.Interview": frozenset({"interviewee", "summary"}),
    "notifications.Notification": frozenset({"message"}),
    "plans.Action": frozenset({"description", "owner_name", "status_note"}),
    "plans.Goal": frozenset({"description"}),
    "plans.Meeting": frozenset({"network", "minutes"}),
    "plans.PlanSessionChange": frozenset({"before"}),
    "plans.PlanVersion": frozenset({"snapshot", "summary"}),
    "privacy.Rectification": frozenset({"field", "old_value", "new_value", "reason"}),
    "trajectory.Aftercare": frozenset({"signals", "whom_to_call", "end_note"}),
    "trajectory.CheckIn": frozenset({"how_it_goes"}),
    "trajectory.Closure": frozenset({"note", "waiver_reason"}),
    "trajectory.Evaluation": frozenset({"family_view", "notes"}),
    "trajectory.Extension": frozenset({"reason"}),
    "trajectory.GoalEvaluation": frozenset({"note"}),
    "trajectory.HandoverItem": frozenset({"need", "provider", "agreed"}),
    "trajectory.Signal": frozenset({"description"}),
}

BIRTH_YEAR: dict[str, frozenset[str]] = {"casework.Member": frozenset({"birth_date"})}

KEEP: dict[str, frozenset[str]] = {
    "assessment.PartnerVoice": frozenset({"answered_on"}),
    "assessment.StoredResult": frozenset({"key", "outcome", "changed_on"}),
    "casework.BindingDecision": frozenset({"decided_on", "answer_by", "acknowledged_on", "refused_on"}),
    "casework.CareRequest": frozenset({"care_type", "requested_on", "started_on", "withdrawn_on"}),
    "casework.Consent": frozenset({"signed_on", "withdrawn_on", "recorded_at"}),
    "casework.Contact": frozenset({"happened_on", "recorded_at"}),
    "casework.CoordinatorAssignment": frozenset({"assigned_on"}),
    "casework.Episode": frozenset({"registered_on", "started_on", "closed_on", "aftercare_ended_on"}),
    "casework.Escalation": frozenset({"opened_on", "step_since", "closed_on"}),
    "casework.EscalationMove": frozenset({"moved_on"}),
    "casework.Family": frozenset(
        {"reference", "neighbourhood", "registered_on", "started_on", "closed_on", "created_at", "updated_at"}
    ),
    "casework.InspectionMandate": frozenset({"granted_on", "expires_on", "withdrawn_on"}),
    "casework.Involvement": frozenset({"responded_on", "started_on", "ended_on"}),
    "casework.Measure": frozenset({"considered_on", "decided_on"}),
    "casework.NetworkPerson": frozenset({"recorded_on"}),
    "casework.NonCooperationDecision": frozenset({"decided_on"}),
    "casework.PendingReferral": frozenset({"neighbourhood", "referred_on", "received_at", "handled_at"}),
    "casework.NoProblemsFinding": frozenset({"noted_on"}),
    "casework.Problem": frozenset({"identified_on"}),
    "casework.ProblemChange": frozenset({"changed_at"}),
    "casework.Referral": frozenset({"referred_on"}),
    "casework.SelfSufficiencyScore": frozenset({"scored_on"}),
    "casework.TriageDecision": frozenset({"decided_on", "criteria_met"}),
    "inspections.CaseReview": frozenset({"pseudonym", "selected_on"}),
    "inspections.ConceptResponse": frozenset({"responded_at", "judgement_before", "answered_at"}),
    "inspections.Finding": frozenset({"updated_at"}),
    "inspections.ImprovementPoint": frozenset({"due_on", "resolved_on", "created_at"}),
    "inspections.ImprovementReport": frozenset({"reported_on", "created_at"}),
    "inspections.Interview": frozenset({"held_on", "recorded_at"}),
    "inspections.PointFollowUp": frozenset({"judged_on", "due_before", "due_after"}),
    "notifications.Notification": frozenset({"url", "key", "created_at", "read_at"}),
    "plans.Action": frozenset({"due_on", "done_on", "created_at", "updated_at"}),
    "plans.Goal": frozenset({"created_at", "updated_at"}),
    "plans.Meeting": frozenset({"held_on", "recorded_at"}),
    "plans.Plan": frozenset({"approved_by_family_on", "created_at", "updated_at"}),
    "plans.PlanCommitment": frozenset({"confirmed_on"}),
    "plans.PlanSession": frozenset({"opened_at", "last_change_at", "closed_at"}),
    "plans.PlanSessionChange": frozenset({"changed_at"}),
    "plans.PlanVersion": frozenset({"changed_at"}),
    "privacy.Erasure": frozenset({"erased_on", "ended_on"}),
    "privacy.Rectification": frozenset({"at"}),
    "trajectory.Aftercare": frozenset({"starts_on", "ended_on"}),
    "trajectory.CheckIn": frozenset({"due_on", "held_on", "watcher_alerted_on", "manager_alerted_on"}),
    "trajectory.Closure": frozenset({"closed_on", "recorded_at"}),
    "trajectory.Evaluation": frozenset({"held_on", "recorded_at"}),
    "trajectory.Extension": frozenset({"decided_on"}),
    "trajectory.Signal": frozenset({"raised_on"}),
}


def birth_year_only(born: date | None) -> date | None:
    """1 July of the birth year: an age by year stays countable, the day (which points to a person) is gone."""
    return None if born is None else date(born.year, 7, 1)


def erased_text(*, blank_allowed: bool) -> str:
    return "" if blank_allowed else ERASED


def retention_ends_on(ended_on: date, years: int) -> date:
    """The day a family's data may be erased: `years` after its last episode ended (29 February → 28 February)."""
    try:
        return ended_on.replace(year=ended_on.year + years)
    except ValueError:
        return ended_on.replace(year=ended_on.year + years, day=28)


def due(*, ended_on: date, years: int, today: date) -> bool:
    return today >= retention_ends_on(ended_on, years)
