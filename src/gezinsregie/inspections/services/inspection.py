"""The inspection itself: create it, invite the respondents, move it on (open, judging)."""

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.audit import services as audit
from gezinsregie.inspections import selectors, workflow
from gezinsregie.inspections.models import Inspection, InspectionLevel, Respondent, RespondentKind
from gezinsregie.inspections.services._common import Permission, inspector_membership, lock, today
from gezinsregie.organisations.models import Approach, Organisation, OrganisationKind


def _kind_of(organisation: Organisation, approach: Approach) -> str:
    if organisation.kind == OrganisationKind.MUNICIPALITY and organisation.municipality_id == approach.municipality_id:
        return RespondentKind.MUNICIPALITY
    return RespondentKind.PARTNER


@transaction.atomic
def inspection_create(*, actor: User, approach: Approach, level: str, year: int, title: str = "") -> Inspection:
    policy.ensure(actor, Permission.START_INSPECTION, approach)
    membership = inspector_membership(actor)
    errors: dict[str, list[str]] = {}
    if not approach.framework.levels.filter(key=level).exists():
        errors.setdefault("level", []).append("Het toetsingskader van deze aanpak kent dit niveau niet.")
    if not 2000 <= year <= today().year + 1:
        errors.setdefault("year", []).append("Kies een jaar tussen 2000 en volgend jaar.")
    if Inspection.objects.filter(approach=approach, level=level, year=year).exists():
        errors.setdefault("year", []).append("Deze aanpak heeft in dat jaar al een onderzoek op dit niveau.")
    if errors:
        raise ValidationError(errors)
    level_name = InspectionLevel(level).label
    inspection = Inspection(
        approach=approach,
        framework=approach.framework,
        level=level,
        year=year,
        title=title.strip() or f"{approach.name} — {level_name} {year}",
        organisation=membership.organisation,
        created_by=actor,
    )
    inspection.full_clean()
    inspection.save()
    audit.record(actor=actor, action="inspection.create", obj=inspection, membership=membership)
    return inspection


@transaction.atomic
def respondents_invite(
    *, actor: User, inspection: Inspection, organisations: Sequence[Organisation]
) -> list[Respondent]:
    policy.ensure(actor, Permission.CONDUCT_INSPECTION, inspection)
    inspection = lock(inspection)
    if not workflow.is_policy_level(inspection):
        raise ValidationError("Alleen een onderzoek op beleidsniveau heeft respondenten.")
    workflow.check_state(inspection, workflow.can_invite, what="Respondenten uitnodigen")
    allowed = set(selectors.invitable_organisations(inspection.approach).values_list("pk", flat=True))
    strangers = [o.name for o in organisations if o.pk not in allowed]
    if strangers:
        raise ValidationError(
            {"organisations": [f"Geen gemeente of netwerkpartner van deze aanpak: {', '.join(strangers)}."]}
        )
    if not organisations:
        raise ValidationError({"organisations": ["Kies minstens één organisatie."]})
    invited = set(inspection.respondents.values_list("organisation_id", flat=True))
    created = []
    for organisation in organisations:
        if organisation.pk in invited:
            continue
        respondent = Respondent(
            inspection=inspection,
            organisation=organisation,
            kind=_kind_of(organisation, inspection.approach),
            invited_on=today(),
            invited_by=actor,
        )
        respondent.full_clean()
        respondent.save()
        created.append(respondent)
        audit.record(actor=actor, action="inspection.invite", obj=respondent, membership=inspector_membership(actor))
    return created


@transaction.atomic
def inspection_advance(*, actor: User, inspection: Inspection, to: str) -> Inspection:
    """Open the questionnaire, or close it and start judging (case level: start judging)."""
    policy.ensure(actor, Permission.CONDUCT_INSPECTION, inspection)
    inspection = lock(inspection)
    if to == workflow.FINAL:
        raise ValidationError("Publiceren gaat via inspection_publish.")
    if to == workflow.Status.REBUTTAL:
        raise ValidationError("Het concept gaat naar de gemeente via inspection_send_concept.")
    workflow.check_transition(level=inspection.level, current=inspection.status, new=to)
    if to == workflow.Status.OPEN and not inspection.respondents.exists():
        raise ValidationError("Nodig eerst de gemeente en de netwerkpartners uit.")
    inspection.status = to
    inspection.full_clean()
    inspection.save()
    audit.record(actor=actor, action=f"inspection.{to}", obj=inspection, membership=inspector_membership(actor))
    return inspection
