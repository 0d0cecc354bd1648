from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from gezinsregie.casework import workflow
from gezinsregie.organisations.models import (
    Approach,
    CooperationAgreement,
    EscalationRung,
    Municipality,
    Neighbourhood,
    Organisation,
    PartnerType,
    PopulationEstimate,
    PriorityAgreement,
)


class NeighbourhoodInline(admin.TabularInline):
    model = Neighbourhood
    extra = 1
    verbose_name_plural = "Wijken (de lijst waaruit bij aanmelden gekozen wordt)"


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "cbs_code"]
    search_fields = ["name"]
    inlines = [NeighbourhoodInline]


@admin.register(Neighbourhood)
class NeighbourhoodAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality", "active"]
    list_filter = ["municipality", "active"]
    search_fields = ["name"]


@admin.register(PartnerType)
class PartnerTypeAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "partner_type", "municipality"]
    list_filter = ["kind", "partner_type"]
    search_fields = ["name"]


class LadderInline(admin.TabularInline):
    model = EscalationRung
    extra = 0
    verbose_name_plural = "Opschalingsladder (leeg: regisseur → procesmanager → management → bestuur)"


class ApproachForm(forms.ModelForm):
    # The closure reasons are codes in a JSON list; in the admin they are checkboxes with their Dutch names.
    closure_reasons = forms.MultipleChoiceField(
        label="Redenen van afsluiten",
        choices=workflow.ClosureReason.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Niets aangevinkt: alle redenen.",
    )

    class Meta:
        model = Approach
        exclude: list[str] = []


@admin.register(Approach)
class ApproachAdmin(admin.ModelAdmin):
    form = ApproachForm
    inlines = [LadderInline]
    list_display = [
        "name",
        "municipality",
        "life_domain_set",
        "framework",
        "start_norm_days",
        "plan_norm_days",
        "care_wait_norm_days",
        "grants_binding_authority",
    ]
    list_filter = ["municipality"]
    filter_horizontal = ["partners"]
    search_fields = ["name"]


@admin.register(PriorityAgreement)
class PriorityAgreementAdmin(admin.ModelAdmin):
    list_display = ["provider", "approach", "term_days", "valid_from", "valid_until"]
    list_filter = ["approach"]
    autocomplete_fields = ["provider"]


class RecordedByAdmin(admin.ModelAdmin):
    """The municipality records these itself on /zelfevaluatie/<aanpak>/beleid/ (logged); here for the administrator."""

    readonly_fields = ["recorder", "recorded"]

    # the model names these two in English (a verbose_name there would be a migration): the admin says it in Dutch
    @admin.display(description="vastgelegd door", ordering="recorded_by__username")
    def recorder(self, obj: Any) -> str:
        return str(obj.recorded_by) if obj.recorded_by_id else "—"

    @admin.display(description="vastgelegd op", ordering="recorded_at")
    def recorded(self, obj: Any) -> Any:
        return obj.recorded_at

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if not change:
            obj.recorded_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(PopulationEstimate)
class PopulationEstimateAdmin(RecordedByAdmin):
    list_display = ["approach", "families", "estimated_on", "recorder"]
    list_filter = ["approach"]


@admin.register(CooperationAgreement)
class CooperationAgreementAdmin(RecordedByAdmin):
    list_display = ["title", "approach", "kind", "signed_on", "valid_until"]
    list_filter = ["approach", "kind"]
    filter_horizontal = ["parties"]
