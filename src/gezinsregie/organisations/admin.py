from django import forms
from django.contrib import admin

from gezinsregie.casework import workflow
from gezinsregie.organisations.models import (
    Approach,
    EscalationRung,
    Municipality,
    Organisation,
    PartnerType,
    PriorityAgreement,
)


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "cbs_code"]
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
