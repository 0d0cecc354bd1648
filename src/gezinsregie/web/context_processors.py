from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from gezinsregie import policy
from gezinsregie.accounts.models import Role
from gezinsregie.notifications import selectors as notification_selectors


def user_roles_include(user: object, roles: set[str]) -> bool:
    return any(m.role in roles for m in policy.memberships_of(user))


def may_see_inspections(user: Any) -> bool:
    """Inspectors, whoever may see an inspection, and respondents with a questionnaire to fill in."""
    return (
        policy.approaches_for(user, policy.Permission.START_INSPECTION).exists()
        or policy.inspections_for(user, policy.Permission.VIEW_INSPECTION).exists()
        or policy.respondents_for(user, policy.Permission.ANSWER_INSPECTION).exists()
    )


def navigation(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    items = [("web:start", "Start", None)]
    if user_roles_include(user, {Role.COORDINATOR, Role.PROCESS_MANAGER}):
        items.append(("casework:caseload", "Mijn gezinnen", None))
        items.append(("casework:overdue", "Afspraken over de datum", None))
    if user_roles_include(user, {Role.PROCESS_MANAGER}):
        items.append(("casework:waiting", "Wachtende zorg", None))
    if policy.approaches_for(user, policy.Permission.VIEW_CASE_MEETING).exists():
        items.append(("case_meetings:index", "Zorgnetwerk", None))
    if policy.approaches_for(user, policy.Permission.REGISTER).exists():
        items.append(("casework:register", "Gezin aanmelden", None))
    if policy.approaches_for(user, policy.Permission.RAISE_SIGNAL).exists():
        items.append(("trajectory_signal:signal", "Signaal afgeven", None))
    if policy.approaches_for(user, policy.Permission.VIEW_POPULATION).exists():
        items.append(("web:population", "Populatie", None))
    if policy.approaches_for(user, policy.Permission.VIEW_ASSESSMENT).exists():
        items.append(("assessment:index", "Zelfevaluatie", None))
    if may_see_inspections(user):
        items.append(("inspections:index", "Toezicht", None))
    if policy.can(user, policy.Permission.VIEW_AGGREGATE):
        items.append(("reports:aggregate", "Landelijk beeld", None))
    if policy.can(user, policy.Permission.VIEW_FRAMEWORK):
        items.append(("frameworks:index", "Toetsingskader", None))
    if policy.can(user, policy.Permission.SEARCH_LOGS):
        items.append(("audit:search", "Toegangslog", None))
    if policy.can(user, policy.Permission.CONFIGURE):
        items.append(("admin:index", "Beheer", None))
    unread = notification_selectors.unread_count(actor=user)
    items.append(("notifications:index", f"Meldingen ({unread})" if unread else "Meldingen", None))
    nav_items = []
    for name, label, _ in items:
        url = reverse(name)
        active = request.path == url if name == "web:start" else request.path.startswith(url)
        nav_items.append({"url": url, "label": label, "active": active})
    labels = dict(Role.choices)
    roles = sorted({str(labels[m.role]) for m in policy.memberships_of(user)})
    return {"nav_items": nav_items, "user_roles": roles}
