"""Argon2 password hashing (issue 12 §1, ASVS 2.4): first in the base and production settings, and every older hash
is upgraded at the next sign-in. The rest of the suite keeps a fast hasher (conf/test.py)."""

import os
import subprocess
import sys

import pytest
from django.contrib.auth.hashers import make_password
from django.test import override_settings

from gezinsregie.conf import base
from tests.accounts.helpers import person, sign_in, signed_in_as
from tests.config.test_settings import GOOD_KEY, SRC

ARGON2 = "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_argon2_is_the_first_hasher_in_the_base_settings():
    assert base.PASSWORD_HASHERS[0] == ARGON2


def test_production_hashes_with_argon2():
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DEBUG"}}
    env |= {"SECRET_KEY": GOOD_KEY, "PYTHONPATH": str(SRC)}
    code = "import gezinsregie.conf.production as s; print(s.PASSWORD_HASHERS[0], s.TWO_FACTOR_REQUIRED)"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [ARGON2, "True"]


@pytest.mark.django_db
@pytest.mark.parametrize("old_hasher", ["pbkdf2_sha256", "pbkdf2_sha1", "md5"])
def test_an_older_hash_is_upgraded_to_argon2_at_sign_in(client, old_hasher):
    hashers = [*base.PASSWORD_HASHERS, "django.contrib.auth.hashers.MD5PasswordHasher"]
    with override_settings(PASSWORD_HASHERS=hashers):
        user = person()
        user.password = make_password("een-oud-maar-goed-wachtwoord", hasher=old_hasher)
        user.save(update_fields=["password"])

        response = sign_in(client, user, password="een-oud-maar-goed-wachtwoord")

        assert response.status_code == 302
        assert signed_in_as(client) == user.pk
        user.refresh_from_db()
        assert user.password.startswith("argon2$argon2id$")
        assert user.check_password("een-oud-maar-goed-wachtwoord")
