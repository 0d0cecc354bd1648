"""The respondent's questionnaire and its documents."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from gezinsregie import policy
from gezinsregie.accounts.request import actor_of
from gezinsregie.common.forms import apply_errors
from gezinsregie.inspections import forms, selectors, services

Permission = policy.Permission


@login_required
def questionnaire(request: HttpRequest, respondent_id: int) -> HttpResponse:
    actor = actor_of(request)
    respondent = policy.access_respondent(actor, respondent_id)
    inspection = respondent.inspection
    indicators = selectors.indicators_of(inspection)
    answers = {a.indicator_id: a for a in respondent.answers.all()}
    form = forms.QuestionnaireForm(request.POST or None, request.FILES or None, indicators=indicators, answers=answers)
    if request.method == "POST" and respondent.submitted_at is None and form.is_valid():
        given = [
            services.AnswerInput(indicator=i, value=v, explanation=e, document=d) for i, v, e, d in form.answer_inputs()
        ]
        try:
            services.answers_save(actor=actor, respondent=respondent, answers=given)
            if "indienen" in request.POST:
                services.questionnaire_submit(actor=actor, respondent=respondent)
        except ValidationError as error:
            apply_errors(form, error)
            if "indienen" in request.POST:
                form.mark_unanswered()  # the summary links to each open question
        else:
            if "indienen" in request.POST:
                messages.success(request, "Uw antwoorden zijn ingediend. Dank u wel.")
            else:
                messages.success(request, "Uw antwoorden zijn tussentijds opgeslagen.")
            return redirect("inspections:questionnaire", respondent_id=respondent.pk)
    answered = sum(1 for a in answers.values() if a.value)
    context = {
        "respondent": respondent,
        "inspection": inspection,
        "form": form,
        "groups": selectors.group_rows(form.rows(), key=lambda row: row.indicator),
        "answered": answered,
        "total": len(indicators),
    }
    return render(request, "inspections/questionnaire.html", context)


@login_required
def answer_document(request: HttpRequest, answer_id: int) -> FileResponse:
    actor = actor_of(request)
    answer = selectors.answer_with_document(actor, answer_id)
    if answer is None:
        raise Http404
    return FileResponse(answer.document.open("rb"), as_attachment=True, filename=answer.document_name)
