"""The authorisation table of hoor en wederhoor, beside tests/policy/tables.py and written out by hand the same way:
from the day the concept is sent, the policy officers of the approach's municipality see it (VIEW_INSPECTION) and
may respond to it (RESPOND_TO_CONCEPT); the inspectorate conducts it as before. The tests: test_rebuttal_rules.py.

Inspections on top of module_world (module_rebuttal_inspections in test_rebuttal_rules.py):
  own_judging                  by the inspector's inspectorate, of `approach` (municipality A), being judged
  own_rebuttal                 the same, its concept sent to the municipality
  own_published                the same, published
  other_inspectorate_rebuttal  by the other inspectorate, of `approach`, its concept sent
  other_municipality_rebuttal  by the inspector's inspectorate, of `other_approach` (municipality B), concept sent
"""

from gezinsregie.policy import Permission as A
from tests.policy.tables import ADMIN, COORD, INSP, INTAKE, PM, POLICY, PRIV, PROF, F, T, _cells

REBUTTAL_ACTIONS = (A.RESPOND_TO_CONCEPT,)  # the new verb; the other columns are the inspection's, in these states
REBUTTAL_COLUMNS = (A.VIEW_INSPECTION, A.CONDUCT_INSPECTION, A.REPORT_IMPROVEMENT, A.RESPOND_TO_CONCEPT)

# fmt: off
REBUTTAL_TABLE = [
    # inspection                    role     VIEW CONDUCT REPORT RESPOND
    ("own_judging",                 COORD,   F,   F,      F,     F),
    ("own_judging",                 PM,      F,   F,      F,     F),
    ("own_judging",                 PROF,    F,   F,      F,     F),
    ("own_judging",                 INTAKE,  F,   F,      F,     F),
    ("own_judging",                 POLICY,  F,   F,      F,     F),  # the concept is not sent yet
    ("own_judging",                 INSP,    T,   T,      F,     F),
    ("own_judging",                 PRIV,    F,   F,      F,     F),
    ("own_judging",                 ADMIN,   F,   F,      F,     F),

    ("own_rebuttal",                COORD,   F,   F,      F,     F),
    ("own_rebuttal",                PM,      F,   F,      F,     F),  # the process manager does not answer for it
    ("own_rebuttal",                PROF,    F,   F,      F,     F),
    ("own_rebuttal",                INTAKE,  F,   F,      F,     F),
    ("own_rebuttal",                POLICY,  T,   F,      F,     T),  # sees the concept and responds to it
    ("own_rebuttal",                INSP,    T,   T,      F,     F),  # answers the responses (CONDUCT)
    ("own_rebuttal",                PRIV,    F,   F,      F,     F),
    ("own_rebuttal",                ADMIN,   F,   F,      F,     F),

    ("own_published",               COORD,   F,   F,      F,     F),
    ("own_published",               PM,      F,   F,      F,     F),
    ("own_published",               PROF,    F,   F,      F,     F),
    ("own_published",               INTAKE,  F,   F,      F,     F),
    ("own_published",               POLICY,  T,   F,      T,     F),  # the exchange is kept, responding is over
    ("own_published",               INSP,    T,   T,      F,     F),
    ("own_published",               PRIV,    F,   F,      F,     F),
    ("own_published",               ADMIN,   F,   F,      F,     F),

    ("other_inspectorate_rebuttal", COORD,   F,   F,      F,     F),
    ("other_inspectorate_rebuttal", PM,      F,   F,      F,     F),
    ("other_inspectorate_rebuttal", PROF,    F,   F,      F,     F),
    ("other_inspectorate_rebuttal", INTAKE,  F,   F,      F,     F),
    ("other_inspectorate_rebuttal", POLICY,  T,   F,      F,     T),  # any inspectorate's concept about its approach
    ("other_inspectorate_rebuttal", INSP,    F,   F,      F,     F),  # another inspectorate's work
    ("other_inspectorate_rebuttal", PRIV,    F,   F,      F,     F),
    ("other_inspectorate_rebuttal", ADMIN,   F,   F,      F,     F),

    ("other_municipality_rebuttal", COORD,   F,   F,      F,     F),
    ("other_municipality_rebuttal", PM,      F,   F,      F,     F),
    ("other_municipality_rebuttal", PROF,    F,   F,      F,     F),
    ("other_municipality_rebuttal", INTAKE,  F,   F,      F,     F),
    ("other_municipality_rebuttal", POLICY,  F,   F,      F,     F),  # another municipality's concept
    ("other_municipality_rebuttal", INSP,    T,   T,      F,     F),
    ("other_municipality_rebuttal", PRIV,    F,   F,      F,     F),
    ("other_municipality_rebuttal", ADMIN,   F,   F,      F,     F),
]
# fmt: on

REBUTTAL_CELLS = _cells(REBUTTAL_TABLE, REBUTTAL_COLUMNS, 2)
