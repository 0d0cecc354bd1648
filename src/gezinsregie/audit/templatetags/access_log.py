"""The access log in words on the page and in the PDF: `{% load access_log %}`, then
`{{ entry|action_words }}`, `{{ entry.object_type|object_words }}`, `{{ entry|organisation_words }}` and
`{{ entry|role_words }}` (gezinsregie.audit.wording)."""

from django import template

from gezinsregie.audit import wording
from gezinsregie.audit.models import AccessLogEntry

register = template.Library()


@register.filter
def action_words(entry: AccessLogEntry) -> str:
    return wording.action_words(entry.action, entry.object_type)


@register.filter
def object_words(label: str) -> str:
    return wording.object_words(label)


@register.filter
def organisation_words(entry: AccessLogEntry) -> str:
    return wording.organisation_words(organisation=entry.organisation, user_id=entry.user_id)


@register.filter
def role_words(entry: AccessLogEntry) -> str:
    return wording.role_words(role=entry.role, user_id=entry.user_id)
