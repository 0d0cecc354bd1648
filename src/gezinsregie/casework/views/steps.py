"""Casework screens. Each view: fetch the family through the policy, bind a form, call one service."""

from datetime import date
from pathlib import Path
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.forms import BaseFormSet, Form
from django.forms.utils import ErrorDict
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.audit import services as audit
from gezinsregie.casework import forms, rules, selectors, services
from gezinsregie.casework.models import Family, MemberRelation, ScoreMoment
from gezinsregie.casework.views import analysis_edit
from gezinsregie.common.forms import apply_errors
from gezinsregie.common.idempotency import idempotent
from gezinsregie.trajectory import selectors as trajectory_selectors

Permission = policy.Permission
CASELOAD_PAGE_SIZE = 25


def _without_errors(*bound_forms: Form) -> None:
    """Bound forms that show what was typed but are not validated yet (adding a row is not submitting)."""
    for bound in bound_forms:
        setattr(bound, "_errors", ErrorDict())  # noqa: B010 - read by Form.errors; set = "validated"


def _members_plausible(members: BaseFormSet, today: date) -> bool:
    """Issue 14 §3: the composition checked per member, each error and warning beside its member; a warning
    ("Klopt dit?") stops the form until the registrant confirms it for that member. True: nothing stops it."""
    rows = [f for f in members.forms if f.cleaned_data]
    confirmed = {i for i, f in enumerate(rows) if f.confirmed}
    notes = rules.blocking(rules.member_notes([f.member() for f in rows], today=today), confirmed=confirmed)
    for note in notes:
        if note.index is None:
            members.non_form_errors().append(note.message)
            continue
        row = rows[note.index]
        if note.warning:
            row.ask_confirmation()
        row.add_error(note.field or None, note.message)
    return not notes


def _all_valid(form: Form, members: BaseFormSet, today: date) -> bool:
    """Every check at once, so the error summary lists all that is wrong, not the first form's errors only."""
    form_valid = form.is_valid()
    members_valid = members.is_valid() and _members_plausible(members, today)
    return form_valid and members_valid


def _members_errors(members: BaseFormSet, error: ValidationError) -> None:
    """A service's error about the members (e.g. the BSN) goes to the members, not under "Gezin"."""
    if hasattr(error, "error_dict") and "members" in error.error_dict:
        for message in ValidationError(error.error_dict.pop("members")).messages:
            members.non_form_errors().append(message)


@login_required
@idempotent
def register(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    approaches = policy.approaches_for(actor, Permission.REGISTER).select_related("municipality", "life_domain_set")
    if not approaches:
        raise Http404
    approach_id = request.POST.get("approach") or request.GET.get("aanpak")
    approach = approaches.filter(pk=approach_id).first() if approach_id and approach_id.isdigit() else None
    if approach is None:
        if len(approaches) == 1:
            approach = approaches[0]
        else:
            return render(request, "casework/register_choose.html", {"approaches": approaches})
    today = timezone.localdate()
    form = forms.RegistrationForm(request.POST or None, approach=approach, initial={"referred_on": today})
    bsn_allowed = {"bsn_allowed": approach.bsn_allowed}  # the BSN field only where the approach may store it
    members = forms.MemberFormSet(
        request.POST or None, prefix="lid", initial=[{"relation": MemberRelation.PARENT}], form_kwargs=bsn_allowed
    )
    matches = []
    if "extra_lid" in request.POST:  # one more member row; keep all input, show no errors yet
        data = request.POST.copy()
        data["lid-TOTAL_FORMS"] = str(int(data.get("lid-TOTAL_FORMS", "1")) + 1)
        form = forms.RegistrationForm(data, approach=approach)
        members = forms.MemberFormSet(data, prefix="lid", form_kwargs=bsn_allowed)
        _without_errors(form, *members.forms)
        setattr(members, "_non_form_errors", members.error_class())  # noqa: B010 - same: no validation yet
    elif request.method == "POST" and _all_valid(form, members, today):
        rows = [f for f in members.forms if f.cleaned_data]
        member_input = [f.member() for f in rows]
        confirmed = {i for i, f in enumerate(rows) if f.confirmed}
        referral = services.ReferralInput(
            source=form.cleaned_data["source"],
            reason=form.cleaned_data["reason"],
            domains=list(form.cleaned_data["domains"]),
            urgency=form.cleaned_data["urgency"],
            referred_on=form.cleaned_data["referred_on"],
        )
        try:
            if not services.registration_allowed(actor):
                raise ValidationError(
                    f"U heeft het maximum van {services.REGISTRATIONS_PER_HOUR} aanmeldingen per uur bereikt. "
                    "Probeer het later opnieuw, of neem contact op met het intaketeam."
                )
            known_id = request.POST.get("bekend_gezin")
            if known_id:  # only a known family the registrant was shown, i.e. may see (issue 12 §6)
                known = next(
                    (
                        f
                        for f in services.visible_duplicates_of(
                            actor=actor,
                            approach=approach,
                            family_name=form.cleaned_data["family_name"],
                            members=member_input,
                        )
                        if str(f.pk) == known_id
                    ),
                    None,
                )
                if known is None:
                    raise ValidationError("Het gekozen bekende gezin komt niet overeen met deze aanmelding.")
                services.referral_add_to_known_family(actor=actor, approach=approach, family=known, referral=referral)
                messages.success(request, f"De aanmelding is toegevoegd aan het bekende gezin {known.reference}.")
                return redirect("web:start")
            result = services.family_register(
                actor=actor,
                approach=approach,
                family_name=form.cleaned_data["family_name"],
                address=form.cleaned_data["address"],
                neighbourhood=form.cleaned_data["neighbourhood"],
                members=member_input,
                referral=referral,
                register_as_new=request.POST.get("toch_nieuw") == "1",
                confirmed=confirmed,
            )
        except services.DuplicateFamilyError as duplicate:  # only families the registrant may see
            matches = duplicate.matches
            audit.record_many(actor=actor, action="family.duplicate_shown", families=matches)
        except ValidationError as error:
            _members_errors(members, error)
            apply_errors(form, error)
        else:
            if isinstance(result, Family) and policy.can(actor, Permission.VIEW, result):
                messages.success(request, f"Gezin {result.reference} is aangemeld en wacht op prioritering.")
                return redirect("web:family", family_id=result.pk)
            # The same words whether the family was new or may be known: no existence oracle (issue 12 §6).
            messages.success(request, services.RECEIVED)
            return redirect("web:start")
    context = {"approach": approach, "form": form, "members": members, "matches": matches}
    return render(request, "casework/register.html", context)


@login_required
def triage(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=Permission.TRIAGE)
    today = timezone.localdate()
    form = forms.TriageForm(request.POST or None, family=family, initial={"decided_on": today, "start_on": today})
    if request.method == "POST" and form.is_valid():
        try:
            services.family_triage(actor=actor, family=family, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            verdict = "opgenomen in de aanpak" if form.cleaned_data["accepted"] else "niet opgenomen"
            messages.success(request, f"Gezin {family.reference} is {verdict}.")
            return redirect("web:start")
    days = selectors.days_waiting(family)
    context = {"family": family, "form": form, "days_waiting": days, "norm": family.approach.start_norm_days}
    return render(request, "casework/triage.html", context)


@login_required
@idempotent
def consent(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=Permission.EDIT)
    form = forms.ConsentForm(
        request.POST or None, request.FILES or None, family=family, initial={"signed_on": timezone.localdate()}
    )
    losses = []
    if request.method == "POST" and form.is_valid():
        try:
            services.consent_record(
                actor=actor,
                family=family,
                confirm_losses=request.POST.get("bevestig_verlies") == "1",
                **form.cleaned_data,
            )
        except services.ConsentLossError as loss:  # issue 12 §7: who loses access, shown before it is confirmed
            losses = loss.organisations
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "De toestemmingsverklaring is vastgelegd; eerdere verklaringen zijn vervangen.")
            return redirect("web:family", family_id=family.pk)
    consents = family.consents.prefetch_related("organisations").select_related("superseded_by")
    context = {"family": family, "form": form, "consents": consents, "losses": losses}
    return render(request, "casework/consent.html", context)


@login_required
def consent_withdraw(request: HttpRequest, family_id: UUID, consent_id: int) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=Permission.EDIT)
    record = family.consents.filter(pk=consent_id).first()
    if record is None:
        raise Http404
    form = forms.WithdrawConsentForm(request.POST or None, initial={"withdrawn_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.consent_withdraw(actor=actor, consent=record, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.warning(
                request, "De toestemming is ingetrokken: de genoemde organisaties zien het gezin niet meer."
            )
            return redirect("web:family", family_id=family.pk)
    return render(request, "casework/consent_withdraw.html", {"family": family, "form": form, "consent": record})


@login_required
def consent_scan(request: HttpRequest, family_id: UUID, consent_id: int) -> FileResponse:
    """The signed declaration itself, for those who steer the case; never served as a public media file."""
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=Permission.EDIT)
    record = family.consents.filter(pk=consent_id).exclude(scan="").first()
    if record is None:
        raise Http404
    audit.record(actor=actor, action="consent.scan", family=family, obj=record)
    suffix = Path(record.scan.name or "").suffix
    name = f"toestemming-{family.reference}-{record.signed_on:%Y%m%d}{suffix}"
    return FileResponse(record.scan.open("rb"), as_attachment=True, filename=name)


@login_required
@idempotent
def analysis(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=Permission.VIEW)
    can_edit = policy.can(actor, Permission.EDIT, family)
    today = timezone.localdate()
    problem_form = forms.ProblemForm(
        request.POST if "probleem" in request.POST else None, family=family, initial={"identified_on": today}
    )
    # the stored scores pre-filled (issue 14 §3): the latest family score per domain, to change what moved
    latest = selectors.latest_scores(family, moment=ScoreMoment.INTAKE)
    scores_form = forms.ScoresForm(
        request.POST if "scores" in request.POST else None,
        family=family,
        initial={"scored_on": today, **{f"domain_{domain}": score for domain, score in latest.items()}},
    )
    if request.method == "POST":
        if not can_edit:
            raise Http404
        try:
            if "probleem" in request.POST and problem_form.is_valid():
                services.problem_add(actor=actor, family=family, **problem_form.cleaned_data)
                messages.success(request, "Het probleem is toegevoegd aan de analyse.")
                return redirect("casework:analysis", family_id=family.pk)
            if "scores" in request.POST and scores_form.is_valid():
                services.scores_record(
                    actor=actor,
                    family=family,
                    scores=scores_form.scores(),
                    scored_on=scores_form.cleaned_data["scored_on"],
                )
                messages.success(request, "De zelfredzaamheidsscores zijn opgeslagen.")
                return redirect("casework:analysis", family_id=family.pk)
        except ValidationError as error:
            apply_errors(problem_form if "probleem" in request.POST else scores_form, error)
    family_with_analysis = selectors.with_analysis(policy.families_for(actor, Permission.VIEW)).get(pk=family.pk)
    context = {
        "family": family,
        "problems": family.problems.select_related("member", "domain"),
        "scores": family.scores.select_related("domain"),
        "gaps": selectors.analysis_gaps(family_with_analysis),
        "problem_form": problem_form,
        "scores_form": scores_form,
        "can_edit": can_edit,
        **analysis_edit.context(family),  # geen problemen, and the trail of changed problems (issue 14 §1)
    }
    return render(request, "casework/analysis.html", context)


@login_required
def coordinator(request: HttpRequest, family_id: UUID) -> HttpResponse:
    actor = actor_of(request)
    family = policy.access_family(actor, family_id, action=Permission.ASSIGN_COORDINATOR)
    form = forms.CoordinatorForm(request.POST or None, family=family, initial={"assigned_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.coordinator_assign(actor=actor, family=family, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"{form.cleaned_data['coordinator']} is nu de regisseur van {family.reference}.")
            return redirect("web:family", family_id=family.pk)
    history = family.coordinator_assignments.select_related("coordinator", "previous", "assigned_by")
    return render(request, "casework/coordinator.html", {"family": family, "form": form, "history": history})


@login_required
def caseload(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    filters = forms.CaseloadFilterForm(request.GET or None)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    families = selectors.caseload_for(
        actor=actor,
        query=criteria.get("q", ""),
        status=criteria.get("status", ""),
        attention_only=criteria.get("attention", False),
    )
    page = Paginator(selectors.with_analysis(families), CASELOAD_PAGE_SIZE).get_page(request.GET.get("pagina"))
    after_the_plan = trajectory_selectors.evaluation_flags(page.object_list, today=timezone.localdate())
    rows = [
        {
            "family": f,
            "gaps": selectors.analysis_gaps(f),
            "start_overdue": f.awaiting_triage and selectors.start_overdue(f),
            "plan_flags": selectors.plan_flags(f),
            "trajectory_flags": after_the_plan.get(f.pk, []),
        }
        for f in page.object_list
    ]
    query = request.GET.copy()
    query.pop("pagina", None)
    context = {"filters": filters, "page": page, "rows": rows, "query": query.urlencode()}
    # htmx asks for the results only while the user types in the filter; without JavaScript: the whole page
    template = "casework/_caseload_results.html" if request.headers.get("HX-Request") else "casework/caseload.html"
    return render(request, template, context)
