"""The scenario worlds the tests share, each composed with tests/builder.py:

- authorisation.py: `World`, every way a person can (not) be connected to a family (fixtures `world`,
  `module_world` in tests/conftest.py);
- plans.py: `PlanWorld`, gezin De Vries and its plan (fixtures `w`, `planned` in tests/plans/conftest.py);
- inspections.py: `InspectionWorld` on the real STJ framework, and the helpers that answer and judge an
  inspection (fixtures `iw`, `open_inspection`, ... in tests/inspections/conftest.py).
"""
