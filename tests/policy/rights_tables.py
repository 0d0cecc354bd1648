"""The authorisation table of the family's rights (issue 12 §9), beside tests/policy/tables.py and written out by
hand the same way: the family's request for everything held on it (EXPORT_FAMILY_DATA) is handled by the privacy
officer of the family's municipality, nobody else — not its coordinator, not the process manager. Correcting data
is EDIT, in the family table. The BSN unmasked (VIEW_BSN, issue 12 §12, docs/security.md): the family's
coordinator, and the intake team while the family awaits triage; nobody else, whatever else they see.
The tests: test_rights_rules.py, on module_world's families."""

from gezinsregie.policy import Permission as A
from tests.policy.tables import ADMIN, COORD, INSP, INTAKE, PM, POLICY, PRIV, PROF, F, T, _cells

RIGHTS_ACTIONS = (A.EXPORT_FAMILY_DATA, A.VIEW_BSN)

# fmt: off
RIGHTS_TABLE = [
    # family               role     EXPORT VIEW_BSN
    ("coordinated",        COORD,   F,      T),  # sees the casework, but the request is the privacy officer's
    ("coordinated",        PM,      F,      F),
    ("coordinated",        PROF,    F,      F),
    ("coordinated",        INTAKE,  F,      F),
    ("coordinated",        POLICY,  F,      F),
    ("coordinated",        INSP,    F,      F),
    ("coordinated",        PRIV,    T,      F),  # of the family's municipality
    ("coordinated",        ADMIN,   F,      F),

    ("triage",             COORD,   F,      F),
    ("triage",             PM,      F,      F),
    ("triage",             PROF,    F,      F),
    ("triage",             INTAKE,  F,      T),
    ("triage",             POLICY,  F,      F),
    ("triage",             INSP,    F,      F),
    ("triage",             PRIV,    T,      F),  # a family only registered has its rights too
    ("triage",             ADMIN,   F,      F),

    ("other",              COORD,   F,      F),
    ("other",              PM,      F,      F),
    ("other",              PROF,    F,      F),
    ("other",              INTAKE,  F,      F),
    ("other",              POLICY,  F,      F),
    ("other",              INSP,    F,      F),
    ("other",              PRIV,    F,      F),  # another municipality's family
    ("other",              ADMIN,   F,      F),
]
# fmt: on

RIGHTS_CELLS = _cells(RIGHTS_TABLE, RIGHTS_ACTIONS, 2)
