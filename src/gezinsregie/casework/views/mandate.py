"""The machtiging inspectie of a family: record it, withdraw it, download its scan (issue 13 §6).

Whoever steers the case (policy EDIT: the coordinator, the process manager) records it; the inspectorate sees the
family, pseudonymised, from the day it is granted (policy INSPECT, inspections.selectors.mandated_families).

The form lives here, not in casework/forms.py: that module is at its 400 lines. When it becomes a package, the
form moves to casework/forms/mandate.py unchanged.
"""

from pathlib import Path
from typing import Any
from uuid import UUID

from django import forms as django_forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.audit import services as audit
from gezinsregie.casework import forms
from gezinsregie.casework.models import Family, InspectionMandate, MandateScope
from gezinsregie.casework.services import mandate as services
from gezinsregie.common import uploads, widgets
from gezinsregie.common.forms import apply_errors
from gezinsregie.common.idempotency import idempotent
from gezinsregie.common.limits import SaneDate
from gezinsregie.organisations.models import Organisation, OrganisationKind

Permission = policy.Permission


class MandateForm(django_forms.Form):
    use_required_attribute = False  # an untouched required radio would show as invalid (red) at once
    organisation = django_forms.ModelChoiceField(
        label="Inspectie", queryset=Organisation.objects.none(), widget=forms.SELECT, empty_label="— kies —"
    )
    scope = django_forms.ChoiceField(
        label="Wat mag de inspectie inzien",
        choices=MandateScope.choices,
        initial=MandateScope.PSEUDONYMISED,
        widget=widgets.radios(),
        help_text="Gepseudonimiseerd: zonder namen, adres en geboortedata. Volledig alleen als het gezin dat noemt.",
    )
    signed_by = django_forms.CharField(label="Getekend door", max_length=160, widget=forms.TEXT)
    granted_on = django_forms.DateField(label="Getekend op", widget=forms.DATE, validators=[SaneDate(future=False)])
    expires_on = django_forms.DateField(label="Geldig tot en met", widget=forms.DATE)
    scan = django_forms.FileField(
        label="Scan van de machtiging (pdf of afbeelding)", required=False, validators=[uploads.check_scan]
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        inspectorates = Organisation.objects.filter(kind=OrganisationKind.INSPECTORATE).order_by("name")
        self.fields["organisation"].queryset = inspectorates  # type: ignore[attr-defined]
        if len(inspectorates) == 1:
            self.fields["organisation"].initial = inspectorates[0].pk


def _mandate_of(family: Family, mandate_id: int) -> InspectionMandate:
    record = family.mandates.select_related("organisation").filter(pk=mandate_id).first()
    if record is None:
        raise Http404
    return record


@never_cache
@login_required
@idempotent
def mandate(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=Permission.EDIT)
    today = timezone.localdate()
    form = MandateForm(request.POST or None, request.FILES or None, initial={"granted_on": today})
    if request.method == "POST" and form.is_valid():
        try:
            services.mandate_record(actor=actor, family=family, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            organisation = form.cleaned_data["organisation"]
            messages.success(request, f"De machtiging is vastgelegd: {organisation} kan het gezin nu inzien.")
            return redirect("casework:mandate", family_id=family.pk)
    mandates = family.mandates.select_related("organisation", "recorded_by").order_by("-granted_on", "-pk")
    rows = [{"mandate": m, "valid": m.is_valid_on(today)} for m in mandates]
    return render(request, "casework/mandate.html", {"family": family, "form": form, "rows": rows})


@login_required
def mandate_withdraw(request: HttpRequest, family_id: UUID, mandate_id: int) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=Permission.EDIT)
    record = _mandate_of(family, mandate_id)
    form = forms.WithdrawConsentForm(request.POST or None, initial={"withdrawn_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.mandate_withdraw(actor=actor, mandate=record, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.warning(request, f"De machtiging is ingetrokken: {record.organisation} ziet het gezin niet meer.")
            return redirect("casework:mandate", family_id=family.pk)
    return render(request, "casework/mandate_withdraw.html", {"family": family, "form": form, "mandate": record})


@login_required
def mandate_scan(request: HttpRequest, family_id: UUID, mandate_id: int) -> FileResponse:
    """The signed mandate itself, for those who steer the case; never served as a public media file."""
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=Permission.EDIT)
    record = _mandate_of(family, mandate_id)
    if not record.scan:
        raise Http404
    audit.record(actor=actor, action="mandate.scan", family=family, obj=record)
    suffix = Path(record.scan.name or "").suffix
    name = f"machtiging-{family.reference}-{record.granted_on:%Y%m%d}{suffix}"
    return FileResponse(record.scan.open("rb"), as_attachment=True, filename=name)
