from django.http import HttpRequest
from django.urls import reverse

from gezinsregie import policy
from gezinsregie.accounts.models import Role


def navigation(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    items = [("web:start", "Start", None)]
    if policy.can(user, policy.Action.VIEW_FRAMEWORK):
        items.append(("frameworks:index", "Toetsingskader", None))
    if policy.can(user, policy.Action.SEARCH_LOGS):
        items.append(("audit:search", "Toegangslog", None))
    if policy.can(user, policy.Action.CONFIGURE):
        items.append(("admin:index", "Beheer", None))
    nav_items = []
    for name, label, _ in items:
        url = reverse(name)
        active = request.path == url if name == "web:start" else request.path.startswith(url)
        nav_items.append({"url": url, "label": label, "active": active})
    labels = dict(Role.choices)
    roles = sorted({str(labels[m.role]) for m in user.active_memberships()})
    return {"nav_items": nav_items, "user_roles": roles}
