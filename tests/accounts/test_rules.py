"""The pure rules of signing in (accounts/rules.py): recovery codes, tokens, who needs a second factor, timeouts."""

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gezinsregie.accounts import rules

NOW = datetime(2025, 11, 12, 10, 0)
IDLE, ABSOLUTE = timedelta(minutes=30), timedelta(hours=8)


def test_a_recovery_code_reads_back_whatever_case_spaces_or_dashes_it_is_typed_with():
    code = rules.new_recovery_code()
    bare = code.replace("-", "")

    assert len(bare) == rules.RECOVERY_CODE_LENGTH
    assert rules.normalise_recovery_code(code) == bare
    assert rules.normalise_recovery_code(f"  {code.lower()} ") == bare
    assert rules.normalise_recovery_code(" ".join(bare)) == bare


def test_ten_fresh_recovery_codes_differ():
    assert len({rules.new_recovery_code() for _ in range(rules.RECOVERY_CODE_COUNT)}) == rules.RECOVERY_CODE_COUNT


@given(st.text(max_size=30))
def test_anything_that_is_not_a_recovery_code_is_refused_before_any_hash_is_checked(typed):
    normalised = rules.normalise_recovery_code(typed)
    if normalised is not None:
        assert len(normalised) == rules.RECOVERY_CODE_LENGTH
        assert set(normalised) <= set(rules.RECOVERY_ALPHABET)


@pytest.mark.parametrize(
    ("typed", "expected"), [("123456", True), ("123 456", True), ("12345", False), ("12345a", False), ("", False)]
)
def test_a_totp_code_is_six_digits(typed, expected):
    assert rules.looks_like_totp_code(typed) is expected


def test_an_api_token_is_long_random_and_recognisable():
    token = rules.new_api_token()

    assert token.startswith("gzr_")
    assert len(token) >= 40
    assert rules.visible_part(token) == token[:12]
    assert token != rules.new_api_token()


# (setting on, a person, roles, staff) → second factor required
# fmt: off
REQUIRED_TABLE = [
    (True,  True,  {"coordinator"}, False, True),
    (True,  True,  {"policy_officer"}, False, True),
    (True,  True,  set(),          True,  True),   # admin site access without a role
    (True,  True,  set(),          False, False),  # no role: sees nothing at all
    (True,  False, {"professional"}, False, False),  # a koppelaccount or system account: no person, no password
    (False, True,  {"coordinator"}, True,  False),  # the demo and the tests
]
# fmt: on


@pytest.mark.parametrize(("setting", "is_person", "roles", "staff", "expected"), REQUIRED_TABLE)
def test_who_needs_a_second_factor(setting, is_person, roles, staff, expected):
    assert (
        rules.second_factor_required(required_by_settings=setting, is_person=is_person, roles=roles, is_staff=staff)
        is expected
    )


@pytest.mark.parametrize(
    ("since_signing_in", "since_last_request", "expected"),
    [
        (timedelta(minutes=5), timedelta(minutes=5), None),
        (timedelta(hours=3), timedelta(minutes=29), None),  # active all morning
        (timedelta(minutes=31), timedelta(minutes=30), "idle"),
        (timedelta(hours=8), timedelta(minutes=1), "absolute"),  # however active
        (timedelta(hours=9), timedelta(hours=2), "absolute"),
    ],
)
def test_when_a_session_ends(since_signing_in, since_last_request, expected):
    assert (
        rules.session_expired(
            now=NOW,
            started=NOW - since_signing_in,
            last_activity=NOW - since_last_request,
            idle=IDLE,
            absolute=ABSOLUTE,
        )
        == expected
    )
