"""Pure rules of signing in (issue 12 §1, ASVS V2/V3): recovery codes, tokens and timeouts, on plain values."""

import secrets
import string
from datetime import datetime, timedelta

# ASVS 2.6.2: recovery codes have at least 20 bits of entropy; these have 60 (12 characters of 32). No 0/O, 1/I.
RECOVERY_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
RECOVERY_CODE_LENGTH = 12
RECOVERY_CODE_COUNT = 10
TOTP_DIGITS = 6
# API tokens: 32 random bytes (ASVS 3.5.2 / 2.9: high-entropy, not guessable); the prefix makes them recognisable
# in logs and secret scanners, the first characters after it identify a token in a list.
TOKEN_PREFIX = "gzr_"
TOKEN_BYTES = 32
TOKEN_VISIBLE_CHARS = 8


def new_recovery_code() -> str:
    """A fresh recovery code, shown as XXXX-XXXX-XXXX."""
    raw = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, RECOVERY_CODE_LENGTH, 4))


def normalise_recovery_code(typed: str) -> str | None:
    """What the user typed as the code it stands for (case, spaces and dashes do not matter); None if it is none."""
    code = "".join(ch for ch in typed.upper() if ch not in " -\t")
    if len(code) != RECOVERY_CODE_LENGTH or any(ch not in RECOVERY_ALPHABET for ch in code):
        return None
    return code


def looks_like_totp_code(typed: str) -> bool:
    code = typed.replace(" ", "")
    return len(code) == TOTP_DIGITS and all(ch in string.digits for ch in code)


def new_api_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(TOKEN_BYTES)


def visible_part(token: str) -> str:
    """The part of a token that may be shown again after creation: its prefix and first characters."""
    return token[: len(TOKEN_PREFIX) + TOKEN_VISIBLE_CHARS]


def second_factor_required(*, required_by_settings: bool, is_person: bool, roles: set[str], is_staff: bool) -> bool:
    """Does this user need a second factor before any page? Only where the setting is on, only for a person
    (system and koppelaccounts never sign in with a password), and only with a role that can see personal data
    (or access to the admin site)."""
    return required_by_settings and is_person and (bool(roles) or is_staff)


def session_expired(
    *, now: datetime, started: datetime, last_activity: datetime, idle: timedelta, absolute: timedelta
) -> str | None:
    """Why a session has ended, or None while it may go on: 'idle' after `idle` without a request (ASVS 3.3.2),
    'absolute' after `absolute` since signing in, however active (ASVS 3.3.1)."""
    if now - started >= absolute:
        return "absolute"
    if now - last_activity >= idle:
        return "idle"
    return None


# --- separation of duties (issue 12 §2) ------------------------------------------------------------------------------

SELF_GRANT = "U kunt uzelf geen rol of lidmaatschap geven of wijzigen; vraag een andere beheerder."
OWN_DECISION = "U kunt niet besluiten over een toekenning die u zelf hebt aangevraagd of die voor uzelf is (vier ogen)."
NOT_PENDING = "Over deze toekenning is al besloten."
OTHER_MUNICIPALITY = "U kunt alleen besluiten over toekenningen binnen uw eigen gemeente."


def grant_request_refusal(*, actor_id: int, user_id: int) -> str | None:
    """Why `actor` may not ask for a membership of `user`, or None: nobody asks for a role for themselves."""
    return SELF_GRANT if actor_id == user_id else None


def grant_decision_refusal(
    *,
    actor_id: int,
    requested_by_id: int,
    user_id: int,
    pending: bool,
    actor_configures: bool,
    actor_privacy_municipalities: set[int],
    grant_municipality_id: int | None,
) -> str | None:
    """Why `actor` may not approve or refuse a grant, or None (the four-eyes rule, NEN 7510 / BIO 6.1.2).

    The second person is neither the one who asked nor the one who gets the role, and is either a functional admin
    or a privacy officer of the municipality the membership is in (the one who watches the access log)."""
    if actor_id in (requested_by_id, user_id):
        return OWN_DECISION
    if not pending:
        return NOT_PENDING
    if actor_configures:
        return None
    if grant_municipality_id is not None and grant_municipality_id in actor_privacy_municipalities:
        return None
    return OTHER_MUNICIPALITY
