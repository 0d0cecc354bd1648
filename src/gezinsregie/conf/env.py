"""Reading settings from the environment, with clear errors for values that cannot be meant."""

import os

from django.core.exceptions import ImproperlyConfigured

TRUE_VALUES = {"1", "true", "yes", "on"}
FALSE_VALUES = {"0", "false", "no", "off", ""}


def env(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, *, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_VALUES:
        return True
    if value in FALSE_VALUES:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r}: use one of {sorted(TRUE_VALUES | FALSE_VALUES)}")


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def secret_key_is_strong(key: str) -> bool:
    """At least 50 characters of which at least 16 different ones (issue 12 §11): "a" * 60 or a sentence typed by
    hand is long but guessable; a generated key (`manage.py shell -c "from django.core.management.utils import
    get_random_secret_key; print(get_random_secret_key())"`) has some 30 different characters in 50."""
    return len(key) >= 50 and len(set(key)) >= 16
