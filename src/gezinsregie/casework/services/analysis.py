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
    NoProblemsFinding,
    Problem,
    ProblemChange,
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


# --- changing the analysis: the trail is kept (issue 14 §1) ------------------------------------------------------

PROBLEM_FIELDS = ("member_id", "domain_id", "description", "severity", "chronic", "own_strength",
                  "family_participated", "identified_on")  # fmt: skip


def _as_it_was(problem: Problem) -> dict[str, object]:
    """The problem as people read it and as the database held it, for the trail."""
    values = {name: getattr(problem, name) for name in PROBLEM_FIELDS}
    values["identified_on"] = problem.identified_on.isoformat()
    return {
        **values,
        "member": str(problem.member) if problem.member else "hele gezin",
        "domain": problem.domain.name,
        "severity_label": str(problem.get_severity_display()),
        "own_strength_label": problem.own_strength_label,
    }


def _locked_problem(actor: User, problem: Problem) -> Problem:
    policy.ensure(actor, Permission.EDIT, problem.family)
    return (
        Problem.objects.select_for_update(of=("self",)).select_related("family", "member", "domain").get(pk=problem.pk)
    )


@transaction.atomic
def problem_change(
    *,
    actor: User,
    problem: Problem,
    description: str,
    severity: int,
    chronic: bool,
    own_strength: str,
    family_participated: bool,
) -> Problem:
    """Correct what the analysis says about a problem; how it was is kept in ProblemChange."""
    problem = _locked_problem(actor, problem)
    old = _as_it_was(problem)
    problem.description, problem.severity, problem.chronic = description.strip(), severity, chronic
    problem.own_strength, problem.family_participated = own_strength, family_participated
    problem.full_clean()
    if _as_it_was(problem) == old:
        return problem
    problem.save()
    ProblemChange.objects.create(
        family=problem.family, problem_id=problem.pk, kind=ProblemChange.Kind.CHANGED, old=old, changed_by=actor
    )
    audit.record(actor=actor, action="problem.change", family=problem.family, obj=problem)
    return problem


@transaction.atomic
def problem_remove(*, actor: User, problem: Problem, reason: str) -> None:
    """Take a problem out of the analysis (recorded in error, or solved before the plan). The trail keeps it."""
    problem = _locked_problem(actor, problem)
    if not reason.strip():
        raise ValidationError({"reason": ["Schrijf op waarom het probleem uit de analyse gaat."]})
    if problem.goals.exists():
        raise ValidationError(
            "Bij dit probleem hoort een doel in het plan. Haal eerst het doel uit het plan, of zet het doel op "
            "‘bereikt’ of ‘vervallen’ en laat het probleem staan."
        )
    ProblemChange.objects.create(
        family=problem.family,
        problem_id=problem.pk,
        kind=ProblemChange.Kind.REMOVED,
        old=_as_it_was(problem),
        reason=reason.strip(),
        changed_by=actor,
    )
    audit.record(actor=actor, action="problem.remove", family=problem.family, obj=problem)
    problem.delete()


@transaction.atomic
def no_problems_note(
    *, actor: User, family: Family, member: Member | None, domain: LifeDomain | None, note: str
) -> NoProblemsFinding:
    """ "Geen problemen" for one member or one life domain: the analysis looked, and found nothing to solve."""
    policy.ensure(actor, Permission.EDIT, family)
    if (member is None) == (domain is None):
        raise ValidationError({"target": ["Kies één gezinslid of één leefgebied."]})
    if domain is not None:
        _check_member_and_domain(family, None, domain)
    if member is not None and member.family_id != family.pk:
        raise ValidationError({"target": ["Dit gezinslid hoort niet bij dit gezin."]})
    existing = family.no_problem_findings.filter(member=member, domain=domain).first()
    if existing is not None:
        return existing
    finding = NoProblemsFinding(
        family=family, member=member, domain=domain, note=note.strip(), noted_on=_today(), noted_by=actor
    )
    finding.full_clean()
    finding.save()
    audit.record(actor=actor, action="analysis.no_problems", family=family, obj=finding)
    return finding


@transaction.atomic
def no_problems_withdraw(*, actor: User, finding: NoProblemsFinding) -> None:
    policy.ensure(actor, Permission.EDIT, finding.family)
    audit.record(actor=actor, action="analysis.no_problems_withdraw", family=finding.family, obj=finding)
    finding.delete()
