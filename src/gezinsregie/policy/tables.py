"""The policy's tables: the verbs (Permission) and, per kind of object, which role may do what to which.

Read them top to bottom; gezinsregie.policy (the package) answers the questions from them.
"""

from collections.abc import Callable
from datetime import date
from enum import StrEnum
from typing import Any

from django.db.models import DateField, Exists, F, Func, OuterRef, Q, Value
from django.db.models.lookups import GreaterThanOrEqual

from gezinsregie.accounts.models import Membership, Role, User
from gezinsregie.accounts.system import SystemPurpose
from gezinsregie.casework import workflow
from gezinsregie.casework.models import (
    Consent,
    InspectionMandate,
    Involvement,
    Referral,
)
from gezinsregie.inspections.models import InspectionStatus
from gezinsregie.trajectory.models import Aftercare


class Permission(StrEnum):
    """What an actor wants to do: the verbs of the policy tables (not the plan's actions, plans.models.Permission)."""

    # on a family
    VIEW = "view"  # the casework: members, analysis, plan, ...
    EDIT = "edit"
    TRIAGE = "triage"
    ASSIGN_COORDINATOR = "assign_coordinator"
    VIEW_LOG = "view_log"  # the family's access log
    VIEW_REFERRAL_STATUS = "view_referral_status"  # only that it exists: reference and status
    INSPECT = "inspect"  # read-only for the inspectorate, pseudonymised unless the mandate says more
    DECIDE_EXIT = "decide_exit"  # let a family that stopped cooperating leave the approach (drang en dwang)
    RECORD_CHECKIN = "record_checkin"  # aftercare: a check-in held by whoever keeps a finger on the pulse
    EXPORT_FAMILY_DATA = "export_family_data"  # everything held on it, for the family's access request (AVG art. 15)
    VIEW_BSN = "view_bsn"  # a member's citizen service number unmasked, each display logged (issue 12 §12)
    # on an approach
    REGISTER = "register"
    LINK_REFERRAL = "link_referral"  # an aanmelding held because it may be for a known family: link it, or register
    RAISE_SIGNAL = "raise_signal"  # a family in aftercare or closed needs the approach again (terugmelding)
    VIEW_POPULATION = "view_population"  # aggregate numbers, never a person
    VIEW_ASSESSMENT = "view_assessment"  # live self-assessment against the framework: numbers per indicator
    START_INSPECTION = "start_inspection"  # open a toezichtonderzoek of the approach
    VIEW_CASE_MEETING = "view_case_meeting"  # its case meetings (zorgnetwerkoverleg); families only per VIEW
    PLAN_CASE_MEETING = "plan_case_meeting"  # plan one and put the approach's families on its agenda
    RECORD_POLICY_FACTS = "record_policy_facts"  # its estimate of the group, its register of cooperation agreements
    # on an inspection
    VIEW_INSPECTION = "view_inspection"  # everything of it for its inspectorate; the result for the municipality
    CONDUCT_INSPECTION = "conduct_inspection"  # invite, judge, select families, publish
    REPORT_IMPROVEMENT = "report_improvement"  # the municipality reports what it did about the improvement points
    RESPOND_TO_CONCEPT = "respond_to_concept"  # hoor en wederhoor: the municipality responds to the concept report
    # on a respondent (one organisation's questionnaire in an inspection)
    ANSWER_INSPECTION = "answer_inspection"
    # on nothing in particular
    SEARCH_LOGS = "search_logs"
    CONFIGURE = "configure"
    APPROVE_MEMBERSHIP = "approve_membership"  # the second pair of eyes on a membership (issue 12 §2)
    VIEW_FRAMEWORK = "view_framework"
    VIEW_AGGREGATE = "view_aggregate"  # numbers over published inspections of all approaches, never a person
    # for system accounts only (accounts.system): work the system does itself
    IMPORT_REPORTS = "import_reports"  # store a published report text as a published inspection
    RUN_CHECKS = "run_checks"  # the periodic deadline checks: escalation steps, reminders


FamilyRule = Callable[[User, Membership, date], Q]
NOTHING = Q(pk__in=[])


class DaysAfter(Func):
    """A date column plus a number of days from another column, in the database (PostgreSQL adds an integer to a
    date; SQLite, the demo's, has its date modifier)."""

    output_field = DateField()
    template = "(%(expressions)s)"
    arg_joiner = " + "

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(compiler, connection, template="date(%(expressions)s || ' days')", arg_joiner=", '+' || ")


def _coordinated(actor: User, m: Membership, today: date) -> Q:
    # Closed: readable for as long as the approach says (Approach.coordinator_reads_after_closure_days; issue 12 §7).
    read_until = DaysAfter(F("closed_on"), F("approach__coordinator_reads_after_closure_days"))
    return Q(coordinator=actor) & (
        ~Q(status__in=workflow.CASEWORK_OVER)
        | Q(approach__coordinator_reads_after_closure_days__isnull=True)
        | Q(closed_on__isnull=True)
        | Q(GreaterThanOrEqual(read_until, Value(today)))
    )


def _coordinating(actor: User, m: Membership, today: date) -> Q:
    # Closure ends the coordinator's pen; reading stays, for the questions and a way back in (issue 12 §7).
    return Q(coordinator=actor) & ~Q(status__in=workflow.CASEWORK_OVER)


def _in_approach(actor: User, m: Membership, today: date) -> Q:
    return Q(approach_id=m.approach_id)


def _awaiting_triage_in_approach(actor: User, m: Membership, today: date) -> Q:
    return Q(approach_id=m.approach_id, status__in=workflow.AWAITING_TRIAGE)


def _involved(actor: User, m: Membership, today: date) -> Q:
    # Only an accepted involvement counts: an invitation gives no access yet, an ended one none any more, and none
    # once the family left the approach (issue 12 §7: closure ends it even where an involvement was left open;
    # the watcher of the aftercare sees it through _watching).
    return ~Q(status__in=workflow.LEFT) & Q(
        Exists(
            Involvement.objects.filter(
                Q(ended_on__isnull=True) | Q(ended_on__gt=today),
                family=OuterRef("pk"),
                user=actor,
                organisation=m.organisation_id,
                started_on__lte=today,
                status=workflow.InvolvementStatus.ACCEPTED,
            )
        )
    )


def _consent_covers_organisation(actor: User, m: Membership, today: date) -> Q:
    # The consent names the organisations that may share information; nothing beyond it.
    return Q(
        Exists(
            Consent.objects.filter(
                family=OuterRef("pk"),
                organisations=m.organisation_id,
                signed_on__lte=today,
                withdrawn_on__isnull=True,
            )
        )
    )


def _watching(actor: User, m: Membership, today: date) -> Q:
    # Aftercare (vinger aan de pols): the professional who keeps watch sees the family while the aftercare runs.
    return Q(Exists(Aftercare.objects.filter(family=OuterRef("pk"), watcher=actor, ended_on__isnull=True)))


def _involved_or_watching_within_consent(actor: User, m: Membership, today: date) -> Q:
    return (_involved(actor, m, today) | _watching(actor, m, today)) & _consent_covers_organisation(actor, m, today)


def _watching_within_consent(actor: User, m: Membership, today: date) -> Q:
    return _watching(actor, m, today) & _consent_covers_organisation(actor, m, today)


def _referred_or_involved(actor: User, m: Membership, today: date) -> Q:
    referred = Q(Exists(Referral.objects.filter(family=OuterRef("pk"), referred_by=actor)))
    return referred | _involved(actor, m, today)


def _coordinated_or_referred(actor: User, m: Membership, today: date) -> Q:
    # issue 14 §4: a coordinator who registers a family follows its status, as a registering professional does
    referred = Q(Exists(Referral.objects.filter(family=OuterRef("pk"), referred_by=actor)))
    return _coordinated(actor, m, today) | referred


def _mandated(actor: User, m: Membership, today: date) -> Q:
    return Q(
        Exists(
            InspectionMandate.objects.filter(
                family=OuterRef("pk"),
                organisation=m.organisation_id,
                granted_on__lte=today,
                expires_on__gte=today,
                withdrawn_on__isnull=True,
            )
        )
    )


def _in_municipality(actor: User, m: Membership, today: date) -> Q:
    if m.organisation.municipality_id is None:
        return NOTHING
    return Q(approach__municipality_id=m.organisation.municipality_id)


A = Permission
FAMILY_RULES: dict[tuple[str, Permission], FamilyRule] = {
    (Role.COORDINATOR, A.VIEW): _coordinated,
    (Role.COORDINATOR, A.EDIT): _coordinating,
    (Role.COORDINATOR, A.VIEW_LOG): _coordinated,
    (Role.COORDINATOR, A.VIEW_REFERRAL_STATUS): _coordinated_or_referred,
    (Role.PROCESS_MANAGER, A.VIEW): _in_approach,
    (Role.PROCESS_MANAGER, A.EDIT): _in_approach,
    (Role.PROCESS_MANAGER, A.TRIAGE): _awaiting_triage_in_approach,
    (Role.PROCESS_MANAGER, A.ASSIGN_COORDINATOR): _in_approach,
    (Role.PROCESS_MANAGER, A.VIEW_REFERRAL_STATUS): _in_approach,
    (Role.PROCESS_MANAGER, A.DECIDE_EXIT): _in_approach,
    (Role.PROCESS_MANAGER, A.RECORD_CHECKIN): _in_approach,
    (Role.COORDINATOR, A.RECORD_CHECKIN): _coordinated,
    (Role.PROFESSIONAL, A.RECORD_CHECKIN): _watching_within_consent,
    (Role.INTAKE, A.VIEW): _awaiting_triage_in_approach,
    (Role.INTAKE, A.TRIAGE): _awaiting_triage_in_approach,
    (Role.INTAKE, A.VIEW_REFERRAL_STATUS): _in_approach,
    (Role.PROFESSIONAL, A.VIEW): _involved_or_watching_within_consent,
    (Role.PROFESSIONAL, A.VIEW_REFERRAL_STATUS): _referred_or_involved,
    (Role.INSPECTOR, A.INSPECT): _mandated,
    (Role.PRIVACY_OFFICER, A.VIEW_LOG): _in_municipality,
    # the family's request for everything held on it goes to the municipality's privacy officer (issue 12 §9)
    (Role.PRIVACY_OFFICER, A.EXPORT_FAMILY_DATA): _in_municipality,
    (Role.PRIVACY_OFFICER, A.VIEW_REFERRAL_STATUS): _in_municipality,
    # Issue 12 §12 (docs/security.md): the BSN unmasked only for whom the work needs it — the coordinator, who
    # deals with the authorities for the family, and the intake team, who establish who the family is at triage.
    (Role.COORDINATOR, A.VIEW_BSN): _coordinated,
    (Role.INTAKE, A.VIEW_BSN): _awaiting_triage_in_approach,
}

ApproachRule = Callable[[Membership], Q]


def _partner_of(m: Membership) -> Q:
    return Q(partners=m.organisation_id)


def _runs(m: Membership) -> Q:
    return Q(pk=m.approach_id) if m.approach_id else NOTHING


def _any_approach(m: Membership) -> Q:
    return Q(pk__isnull=False)  # every approach (an empty Q() would vanish when OR-ed)


def _same_municipality(m: Membership) -> Q:
    municipality = m.organisation.municipality_id
    return Q(municipality_id=municipality) if municipality else NOTHING


APPROACH_RULES: dict[tuple[str, Permission], ApproachRule] = {
    (Role.PROFESSIONAL, A.REGISTER): _partner_of,
    (Role.COORDINATOR, A.REGISTER): _partner_of,
    (Role.PROCESS_MANAGER, A.REGISTER): _runs,
    (Role.INTAKE, A.REGISTER): _runs,
    # Issue 12 §6: an aanmelding that may be for a family the registrant may not see waits for the intake team.
    (Role.PROCESS_MANAGER, A.LINK_REFERRAL): _runs,
    (Role.INTAKE, A.LINK_REFERRAL): _runs,
    # Any partner may signal that a family in aftercare or closed needs the approach again (issue 10 §7).
    (Role.PROFESSIONAL, A.RAISE_SIGNAL): _partner_of,
    (Role.COORDINATOR, A.RAISE_SIGNAL): _partner_of,
    (Role.PROCESS_MANAGER, A.RAISE_SIGNAL): _runs,
    (Role.PROCESS_MANAGER, A.VIEW_POPULATION): _runs,
    (Role.POLICY_OFFICER, A.VIEW_POPULATION): _same_municipality,
    (Role.PROCESS_MANAGER, A.VIEW_ASSESSMENT): _runs,
    (Role.POLICY_OFFICER, A.VIEW_ASSESSMENT): _same_municipality,
    (Role.INSPECTOR, A.VIEW_ASSESSMENT): _any_approach,
    (Role.INSPECTOR, A.START_INSPECTION): _any_approach,
    # The zorgnetwerkoverleg (Venlo): chaired for the approach by its process manager; the partners' coordinators
    # and professionals see when and where it is, and of its agenda only the families they may see.
    (Role.PROCESS_MANAGER, A.VIEW_CASE_MEETING): _runs,
    (Role.COORDINATOR, A.VIEW_CASE_MEETING): _partner_of,
    (Role.PROFESSIONAL, A.VIEW_CASE_MEETING): _partner_of,
    (Role.PROCESS_MANAGER, A.PLAN_CASE_MEETING): _runs,
    # Issue 13 §4 (B1.a.2, B4.b.2, B4.c.1): the municipality records its own estimate of the group and the agreements
    # behind the approach; its process manager for the approach it runs, its policy staff for every approach of it.
    (Role.PROCESS_MANAGER, A.RECORD_POLICY_FACTS): _runs,
    (Role.POLICY_OFFICER, A.RECORD_POLICY_FACTS): _same_municipality,
}

GLOBAL_RULES: dict[Permission, set[str]] = {
    A.SEARCH_LOGS: {Role.PRIVACY_OFFICER},
    A.CONFIGURE: {Role.ADMINISTRATOR},
    # Issue 12 §2: a membership is given by a second person, another admin or the privacy officer (within the own
    # municipality: accounts.rules.grant_decision_refusal); never by the one who asked or who gets it.
    A.APPROVE_MEMBERSHIP: {Role.ADMINISTRATOR, Role.PRIVACY_OFFICER},
    A.VIEW_FRAMEWORK: set(Role),
    A.VIEW_POPULATION: {Role.POLICY_OFFICER, Role.PROCESS_MANAGER},
    # The aggregate report (21-municipality report, figures 2–10): counts over the PUBLISHED inspections of every
    # approach, as public as the factsheets they come from; no family, no person, no draft.
    A.VIEW_AGGREGATE: {Role.INSPECTOR, Role.POLICY_OFFICER},
}


# System accounts (accounts.system) have no memberships: per action, the purposes that may do it.
SYSTEM_RULES: dict[Permission, set[str]] = {
    A.IMPORT_REPORTS: {SystemPurpose.IMPORT_REPORTS},
    A.RUN_CHECKS: {SystemPurpose.BACKGROUND_TASKS},
}


InspectionRule = Callable[[Membership], Q]


def _conducted_by_own_inspectorate(m: Membership) -> Q:
    return Q(organisation_id=m.organisation_id)


def _published_in_own_municipality(m: Membership) -> Q:
    municipality = m.organisation.municipality_id
    if municipality is None:
        return NOTHING
    return Q(status=InspectionStatus.PUBLISHED, approach__municipality_id=municipality)


def _in_rebuttal_in_own_municipality(m: Membership) -> Q:
    # Hoor en wederhoor: the concept report of an approach of the own municipality, from the day it is sent.
    municipality = m.organisation.municipality_id
    if municipality is None:
        return NOTHING
    return Q(status=InspectionStatus.REBUTTAL, approach__municipality_id=municipality)


def _published_or_in_rebuttal_in_own_municipality(m: Membership) -> Q:
    return _published_in_own_municipality(m) | _in_rebuttal_in_own_municipality(m)


INSPECTION_RULES: dict[tuple[str, Permission], InspectionRule] = {
    (Role.INSPECTOR, A.VIEW_INSPECTION): _conducted_by_own_inspectorate,
    (Role.INSPECTOR, A.CONDUCT_INSPECTION): _conducted_by_own_inspectorate,
    (Role.POLICY_OFFICER, A.VIEW_INSPECTION): _published_or_in_rebuttal_in_own_municipality,
    (Role.POLICY_OFFICER, A.RESPOND_TO_CONCEPT): _in_rebuttal_in_own_municipality,
    (Role.POLICY_OFFICER, A.REPORT_IMPROVEMENT): _published_in_own_municipality,
}

RespondentRule = Callable[[Membership], Q]


def _own_questionnaire_while_open(m: Membership) -> Q:
    # Only the own organisation's questionnaire, only while the inspection is open for answers; a membership for
    # one approach (the process manager's) answers only for that approach — not the municipality's questionnaire
    # about another of its approaches (issue 12 §11).
    condition = Q(organisation_id=m.organisation_id, inspection__status=InspectionStatus.OPEN)
    return condition & Q(inspection__approach_id=m.approach_id) if m.approach_id else condition


RESPONDENT_RULES: dict[tuple[str, Permission], RespondentRule] = {
    (Role.POLICY_OFFICER, A.ANSWER_INSPECTION): _own_questionnaire_while_open,  # for the municipality
    (Role.PROCESS_MANAGER, A.ANSWER_INSPECTION): _own_questionnaire_while_open,  # e.g. for the Veiligheidshuis
    (Role.COORDINATOR, A.ANSWER_INSPECTION): _own_questionnaire_while_open,  # for a partner
    (Role.PROFESSIONAL, A.ANSWER_INSPECTION): _own_questionnaire_while_open,  # for a partner
}
