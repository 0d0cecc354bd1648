"""The authorisation table of the approach's case meetings (zorgnetwerkoverleg), beside tests/policy/tables.py and
written out by hand the same way: who sees when and where one is, who plans one. The families on its agenda are
not in this table: each follows FAMILY_TABLE (VIEW), see tests/plans/test_case_meetings.py.
"""

from gezinsregie.policy import Permission as A
from tests.policy.tables import ADMIN, COORD, INSP, INTAKE, PM, POLICY, PRIV, PROF, F, T, _cells

# fmt: off
CASE_MEETING_ACTIONS = (A.VIEW_CASE_MEETING, A.PLAN_CASE_MEETING)
CASE_MEETING_TABLE = [
    # approach  role     VIEW  PLAN
    ("own",     COORD,   T,    F),  # a coordinator of a partner organisation
    ("own",     PM,      T,    T),  # the process manager chairs it
    ("own",     PROF,    T,    F),  # a professional of a partner organisation
    ("own",     INTAKE,  F,    F),
    ("own",     POLICY,  F,    F),
    ("own",     INSP,    F,    F),
    ("own",     PRIV,    F,    F),
    ("own",     ADMIN,   F,    F),

    ("other",   COORD,   F,    F),
    ("other",   PM,      F,    F),
    ("other",   PROF,    F,    F),
    ("other",   INTAKE,  F,    F),
    ("other",   POLICY,  F,    F),
    ("other",   INSP,    F,    F),
    ("other",   PRIV,    F,    F),
    ("other",   ADMIN,   F,    F),
]
# fmt: on

CASE_MEETING_CELLS = _cells(CASE_MEETING_TABLE, CASE_MEETING_ACTIONS, 2)
