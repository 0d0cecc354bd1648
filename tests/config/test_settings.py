"""Settings: production refuses unsafe configuration; environment parsing accepts only what can be meant;
demo logins appear only in demo mode."""

import os
import subprocess
import sys
from unittest import mock

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from hypothesis import example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from gezinsregie.conf.base import INSECURE_DEFAULT_SECRET_KEY
from gezinsregie.conf.env import env_bool, env_list, secret_key_is_strong
from gezinsregie.demo.logins import DEMO_LOGINS
from tests.paths import REPOSITORY

SRC = REPOSITORY / "src"
GOOD_KEY = "q9$Lm2@vX7!pR4#tW8&zK1^nB6*hJ3(fD5)sG0-yC)eU+aO%iT"  # as get_random_secret_key makes them
SETTINGS_VARIABLES = ("SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE", "SECURE_SSL_REDIRECT", "ALLOWED_HOSTS")


def import_production(**env: str) -> subprocess.CompletedProcess[str]:
    """Import gezinsregie.conf.production in a fresh interpreter with exactly these settings variables."""
    clean = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARIABLES}
    clean["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))
    code = "import gezinsregie.conf.production as s; print(s.DEBUG, s.DEMO_MODE, s.SESSION_COOKIE_SECURE)"
    return subprocess.run(
        [sys.executable, "-c", code], env={**clean, **env}, capture_output=True, text=True, timeout=60, check=False
    )


def assert_refused(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert result.returncode != 0
    assert "django.core.exceptions.ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_production_refuses_debug():
    assert_refused(import_production(SECRET_KEY=GOOD_KEY, DEBUG="true"), "DEBUG staat aan")


@pytest.mark.parametrize(
    "secret_key",
    [
        pytest.param(None, id="missing"),
        pytest.param(INSECURE_DEFAULT_SECRET_KEY, id="insecure-default"),
        pytest.param("kort-maar-geheim", id="too-short"),
        pytest.param("a" * 60, id="long-but-one-character"),
        pytest.param("geheim" * 10, id="long-but-few-characters"),
    ],
)
def test_production_refuses_a_missing_or_weak_secret_key(secret_key):
    env = {} if secret_key is None else {"SECRET_KEY": secret_key}

    assert_refused(import_production(**env), "SECRET_KEY ontbreekt of is de onveilige standaardwaarde")


def test_production_refuses_a_debug_value_that_cannot_be_meant():
    assert_refused(import_production(SECRET_KEY=GOOD_KEY, DEBUG="misschien"), "DEBUG='misschien'")


@pytest.mark.parametrize("debug", [None, "false", "0", "off"])
def test_production_starts_with_a_proper_secret_key(debug):
    env = {"SECRET_KEY": GOOD_KEY} | ({} if debug is None else {"DEBUG": debug})

    result = import_production(**env)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False", "True"]  # DEBUG, DEMO_MODE, SESSION_COOKIE_SECURE


# --- environment parsing ---

VARIABLE = "GEZINSREGIE_TEST_VARIABELE"
# Any text an environment variable can hold: no NUL, no lone surrogates.
ENV_TEXT = st.text(st.characters(exclude_characters="\x00", exclude_categories=["Cs"]))
ACCEPTED_TRUE = {"1", "true", "yes", "on"}
ACCEPTED_FALSE = {"0", "false", "no", "off", ""}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1", True),
        ("true", True),
        ("TRUE", True),
        (" Yes ", True),
        ("on", True),
        ("0", False),
        ("false", False),
        ("No", False),
        ("OFF", False),
        ("", False),
        ("  ", False),
    ],
)
def test_env_bool_accepts_the_usual_spellings(raw, expected):
    with mock.patch.dict(os.environ, {VARIABLE: raw}):
        assert env_bool(VARIABLE, default=not expected) is expected


@pytest.mark.parametrize("raw", ["ja", "nee", "2", "-1", "truee", "y", "n", "t", "enabled", "1.0"])
def test_env_bool_rejects_nonsense(raw):
    with mock.patch.dict(os.environ, {VARIABLE: raw}), pytest.raises(ImproperlyConfigured, match=VARIABLE):
        env_bool(VARIABLE, default=False)


@pytest.mark.parametrize("default", [True, False])
def test_env_bool_unset_gives_the_default(default):
    with mock.patch.dict(os.environ, clear=False):
        os.environ.pop(VARIABLE, None)
        assert env_bool(VARIABLE, default=default) is default


@hypothesis_settings(database=None, deadline=None)
@given(ENV_TEXT)
@example("1")
@example(" off\t")
@example("İ")  # lower() grows it to two characters
def test_env_bool_parses_or_raises_improperly_configured_never_anything_else(raw):
    with mock.patch.dict(os.environ, {VARIABLE: raw}):
        try:
            value = env_bool(VARIABLE, default=False)
        except ImproperlyConfigured as error:
            assert VARIABLE in str(error)
            assert raw.strip().lower() not in ACCEPTED_TRUE | ACCEPTED_FALSE
        else:
            assert value is (raw.strip().lower() in ACCEPTED_TRUE)
            assert raw.strip().lower() in ACCEPTED_TRUE | ACCEPTED_FALSE


@hypothesis_settings(database=None, deadline=None)
@given(ENV_TEXT)
def test_env_list_parses_any_text_to_clean_items(raw):
    with mock.patch.dict(os.environ, {VARIABLE: raw}):
        items = env_list(VARIABLE, ["standaard"])

    assert isinstance(items, list)
    for item in items:
        assert isinstance(item, str)
        assert item
        assert item == item.strip()
        assert "," not in item


LIST_ITEM = ENV_TEXT.map(str.strip).filter(lambda s: bool(s) and "," not in s)
PADDING = st.text(st.sampled_from(" \t"), max_size=3)


@hypothesis_settings(database=None, deadline=None)
@given(st.lists(st.tuples(PADDING, LIST_ITEM, PADDING), max_size=6))
def test_env_list_round_trips_a_comma_separated_list(padded_items):
    raw = ",".join(before + item + after for before, item, after in padded_items)

    with mock.patch.dict(os.environ, {VARIABLE: raw}):
        assert env_list(VARIABLE, ["standaard"]) == [item for _, item, _ in padded_items]


def test_env_list_unset_gives_the_default_and_empty_gives_nothing():
    with mock.patch.dict(os.environ, {VARIABLE: " , ,"}):
        assert env_list(VARIABLE, ["standaard"]) == []
    os.environ.pop(VARIABLE, None)
    assert env_list(VARIABLE, ["standaard"]) == ["standaard"]


# --- demo logins ---


@pytest.mark.django_db
def test_the_login_page_shows_demo_logins_in_demo_mode(client, settings):
    settings.DEMO_MODE = True

    content = client.get(reverse("login")).content.decode()

    assert "Demo-inloggegevens" in content
    for username, _, label in DEMO_LOGINS:
        assert f"<code>{username}</code>" in content
        assert label in content


@pytest.mark.django_db
def test_the_login_page_shows_no_demo_logins_outside_demo_mode(client, settings):
    settings.DEMO_MODE = False

    response = client.get(reverse("login"))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Demo-inloggegevens" not in content
    assert "wachtwoord: demo" not in content
    for username, _, _ in DEMO_LOGINS:
        assert f"<code>{username}</code>" not in content


def test_a_strong_secret_key_is_long_and_varied():
    assert not secret_key_is_strong("abcdefghijklmnop" * 3)  # 48: too short
    assert secret_key_is_strong("abcdefghijklmnop" * 4)  # 64, 16 different
    assert not secret_key_is_strong("abcdefghijklmno" * 4)  # 60, 15 different


def test_a_generated_secret_key_is_strong():
    from django.core.management.utils import get_random_secret_key

    assert all(secret_key_is_strong(get_random_secret_key()) for _ in range(200))
