"""The authorisation table: who may do what to which family, approach or nothing in particular.

Written out by hand on purpose, NOT derived from policy.FAMILY_RULES: any change to the policy that
nobody meant flips a cell here and fails. If you change the policy on purpose, change the cell too.
Each row is one (object, role); each column one Permission, with its literal True/False. Every cell is a
test case of its own, named e.g. "consent_future-professional-view-False".

The world is described in tests/worlds/authorisation.py. Family names:
  coordinated        active, the coordinator's family
  triage             awaiting triage (registered) in the approach
  referred           in triage, registered by the professional
  consented          active, professional involved, consent names the professional's organisation
  consent_other_org  professional involved, consent names other organisations only
  consent_withdrawn  professional involved, consent names their organisation but was withdrawn yesterday
  consent_future     professional involved, consent names their organisation, signed tomorrow
  involvement_ended  consent names the professional's organisation, the involvement ended yesterday
  colleague          a colleague of the professional (same organisation) is involved, within consent
  watching           closed with aftercare; the professional keeps watch, consent names their organisation
  watch_ended        as watching, but the aftercare ended yesterday
  mandated           valid inspection mandate for the inspector's organisation
  mandate_expired    mandate for the inspector's organisation expired yesterday
  mandate_withdrawn  mandate for the inspector's organisation withdrawn yesterday
  other              active, other municipality/approach, connected to other people only
  other_triage       awaiting triage in the other approach

The tests that read these tables: test_family_rules.py, test_inspection_rules.py.
"""

import pytest

from gezinsregie.accounts.models import Role
from gezinsregie.accounts.system import SystemPurpose
from gezinsregie.policy import Permission as A

T, F = True, False
COORD, PM, PROF, INTAKE = Role.COORDINATOR, Role.PROCESS_MANAGER, Role.PROFESSIONAL, Role.INTAKE
POLICY, INSP, PRIV, ADMIN = Role.POLICY_OFFICER, Role.INSPECTOR, Role.PRIVACY_OFFICER, Role.ADMINISTRATOR

FAMILY_ACTIONS = (
    A.VIEW,
    A.EDIT,
    A.TRIAGE,
    A.ASSIGN_COORDINATOR,
    A.VIEW_LOG,
    A.VIEW_REFERRAL_STATUS,
    A.INSPECT,
    A.DECIDE_EXIT,
    A.RECORD_CHECKIN,
)

# fmt: off
FAMILY_TABLE = [
    # family               role     VIEW EDIT TRIAGE ASSIGN LOG REFST INSPECT EXIT CHECKIN
    ("coordinated",        COORD,   T,   T,   F,     F,     T,  T,    F,    F,   T),
    ("coordinated",        PM,      T,   T,   F,     T,     F,  T,    F,    T,   T),
    ("coordinated",        PROF,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("coordinated",        INTAKE,  F,   F,   F,     F,     F,  T,    F,    F,   F),
    ("coordinated",        POLICY,  F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("coordinated",        INSP,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("coordinated",        PRIV,    F,   F,   F,     F,     T,  T,    F,    F,   F),
    ("coordinated",        ADMIN,   F,   F,   F,     F,     F,  F,    F,    F,   F),

    ("triage",             COORD,   F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("triage",             PM,      T,   T,   T,     T,     F,  T,    F,    T,   T),
    ("triage",             PROF,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("triage",             INTAKE,  T,   F,   T,     F,     F,  T,    F,    F,   F),
    ("triage",             POLICY,  F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("triage",             INSP,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("triage",             PRIV,    F,   F,   F,     F,     T,  T,    F,    F,   F),
    ("triage",             ADMIN,   F,   F,   F,     F,     F,  F,    F,    F,   F),

    ("referred",           COORD,   F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("referred",           PM,      T,   T,   T,     T,     F,  T,    F,    T,   T),
    ("referred",           PROF,    F,   F,   F,     F,     F,  T,    F,    F,   F),
    ("referred",           INTAKE,  T,   F,   T,     F,     F,  T,    F,    F,   F),
    ("referred",           POLICY,  F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("referred",           INSP,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("referred",           PRIV,    F,   F,   F,     F,     T,  T,    F,    F,   F),
    ("referred",           ADMIN,   F,   F,   F,     F,     F,  F,    F,    F,   F),

    ("consented",          COORD,   F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("consented",          PM,      T,   T,   F,     T,     F,  T,    F,    T,   T),
    ("consented",          PROF,    T,   F,   F,     F,     F,  T,    F,    F,   F),
    ("consented",          INTAKE,  F,   F,   F,     F,     F,  T,    F,    F,   F),
    ("consented",          POLICY,  F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("consented",          INSP,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("consented",          PRIV,    F,   F,   F,     F,     T,  T,    F,    F,   F),
    ("consented",          ADMIN,   F,   F,   F,     F,     F,  F,    F,    F,   F),

    ("consent_other_org",  COORD,   F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("consent_other_org",  PM,      T,   T,   F,     T,     F,  T,    F,    T,   T),
    ("consent_other_org",  PROF,    F,   F,   F,     F,     F,  T,    F,    F,   F),
    ("consent_other_org",  INTAKE,  F,   F,   F,     F,     F,  T,    F,    F,   F),
    ("consent_other_org",  POLICY,  F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("consent_other_org",  INSP,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("consent_other_org",  PRIV,    F,   F,   F,     F,     T,  T,    F,    F,   F),
    ("consent_other_org",  ADMIN,   F,   F,   F,     F,     F,  F,    F,    F,   F),

    ("consent_withdrawn",  COORD,   F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("consent_withdrawn",  PM,      T,   T,   F,     T,     F,  T,    F,    T,   T),
    ("consent_withdrawn",  PROF,    F,   F,   F,     F,     F,  T,    F,    F,   F),
    ("consent_withdrawn",  INTAKE,  F,   F,   F,     F,     F,  T,    F,    F,   F),
    ("consent_withdrawn",  POLICY,  F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("consent_withdrawn",  INSP,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("consent_withdrawn",  PRIV,    F,   F,   F,     F,     T,  T,    F,    F,   F),
    ("consent_withdrawn",  ADMIN,   F,   F,   F,     F,     F,  F,    F,    F,   F),

    ("consent_future",     COORD,   F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("consent_future",     PM,      T,   T,   F,     T,     F,  T,    F,    T,   T),
    ("consent_future",     PROF,    F,   F,   F,     F,     F,  T,    F,    F,   F),
    ("consent_future",     INTAKE,  F,   F,   F,     F,     F,  T,    F,    F,   F),
    ("consent_future",     POLICY,  F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("consent_future",     INSP,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("consent_future",     PRIV,    F,   F,   F,     F,     T,  T,    F,    F,   F),
    ("consent_future",     ADMIN,   F,   F,   F,     F,     F,  F,    F,    F,   F),

    ("involvement_ended",  COORD,   F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("involvement_ended",  PM,      T,   T,   F,     T,     F,  T,    F,    T,   T),
    ("involvement_ended",  PROF,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("involvement_ended",  INTAKE,  F,   F,   F,     F,     F,  T,    F,    F,   F),
    ("involvement_ended",  POLICY,  F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("involvement_ended",  INSP,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("involvement_ended",  PRIV,    F,   F,   F,     F,     T,  T,    F,    F,   F),
    ("involvement_ended",  ADMIN,   F,   F,   F,     F,     F,  F,    F,    F,   F),

    ("colleague",          COORD,   F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("colleague",          PM,      T,   T,   F,     T,     F,  T,    F,    T,   T),
    ("colleague",          PROF,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("colleague",          INTAKE,  F,   F,   F,     F,     F,  T,    F,    F,   F),
    ("colleague",          POLICY,  F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("colleague",          INSP,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("colleague",          PRIV,    F,   F,   F,     F,     T,  T,    F,    F,   F),
    ("colleague",          ADMIN,   F,   F,   F,     F,     F,  F,    F,    F,   F),

    ("mandated",           COORD,   F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("mandated",           PM,      T,   T,   F,     T,     F,  T,    F,    T,   T),
    ("mandated",           PROF,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("mandated",           INTAKE,  F,   F,   F,     F,     F,  T,    F,    F,   F),
    ("mandated",           POLICY,  F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("mandated",           INSP,    F,   F,   F,     F,     F,  F,    T,    F,   F),
    ("mandated",           PRIV,    F,   F,   F,     F,     T,  T,    F,    F,   F),
    ("mandated",           ADMIN,   F,   F,   F,     F,     F,  F,    F,    F,   F),

    ("mandate_expired",    COORD,   F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("mandate_expired",    PM,      T,   T,   F,     T,     F,  T,    F,    T,   T),
    ("mandate_expired",    PROF,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("mandate_expired",    INTAKE,  F,   F,   F,     F,     F,  T,    F,    F,   F),
    ("mandate_expired",    POLICY,  F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("mandate_expired",    INSP,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("mandate_expired",    PRIV,    F,   F,   F,     F,     T,  T,    F,    F,   F),
    ("mandate_expired",    ADMIN,   F,   F,   F,     F,     F,  F,    F,    F,   F),

    ("mandate_withdrawn",  COORD,   F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("mandate_withdrawn",  PM,      T,   T,   F,     T,     F,  T,    F,    T,   T),
    ("mandate_withdrawn",  PROF,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("mandate_withdrawn",  INTAKE,  F,   F,   F,     F,     F,  T,    F,    F,   F),
    ("mandate_withdrawn",  POLICY,  F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("mandate_withdrawn",  INSP,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("mandate_withdrawn",  PRIV,    F,   F,   F,     F,     T,  T,    F,    F,   F),
    ("mandate_withdrawn",  ADMIN,   F,   F,   F,     F,     F,  F,    F,    F,   F),

    ("watching",           COORD,   F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("watching",           PM,      T,   T,   F,     T,     F,  T,    F,    T,   T),
    ("watching",           PROF,    T,   F,   F,     F,     F,  F,    F,    F,   T),
    ("watching",           INTAKE,  F,   F,   F,     F,     F,  T,    F,    F,   F),
    ("watching",           POLICY,  F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("watching",           INSP,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("watching",           PRIV,    F,   F,   F,     F,     T,  T,    F,    F,   F),
    ("watching",           ADMIN,   F,   F,   F,     F,     F,  F,    F,    F,   F),

    ("watch_ended",        COORD,   F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("watch_ended",        PM,      T,   T,   F,     T,     F,  T,    F,    T,   T),
    ("watch_ended",        PROF,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("watch_ended",        INTAKE,  F,   F,   F,     F,     F,  T,    F,    F,   F),
    ("watch_ended",        POLICY,  F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("watch_ended",        INSP,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("watch_ended",        PRIV,    F,   F,   F,     F,     T,  T,    F,    F,   F),
    ("watch_ended",        ADMIN,   F,   F,   F,     F,     F,  F,    F,    F,   F),

    ("other",              COORD,   F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("other",              PM,      F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("other",              PROF,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("other",              INTAKE,  F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("other",              POLICY,  F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("other",              INSP,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("other",              PRIV,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("other",              ADMIN,   F,   F,   F,     F,     F,  F,    F,    F,   F),

    ("other_triage",       COORD,   F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("other_triage",       PM,      F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("other_triage",       PROF,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("other_triage",       INTAKE,  F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("other_triage",       POLICY,  F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("other_triage",       INSP,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("other_triage",       PRIV,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("other_triage",       ADMIN,   F,   F,   F,     F,     F,  F,    F,    F,   F),
]

APPROACH_ACTIONS = (A.REGISTER, A.VIEW_POPULATION, A.VIEW_ASSESSMENT, A.RAISE_SIGNAL, A.LINK_REFERRAL)
APPROACH_TABLE = [
    # approach         role     REGISTER VIEW_POPULATION VIEW_ASSESSMENT RAISE_SIGNAL LINK_REFERRAL
    ("own",            COORD,   T,       F,              F,              T,           F),
    ("own",            PM,      T,       T,              T,              T,           T),
    ("own",            PROF,    T,       F,              F,              T,           F),
    ("own",            INTAKE,  T,       F,              F,              F,           T),  # the intake team links
    ("own",            POLICY,  F,       T,              T,              F,           F),
    ("own",            INSP,    F,       F,              T,              F,           F),
    ("own",            PRIV,    F,       F,              F,              F,           F),
    ("own",            ADMIN,   F,       F,              F,              F,           F),

    ("other",          COORD,   F,       F,              F,              F,           F),
    ("other",          PM,      F,       F,              F,              F,           F),
    ("other",          PROF,    F,       F,              F,              F,           F),
    ("other",          INTAKE,  F,       F,              F,              F,           F),
    ("other",          POLICY,  F,       F,              F,              F,           F),
    ("other",          INSP,    F,       F,              T,              F,           F),  # inspectorate: every one
    ("other",          PRIV,    F,       F,              F,              F,           F),
    ("other",          ADMIN,   F,       F,              F,              F,           F),
]

GLOBAL_ACTIONS = (
    A.SEARCH_LOGS, A.CONFIGURE, A.VIEW_FRAMEWORK, A.VIEW_POPULATION, A.VIEW_AGGREGATE, A.APPROVE_MEMBERSHIP,
)
GLOBAL_TABLE = [
    # role     SEARCH_LOGS CONFIGURE VIEW_FRAMEWORK VIEW_POPULATION VIEW_AGGREGATE APPROVE_MEMBERSHIP
    (COORD,    F,          F,        T,             F,              F,             F),
    (PM,       F,          F,        T,             T,              F,             F),
    (PROF,     F,          F,        T,             F,              F,             F),
    (INTAKE,   F,          F,        T,             F,              F,             F),
    (POLICY,   F,          F,        T,             T,              T,             F),  # numbers over published ones
    (INSP,     F,          F,        T,             F,              T,             F),
    (PRIV,     T,          F,        T,             F,              F,             T),  # own municipality (accounts)
    (ADMIN,    F,          T,        T,             F,              F,             T),  # never its own (four-eyes)
]

# System accounts (accounts.system) act for the system itself; no person may do their work.
SYSTEM_ACTIONS = (A.IMPORT_REPORTS, A.RUN_CHECKS)
SYSTEM_TABLE = [
    # purpose                          IMPORT_REPORTS  RUN_CHECKS
    (SystemPurpose.IMPORT_REPORTS,     T,              F),
    (SystemPurpose.BACKGROUND_TASKS,   F,              T),
]
# fmt: on


def _cells(table: list[tuple], actions: tuple[A, ...], keys: int) -> list:
    """One pytest param per cell: (key..., action, expected)."""
    return [
        pytest.param(*row[:keys], action, expected, id="-".join([*map(str, row[:keys]), action, str(expected)]))
        for row in table
        for action, expected in zip(actions, row[keys:], strict=True)
    ]


FAMILY_CELLS = _cells(FAMILY_TABLE, FAMILY_ACTIONS, 2)
APPROACH_CELLS = _cells(APPROACH_TABLE, APPROACH_ACTIONS, 2)
GLOBAL_CELLS = _cells(GLOBAL_TABLE, GLOBAL_ACTIONS, 1)


# --- inspections (toezichtonderzoek) ---------------------------------------------------------------------------------
#
# Inspections on top of the world (module_inspections in test_inspection_rules.py):
#   own_draft, own_open, own_published   by the inspector's inspectorate, of `approach` (municipality A)
#   other_published                      by the other inspectorate, of `approach`, published
#   other_municipality_open/_published   by the inspector's inspectorate, of `other_approach` (municipality B)
# Respondents (one organisation's questionnaire):
#   municipality_open, coordinator_org_open, professional_org_open   in own_open, for those organisations
#   municipality_draft, municipality_published                       the municipality in own_draft / own_published
#   other_municipality_open                                          municipality B in other_municipality_open

# fmt: off
START_ACTIONS = (A.START_INSPECTION,)
START_TABLE = [
    # approach  role     START_INSPECTION
    ("own",     COORD,   F),
    ("own",     PM,      F),
    ("own",     PROF,    F),
    ("own",     INTAKE,  F),
    ("own",     POLICY,  F),
    ("own",     INSP,    T),
    ("own",     PRIV,    F),
    ("own",     ADMIN,   F),

    ("other",   COORD,   F),
    ("other",   PM,      F),
    ("other",   PROF,    F),
    ("other",   INTAKE,  F),
    ("other",   POLICY,  F),
    ("other",   INSP,    T),  # the inspectorate may inspect every approach
    ("other",   PRIV,    F),
    ("other",   ADMIN,   F),
]

INSPECTION_ACTIONS = (A.VIEW_INSPECTION, A.CONDUCT_INSPECTION, A.REPORT_IMPROVEMENT)
INSPECTION_TABLE = [
    # inspection                    role     VIEW CONDUCT REPORT
    ("own_draft",                   COORD,   F,   F,      F),
    ("own_draft",                   PM,      F,   F,      F),
    ("own_draft",                   PROF,    F,   F,      F),
    ("own_draft",                   INTAKE,  F,   F,      F),
    ("own_draft",                   POLICY,  F,   F,      F),
    ("own_draft",                   INSP,    T,   T,      F),
    ("own_draft",                   PRIV,    F,   F,      F),
    ("own_draft",                   ADMIN,   F,   F,      F),

    ("own_open",                    COORD,   F,   F,      F),  # a respondent answers, but never sees the inspection
    ("own_open",                    PM,      F,   F,      F),
    ("own_open",                    PROF,    F,   F,      F),
    ("own_open",                    INTAKE,  F,   F,      F),
    ("own_open",                    POLICY,  F,   F,      F),
    ("own_open",                    INSP,    T,   T,      F),
    ("own_open",                    PRIV,    F,   F,      F),
    ("own_open",                    ADMIN,   F,   F,      F),

    ("own_published",               COORD,   F,   F,      F),
    ("own_published",               PM,      F,   F,      F),
    ("own_published",               PROF,    F,   F,      F),
    ("own_published",               INTAKE,  F,   F,      F),
    ("own_published",               POLICY,  T,   F,      T),
    ("own_published",               INSP,    T,   T,      F),
    ("own_published",               PRIV,    F,   F,      F),
    ("own_published",               ADMIN,   F,   F,      F),

    ("other_published",             COORD,   F,   F,      F),
    ("other_published",             PM,      F,   F,      F),
    ("other_published",             PROF,    F,   F,      F),
    ("other_published",             INTAKE,  F,   F,      F),
    ("other_published",             POLICY,  T,   F,      T),  # any inspectorate's result about its own approach
    ("other_published",             INSP,    F,   F,      F),  # another inspectorate's work
    ("other_published",             PRIV,    F,   F,      F),
    ("other_published",             ADMIN,   F,   F,      F),

    ("other_municipality_open",     COORD,   F,   F,      F),
    ("other_municipality_open",     PM,      F,   F,      F),
    ("other_municipality_open",     PROF,    F,   F,      F),
    ("other_municipality_open",     INTAKE,  F,   F,      F),
    ("other_municipality_open",     POLICY,  F,   F,      F),
    ("other_municipality_open",     INSP,    T,   T,      F),
    ("other_municipality_open",     PRIV,    F,   F,      F),
    ("other_municipality_open",     ADMIN,   F,   F,      F),

    ("other_municipality_published", COORD,  F,   F,      F),
    ("other_municipality_published", PM,     F,   F,      F),
    ("other_municipality_published", PROF,   F,   F,      F),
    ("other_municipality_published", INTAKE, F,   F,      F),
    ("other_municipality_published", POLICY, F,   F,      F),  # another municipality's approach
    ("other_municipality_published", INSP,   T,   T,      F),
    ("other_municipality_published", PRIV,   F,   F,      F),
    ("other_municipality_published", ADMIN,  F,   F,      F),
]

RESPONDENT_ACTIONS = (A.ANSWER_INSPECTION,)
RESPONDENT_TABLE = [
    # respondent                role     ANSWER
    ("municipality_open",       COORD,   F),
    ("municipality_open",       PM,      T),  # works for the municipal organisation
    ("municipality_open",       PROF,    F),
    ("municipality_open",       INTAKE,  F),
    ("municipality_open",       POLICY,  T),
    ("municipality_open",       INSP,    F),
    ("municipality_open",       PRIV,    F),
    ("municipality_open",       ADMIN,   F),

    ("coordinator_org_open",    COORD,   T),
    ("coordinator_org_open",    PM,      F),
    ("coordinator_org_open",    PROF,    F),
    ("coordinator_org_open",    INTAKE,  F),
    ("coordinator_org_open",    POLICY,  F),
    ("coordinator_org_open",    INSP,    F),
    ("coordinator_org_open",    PRIV,    F),
    ("coordinator_org_open",    ADMIN,   F),

    ("professional_org_open",   COORD,   F),
    ("professional_org_open",   PM,      F),
    ("professional_org_open",   PROF,    T),
    ("professional_org_open",   INTAKE,  F),
    ("professional_org_open",   POLICY,  F),
    ("professional_org_open",   INSP,    F),
    ("professional_org_open",   PRIV,    F),
    ("professional_org_open",   ADMIN,   F),

    ("municipality_draft",      COORD,   F),
    ("municipality_draft",      PM,      F),  # not open yet
    ("municipality_draft",      PROF,    F),
    ("municipality_draft",      INTAKE,  F),
    ("municipality_draft",      POLICY,  F),
    ("municipality_draft",      INSP,    F),
    ("municipality_draft",      PRIV,    F),
    ("municipality_draft",      ADMIN,   F),

    ("municipality_published",  COORD,   F),
    ("municipality_published",  PM,      F),  # closed
    ("municipality_published",  PROF,    F),
    ("municipality_published",  INTAKE,  F),
    ("municipality_published",  POLICY,  F),
    ("municipality_published",  INSP,    F),
    ("municipality_published",  PRIV,    F),
    ("municipality_published",  ADMIN,   F),

    ("other_municipality_open", COORD,   F),
    ("other_municipality_open", PM,      F),
    ("other_municipality_open", PROF,    F),
    ("other_municipality_open", INTAKE,  F),
    ("other_municipality_open", POLICY,  F),  # another municipality's questionnaire
    ("other_municipality_open", INSP,    F),
    ("other_municipality_open", PRIV,    F),
    ("other_municipality_open", ADMIN,   F),

    ("municipality_second_approach_open", COORD,  F),
    ("municipality_second_approach_open", PM,     F),  # runs another approach of the municipality (issue 12 §11)
    ("municipality_second_approach_open", PROF,   F),
    ("municipality_second_approach_open", INTAKE, F),
    ("municipality_second_approach_open", POLICY, T),  # answers for the municipality, every approach of it
    ("municipality_second_approach_open", INSP,   F),
    ("municipality_second_approach_open", PRIV,   F),
    ("municipality_second_approach_open", ADMIN,  F),
]
# fmt: on

START_CELLS = _cells(START_TABLE, START_ACTIONS, 2)
INSPECTION_CELLS = _cells(INSPECTION_TABLE, INSPECTION_ACTIONS, 2)
RESPONDENT_CELLS = _cells(RESPONDENT_TABLE, RESPONDENT_ACTIONS, 2)
