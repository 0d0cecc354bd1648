"""Where a request comes from, kept for the access log without passing the request everywhere."""

from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class AccessContext:
    channel: str
    ip_address: str | None = None
    path: str = ""


CLI_CONTEXT = AccessContext(channel="cli")
current: ContextVar[AccessContext] = ContextVar("access_context", default=CLI_CONTEXT)
