"""The problem analysis and self-sufficiency scores (Nota van bevindingen Maastricht 2014 §2.6, step 4)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.audit import services as audit
from gezinsregie.casework.models import (
    Family,
    Member,
    Problem,
    ScoreMoment,
    SelfSufficiencyScore,
)
from gezinsregie.frameworks.models import LifeDomain

Permission = policy.Permission


def _today() -> date:
    return timezone.localdate()


def _check_member_and_domain(family: Family, member: Member | None, domain: LifeDomain) -> None:
    if member is not None and member.family_id != family.pk:
        raise ValidationError({"member": ["Dit gezinslid hoort niet bij dit gezin."]})
    if domain.domain_set_id != family.approach.life_domain_set_id:
        raise ValidationError({"domain": ["Kies een leefgebied uit de set van deze aanpak."]})


@transaction.atomic
def problem_add(
    *,
    actor: User,
    family: Family,
    member: Member | None,
    domain: LifeDomain,
    description: str,
    severity: int,
    chronic: bool,
    own_strength: str,
    family_participated: bool,
    identified_on: date,
) -> Problem:
    policy.ensure(actor, Permission.EDIT, family)
    _check_member_and_domain(family, member, domain)
    if identified_on > _today():
        raise ValidationError({"identified_on": ["Deze datum ligt in de toekomst."]})
    problem = Problem(
        family=family,
        member=member,
        domain=domain,
        description=description.strip(),
        severity=severity,
        chronic=chronic,
        own_strength=own_strength,
        family_participated=family_participated,
        identified_on=identified_on,
        recorded_by=actor,
    )
    problem.full_clean()
    problem.save()
    audit.record(actor=actor, action="problem.add", family=family, obj=problem)
    return problem


@transaction.atomic
def scores_record(
    *,
    actor: User,
    family: Family,
    scores: dict[LifeDomain, int],
    moment: str = ScoreMoment.INTAKE,
    scored_on: date,
) -> list[SelfSufficiencyScore]:
    """Self-sufficiency per domain (1–5). A second score for the same domain, moment and day replaces it."""
    policy.ensure(actor, Permission.EDIT, family)
    if scored_on > _today():
        raise ValidationError({"scored_on": ["Deze datum ligt in de toekomst."]})
    scale = set(family.approach.life_domain_set.scale.values_list("value", flat=True)) or set(range(1, 6))
    outside = [d.name for d, value in scores.items() if value not in scale]
    if outside:
        low, high = min(scale), max(scale)
        raise ValidationError({"scores": [f"Scores lopen van {low} tot {high}; controleer {', '.join(outside)}."]})
    saved = []
    for domain, value in scores.items():
        _check_member_and_domain(family, None, domain)
        score, _ = SelfSufficiencyScore.objects.update_or_create(
            family=family,
            member=None,
            domain=domain,
            moment=moment,
            scored_on=scored_on,
            defaults={"score": value, "recorded_by": actor},
        )
        score.full_clean()
        saved.append(score)
    audit.record(actor=actor, action="scores.record", family=family)
    return saved
