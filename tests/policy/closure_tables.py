"""Access follows the casework (issue 12 §7): the families of tests/policy/test_closure_rules.py, built on top of the
shared world, and who may do what to them. Written out by hand, like tables.py.

  closed_left_open  closed (no aftercare), the coordinator's; the professional's involvement was never ended and the
                    consent names their organisation (a closure from before closures ended involvements)
  closed_watched    closed with aftercare running, the coordinator's; the professional keeps watch
  closed_ended      closed, the coordinator's; the professional's involvement ended with the closure
  closed_in_term    closed 30 days ago, the coordinator's, in an approach that lets the coordinator read 60 days
  closed_past_term  closed 90 days ago, likewise: the coordinator's reading has ended (the process manager keeps it)

Closure ends the professional's access (only the watcher of running aftercare keeps it) and the coordinator's pen;
the coordinator keeps reading for as long as the approach says (Approach.coordinator_reads_after_closure_days, empty:
until the retention period ends), the process manager keeps what the approach gives it.
"""

from tests.policy.tables import ADMIN, COORD, FAMILY_ACTIONS, INSP, INTAKE, PM, POLICY, PRIV, PROF, F, T, _cells

# fmt: off
CLOSURE_TABLE = [
    # family              role     VIEW EDIT TRIAGE ASSIGN LOG REFST INSPECT EXIT CHECKIN
    ("closed_left_open",  COORD,   T,   F,   F,     F,     T,  T,    F,    F,   T),
    ("closed_left_open",  PM,      T,   T,   F,     T,     F,  T,    F,    T,   T),
    ("closed_left_open",  PROF,    F,   F,   F,     F,     F,  F,    F,    F,   F),  # was VIEW: the finding
    ("closed_left_open",  INTAKE,  F,   F,   F,     F,     F,  T,    F,    F,   F),
    ("closed_left_open",  POLICY,  F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("closed_left_open",  INSP,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("closed_left_open",  PRIV,    F,   F,   F,     F,     T,  T,    F,    F,   F),
    ("closed_left_open",  ADMIN,   F,   F,   F,     F,     F,  F,    F,    F,   F),

    ("closed_watched",    COORD,   T,   T,   F,     F,     T,  T,    F,    F,   T),  # aftercare: still steered
    ("closed_watched",    PM,      T,   T,   F,     T,     F,  T,    F,    T,   T),
    ("closed_watched",    PROF,    T,   F,   F,     F,     F,  F,    F,    F,   T),  # the watcher, within consent
    ("closed_watched",    INTAKE,  F,   F,   F,     F,     F,  T,    F,    F,   F),
    ("closed_watched",    POLICY,  F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("closed_watched",    INSP,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("closed_watched",    PRIV,    F,   F,   F,     F,     T,  T,    F,    F,   F),
    ("closed_watched",    ADMIN,   F,   F,   F,     F,     F,  F,    F,    F,   F),

    ("closed_ended",      COORD,   T,   F,   F,     F,     T,  T,    F,    F,   T),
    ("closed_ended",      PM,      T,   T,   F,     T,     F,  T,    F,    T,   T),
    ("closed_ended",      PROF,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("closed_ended",      INTAKE,  F,   F,   F,     F,     F,  T,    F,    F,   F),
    ("closed_ended",      POLICY,  F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("closed_ended",      INSP,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("closed_ended",      PRIV,    F,   F,   F,     F,     T,  T,    F,    F,   F),
    ("closed_ended",      ADMIN,   F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("closed_in_term",    COORD,   T,   F,   F,     F,     T,  T,    F,    F,   T),
    ("closed_in_term",    PM,      T,   T,   F,     T,     F,  T,    F,    T,   T),
    ("closed_in_term",    PROF,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("closed_in_term",    INTAKE,  F,   F,   F,     F,     F,  T,    F,    F,   F),
    ("closed_in_term",    POLICY,  F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("closed_in_term",    INSP,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("closed_in_term",    PRIV,    F,   F,   F,     F,     T,  T,    F,    F,   F),
    ("closed_in_term",    ADMIN,   F,   F,   F,     F,     F,  F,    F,    F,   F),

    ("closed_past_term",  COORD,   F,   F,   F,     F,     F,  F,    F,    F,   F),  # the approach's term passed
    ("closed_past_term",  PM,      T,   T,   F,     T,     F,  T,    F,    T,   T),
    ("closed_past_term",  PROF,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("closed_past_term",  INTAKE,  F,   F,   F,     F,     F,  T,    F,    F,   F),
    ("closed_past_term",  POLICY,  F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("closed_past_term",  INSP,    F,   F,   F,     F,     F,  F,    F,    F,   F),
    ("closed_past_term",  PRIV,    F,   F,   F,     F,     T,  T,    F,    F,   F),
    ("closed_past_term",  ADMIN,   F,   F,   F,     F,     F,  F,    F,    F,   F),
]
# fmt: on

CLOSURE_CELLS = _cells(CLOSURE_TABLE, FAMILY_ACTIONS, 2)
