"""The hypothesis profile of tests/conftest.py: no property test has a deadline (a slow runner is not a bug)."""

import os

from hypothesis import given, settings
from hypothesis import strategies as st


def test_the_loaded_profile_has_no_deadline_and_prints_the_blob_in_ci():
    assert settings.default.deadline is None
    if os.environ.get("HYPOTHESIS_PROFILE", "ci") == "ci":
        assert settings.default.print_blob


@given(st.integers())
def test_a_property_test_runs_without_a_deadline(n):
    assert settings().deadline is None
