"""The authorisation table of the family's rights (issue 12 §9), beside tests/policy/tables.py and written out by
hand the same way: the family's request for everything held on it (EXPORT_FAMILY_DATA) is handled by the privacy
officer of the family's municipality, nobody else — not its coordinator, not the process manager. Correcting data
is EDIT, in the family table. The tests: test_rights_rules.py, on module_world's families."""

from gezinsregie.policy import Permission as A
from tests.policy.tables import ADMIN, COORD, INSP, INTAKE, PM, POLICY, PRIV, PROF, F, T, _cells

RIGHTS_ACTIONS = (A.EXPORT_FAMILY_DATA,)

# fmt: off
RIGHTS_TABLE = [
    # family               role     EXPORT
    ("coordinated",        COORD,   F),  # sees the casework, but the request is the privacy officer's
    ("coordinated",        PM,      F),
    ("coordinated",        PROF,    F),
    ("coordinated",        INTAKE,  F),
    ("coordinated",        POLICY,  F),
    ("coordinated",        INSP,    F),
    ("coordinated",        PRIV,    T),  # of the family's municipality
    ("coordinated",        ADMIN,   F),

    ("triage",             COORD,   F),
    ("triage",             PM,      F),
    ("triage",             PROF,    F),
    ("triage",             INTAKE,  F),
    ("triage",             POLICY,  F),
    ("triage",             INSP,    F),
    ("triage",             PRIV,    T),  # a family only registered has its rights too
    ("triage",             ADMIN,   F),

    ("other",              COORD,   F),
    ("other",              PM,      F),
    ("other",              PROF,    F),
    ("other",              INTAKE,  F),
    ("other",              POLICY,  F),
    ("other",              INSP,    F),
    ("other",              PRIV,    F),  # another municipality's family
    ("other",              ADMIN,   F),
]
# fmt: on

RIGHTS_CELLS = _cells(RIGHTS_TABLE, RIGHTS_ACTIONS, 2)
