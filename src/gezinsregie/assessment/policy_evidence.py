"""Policy-level evidence from the casework data (issue 13 §4): per policy indicator of the framework, what the
system holds about an approach — for the municipality's own view and the inspector's judging screen.

Numbers only, never a person. A count of families under SMALL_NUMBER is shown as "minder dan 5"; a share is
given only over enough families. What the system cannot know (policy documents, a municipality's own estimate
of the group) is said, not guessed.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, QuerySet

from gezinsregie.assessment import facts as family_facts
from gezinsregie.assessment.indicators import Outcome, assess
from gezinsregie.casework import workflow
from gezinsregie.casework.models import BindingDecision, Escalation, Family, Referral
from gezinsregie.casework.selectors import SMALL_NUMBER
from gezinsregie.organisations.models import Approach, EscalationRung, PartnerType, PriorityAgreement
from gezinsregie.trajectory.outcomes import outcomes_for


@dataclass
class Evidence:
    key: str
    lines: list[str] = field(default_factory=list)


def _n(count: int) -> str:
    return str(count) if count == 0 or count >= SMALL_NUMBER else f"minder dan {SMALL_NUMBER}"


def _share(met: int, total: int) -> str:
    if total < SMALL_NUMBER:
        return f"te weinig gezinnen voor een percentage ({_n(total)})"
    return f"{met} van de {total} gezinnen ({round(100 * met / total)}%)"


def evidence_for(*, approach: Approach, families: QuerySet[Family], today: date) -> dict[str, Evidence]:
    """The caller asked the policy (VIEW_ASSESSMENT on `approach`); `families` are all of the approach's."""
    facts = family_facts.facts_on(family_facts.load_rows(families), today)
    case = [assess(f) for f in facts]

    def share_of(key: str) -> str:
        assessed = [r[key].outcome for r in case if r[key].outcome != Outcome.UNKNOWN]
        return _share(sum(1 for o in assessed if o == Outcome.MET), len(assessed))

    out = {key: Evidence(key) for key in KEYS}
    population = families.filter(status__in=workflow.IN_POPULATION)
    out["B1.a.2"].lines += [
        f"{_n(population.count())} gezinnen in beeld; per wijk op het scherm Populatie.",
        "Een eigen schatting van de gemeente van de groep GGSR is niet vastgelegd.",
    ]
    by_type = Counter(
        dict(
            Referral.objects.filter(family__in=families)
            .values_list("organisation__partner_type__name")
            .annotate(n=Count("pk"))
            .order_by()
        )
    )
    shown = ", ".join(f"{name or 'zonder type'}: {_n(n)}" for name, n in by_type.most_common())
    referring = Referral.objects.filter(family__in=families).values("organisation").distinct().count()
    partners = approach.partners.count()
    out["B1.b.1"].lines.append(f"{referring} van de {partners} netwerkpartners meldden een gezin aan.")
    out["B1.b.2"].lines.append(f"Aanmeldingen per type partner: {shown or 'geen'}.")
    out["B2.a.1"].lines.append(f"Eigen kracht bekeken bij alle problemen (C2.b.1): {share_of('C2.b.1')}.")
    out["B2.a.2"].lines.append(f"Sociaal netwerk in kaart (C2.c.1): {share_of('C2.c.1')}.")
    out["B2.a.3"].lines.append(f"Doelen met het gezin bepaald (C2.a.2): {share_of('C2.a.2')}.")
    result = outcomes_for(approaches=Approach.objects.filter(pk=approach.pk), today=today)
    median = f"{result.median_days_in_approach} dagen" if result.median_days_in_approach is not None else "—"
    out["B3.a.4"].lines += [
        f"{_n(result.closed)} afgesloten trajecten met een reden; mediane duur {median}.",
        "Zelfredzaamheid bij start en einde per leefgebied: op het scherm Uitstroom en nazorg.",
    ]
    out["B3.a.5"].lines.append(f"Gezamenlijke evaluatie van de resultaten (C3.a.5): {share_of('C3.a.5')}.")
    for key in ("B3.a.1", "B3.a.2", "B3.a.3", "B3.a.6", "B3.a.7", "B4.a.1", "B4.b.3"):
        out[key].lines.append("Dit staat in beleidsstukken en afspraken, niet in de casusgegevens.")
    out["B3.b.1"].lines.append(f"Eén regisseur vanaf de start (C4.a.1): {share_of('C4.a.1')}.")
    decisions = BindingDecision.objects.filter(family__in=families)
    out["B3.b.2"].lines.append(
        (
            "Doorzettingsmacht is geregeld in de aanpak"
            if approach.grants_binding_authority
            else "Geen doorzettingsmacht"
        )
        + f"; {_n(decisions.count())} besluiten, {_n(decisions.filter(refused_on__isnull=False).count())} geweigerd."
    )
    out["B3.b.3"].lines.append(f"Het gezin heeft vertrouwen in de regisseur (C4.a.4): {share_of('C4.a.4')}.")
    out["B3.c.1"].lines.append(f"Eén plan, bevestigd door alle betrokken organisaties (C3.a.3): {share_of('C3.a.3')}.")
    out["B3.c.2"].lines.append(f"Alle gezinsleden en leefgebieden in de aanpak (C3.a.4): {share_of('C3.a.4')}.")
    out["B3.d.1"].lines.append(f"Outreachend gewerkt (C3.b.1): {share_of('C3.b.1')}.")
    stopped = families.filter(closures__reason=workflow.ClosureReason.STOPPED_COOPERATING).count()
    out["B3.d.2"].lines.append(
        f"Niet losgelaten (C3.b.2): {share_of('C3.b.2')}; {_n(stopped)} afgesloten omdat het gezin niet meer "
        "meewerkte, elk met een besluit van de procesmanager."
    )
    escalations = Escalation.objects.filter(family__in=families)
    rungs = EscalationRung.objects.filter(approach=approach).count()
    out["B4.a.2"].lines.append(
        f"Opschalingsladder met {rungs or 'de standaard'} treden; {_n(escalations.count())} opschalingen, "
        f"{_n(escalations.filter(closed_on__isnull=False).count())} met een uitkomst gesloten."
    )
    present = set(approach.partners.values_list("partner_type__name", flat=True))
    missing = sorted(set(PartnerType.objects.values_list("name", flat=True)) - present)
    out["B4.b.1"].lines.append(
        f"{len(present - {None})} typen netwerkpartners verbonden; niet verbonden: {', '.join(missing) or 'geen'}."
    )
    out["B4.b.2"].lines.append("Een register van samenwerkingsafspraken wordt nog niet bijgehouden.")
    out["B4.c.1"].lines.append(f"Toestemming die alle betrokken organisaties noemt (C4.c.1): {share_of('C4.c.1')}.")
    out["B5.a.1"].lines.append(
        f"Geplande duur {approach.planned_duration_days} dagen; doorlopen tot de problemen opgelost of beheersbaar "
        f"zijn (C5.a.1): {share_of('C5.a.1')}."
    )
    agreements = PriorityAgreement.objects.filter(approach=approach).count()
    out["B5.b.1"].lines.append(
        f"{agreements} voorrangsafspraken met aanbieders; zorg op tijd (C5.b.3): {share_of('C5.b.3')}."
    )
    share = f"{result.aftercare_share}%" if result.aftercare_share is not None else "te weinig afsluitingen"
    out["B5.c.1"].lines.append(f"Afgesloten met nazorg: {share}; overdracht geregeld (C5.c.1): {share_of('C5.c.1')}.")
    out["B1.a.1"].lines.append(f"Gezinnen die onder de definitie GGSR vallen (C1.a.1): {share_of('C1.a.1')}.")
    return out


KEYS = (
    "B1.a.1", "B1.a.2", "B1.b.1", "B1.b.2", "B2.a.1", "B2.a.2", "B2.a.3", "B3.a.1", "B3.a.2", "B3.a.3", "B3.a.4",
    "B3.a.5", "B3.a.6", "B3.a.7", "B3.b.1", "B3.b.2", "B3.b.3", "B3.c.1", "B3.c.2", "B3.d.1", "B3.d.2", "B4.a.1",
    "B4.a.2", "B4.b.1", "B4.b.2", "B4.b.3", "B4.c.1", "B5.a.1", "B5.b.1", "B5.c.1",
)  # fmt: skip
