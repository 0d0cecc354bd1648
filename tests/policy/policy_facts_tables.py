"""The authorisation table of the approach's own policy facts (issue 13 §4: its estimate of the group, B1.a.2, and
its register of cooperation agreements, B4.b.2 and B4.c.1), beside tests/policy/tables.py and written out by hand
the same way. Seeing them follows VIEW_ASSESSMENT (APPROACH_TABLE); this is who may record and remove them.
"""

from gezinsregie.policy import Permission as A
from tests.policy.tables import ADMIN, COORD, INSP, INTAKE, PM, POLICY, PRIV, PROF, F, T, _cells

# fmt: off
POLICY_FACTS_ACTIONS = (A.RECORD_POLICY_FACTS,)
POLICY_FACTS_TABLE = [
    # approach  role     RECORD
    ("own",     COORD,   F),
    ("own",     PM,      T),  # the process manager of the approach it runs
    ("own",     PROF,    F),
    ("own",     INTAKE,  F),
    ("own",     POLICY,  T),  # the municipality's policy staff, for every approach of the municipality
    ("own",     INSP,    F),  # the inspectorate reads them as evidence, never writes them
    ("own",     PRIV,    F),
    ("own",     ADMIN,   F),

    ("other",   COORD,   F),
    ("other",   PM,      F),
    ("other",   PROF,    F),
    ("other",   INTAKE,  F),
    ("other",   POLICY,  F),  # another municipality's approach
    ("other",   INSP,    F),
    ("other",   PRIV,    F),
    ("other",   ADMIN,   F),
]
# fmt: on

POLICY_FACTS_CELLS = _cells(POLICY_FACTS_TABLE, POLICY_FACTS_ACTIONS, 2)
