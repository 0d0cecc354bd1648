from datetime import timedelta
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from gezinsregie import policy
from gezinsregie.accounts.models import Role
from gezinsregie.accounts.request import actor_of
from gezinsregie.audit import export, rules, selectors
from gezinsregie.audit import services as audit
from gezinsregie.audit.forms import LogSearchForm, PeriodForm

Permission = policy.Permission
PATTERN_DAYS = 30  # the default period of the patterns page


def _municipalities(request: HttpRequest) -> set[int]:
    return {
        m.organisation.municipality_id
        for m in policy.memberships_of(actor_of(request))
        if m.role == Role.PRIVACY_OFFICER and m.organisation.municipality_id is not None
    }


@never_cache
@login_required
def family_log(request: HttpRequest, family_id: UUID) -> HttpResponse:
    family = policy.access_family(actor_of(request), family_id, action=Permission.VIEW_LOG)
    page = Paginator(selectors.family_log(family=family), 50).get_page(request.GET.get("pagina"))
    context = {"family": family, "page": page, **selectors.capacity_note(page)}
    return render(request, "audit/family_log.html", context)


@never_cache
@login_required
def family_log_csv(request: HttpRequest, family_id: UUID) -> StreamingHttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=Permission.VIEW_LOG)
    audit.record(actor=actor, action="log.export_csv", family=family, obj=family)
    entries = selectors.family_log(family=family).iterator(chunk_size=2000)
    response = StreamingHttpResponse(export.csv_lines(entries), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="toegangslog-{family.reference}.csv"'
    return response


@never_cache
@login_required
def family_log_pdf(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=Permission.VIEW_LOG)
    audit.record(actor=actor, action="log.export_pdf", family=family, obj=family)
    entries = list(selectors.family_log(family=family))
    document = export.pdf(family=family, entries=entries, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="toegangslog-{family.reference}.pdf"'
    return response


@never_cache
@login_required
def search(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    policy.ensure(actor, Permission.SEARCH_LOGS)
    form = LogSearchForm(request.GET or None)
    page = None
    if form.is_bound and form.is_valid() and not form.is_empty():
        data = form.cleaned_data
        families = policy.families_for(actor, Permission.VIEW_LOG)
        family = families.filter(reference=data["kenmerk"]).first() if data["kenmerk"] else None
        if data["kenmerk"] and family is None:
            form.add_error("kenmerk", f"Geen gezin met kenmerk {data['kenmerk']} gevonden binnen uw gemeente.")
        elif form.only_reference() and family is not None:
            return redirect("audit:family", family_id=family.pk)
        else:
            query = selectors.LogQuery(
                user=data["gebruiker"],
                family_id=family.pk if family is not None else None,
                action=data["handeling"],
                date_from=data["van"],
                date_to=data["tot"],
            )
            entries = selectors.log_search(query=query, families=families, municipality_ids=_municipalities(request))
            page = Paginator(entries, 50).get_page(request.GET.get("pagina"))
            audit.record(actor=actor, action="log.search")
    note = selectors.capacity_note(page) if page else {}
    context = {"form": form, "page": page, "query": request.GET.urlencode(), **note}
    return render(request, "audit/search.html", context)


@never_cache
@login_required
def patterns(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    policy.ensure(actor, Permission.SEARCH_LOGS)
    today = timezone.localdate()
    form = PeriodForm(request.GET or {"van": today - timedelta(days=PATTERN_DAYS), "tot": today})
    found: list[rules.Pattern] = []
    if form.is_valid():
        reads = selectors.reads_in_period(
            families=policy.families_for(actor, Permission.VIEW_LOG),
            date_from=form.cleaned_data["van"],
            date_to=form.cleaned_data["tot"],
        )
        found = rules.outside_caseload(reads) + rules.at_night(reads, zone=timezone.get_current_timezone())
        audit.record(actor=actor, action="log.patterns")
    return render(
        request,
        "audit/patterns.html",
        {"form": form, "patterns": found, "threshold": rules.OUTSIDE_CASELOAD_THRESHOLD},
    )
