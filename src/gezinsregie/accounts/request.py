from typing import Any

from django.core.exceptions import PermissionDenied

from gezinsregie.accounts.models import User


def actor_of(request: Any) -> User:
    """The signed-in user behind a Django or DRF request; anything else is refused."""
    user = getattr(request, "user", None)
    if not isinstance(user, User) or not user.is_authenticated:
        raise PermissionDenied
    return user
