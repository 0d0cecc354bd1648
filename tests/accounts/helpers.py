"""What the sign-in tests share: a user with a role and a known password, a TOTP code as the app would show it."""

import time

from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from gezinsregie.accounts.models import Role, User
from tests.factories import PASSWORD, MembershipFactory, UserFactory

LOGIN = "/inloggen/"


def person(role: str = Role.COORDINATOR, **fields: object) -> User:
    user = UserFactory(**fields)
    MembershipFactory(user=user, role=role)
    return user


def sign_in(client: Client, user: User, password: str = PASSWORD, **extra: str):
    return client.post(LOGIN, {"username": user.username, "password": password}, **extra)


def signed_in_as(client: Client) -> int | None:
    value = client.session.get("_auth_user_id")
    return int(value) if value is not None else None


def totp_code(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """The code the authenticator app shows now (or `steps_ahead` periods of 30 seconds later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():06d}"
