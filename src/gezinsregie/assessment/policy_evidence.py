"""Policy-level evidence from the casework data (issue 13 §4): per policy indicator of the framework, what the
system holds about an approach — for the municipality's own view and the inspector's judging screen.

Numbers only, never a person, protected as common.counts says (issue 12 §5): a count of families under
SMALL_NUMBER is shown as "minder dan 5", every other count rounded to fives and a share computed from the rounded
counts, so that two views of the same approach cannot be subtracted to find one family. What the system cannot
know (policy documents) is said, not guessed. Besides the facts the municipality records itself (organisations: its
estimate of the group, its register of agreements), each indicator carries a proposal from the data
(policy_proposals): met, not met or unknown, with its reason — the self-assessment's reading, never the inspector's
judgement.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, QuerySet

from gezinsregie.assessment import facts as family_facts
from gezinsregie.assessment import policy_proposals as propose
from gezinsregie.assessment.indicators import Outcome, assess
from gezinsregie.casework import workflow
from gezinsregie.casework.models import BindingDecision, Escalation, Family, Referral
from gezinsregie.casework.selectors import SMALL_NUMBER
from gezinsregie.common.counts import count_words, protected_percent, share_words
from gezinsregie.common.formatting import long_date
from gezinsregie.organisations import selectors as register
from gezinsregie.organisations.models import (
    SHARING_KINDS,
    AgreementKind,
    Approach,
    CooperationAgreement,
    EscalationRung,
    Organisation,
    PartnerType,
    PriorityAgreement,
)
from gezinsregie.trajectory.outcomes import outcomes_for


@dataclass
class Evidence:
    key: str
    lines: list[str] = field(default_factory=list)
    proposal: Outcome = Outcome.UNKNOWN  # the self-assessment's proposal from the data, never a judgement
    reason: str = ""  # why, in one sentence

    def propose(self, proposal: propose.Proposal) -> None:
        self.proposal, self.reason = proposal.outcome, proposal.reason


def _n(count: int) -> str:
    return count_words(count, threshold=SMALL_NUMBER)


def _share(met: int, total: int) -> str:
    return share_words(met, total, threshold=SMALL_NUMBER)


def evidence_for(*, approach: Approach, families: QuerySet[Family], today: date) -> dict[str, Evidence]:
    """The caller asked the policy (VIEW_ASSESSMENT on `approach`); `families` are all of the approach's."""
    facts = family_facts.facts_on(family_facts.load_rows(families), today)
    case = [assess(f) for f in facts]

    def counts_of(key: str) -> tuple[int, int]:
        assessed = [r[key].outcome for r in case if key in r and r[key].outcome != Outcome.UNKNOWN]
        return sum(1 for o in assessed if o == Outcome.MET), len(assessed)

    def share_of(key: str) -> str:
        return _share(*counts_of(key))

    def from_case(policy_key: str, case_key: str) -> None:
        met, assessed = counts_of(case_key)
        out[policy_key].propose(propose.from_share(case_key, met=met, assessed=assessed))

    out = {key: Evidence(key) for key in KEYS}
    partners = list(approach.partners.select_related("partner_type").order_by("name"))
    _population(out["B1.a.2"], approach, families, today)
    referrals = Referral.objects.filter(family__in=families)
    by_type = Counter(
        dict(referrals.values_list("organisation__partner_type__name").annotate(n=Count("pk")).order_by())
    )
    shown = ", ".join(f"{name or 'zonder type'}: {_n(n)}" for name, n in by_type.most_common())
    referring = referrals.values("organisation").distinct().count()
    out["B1.b.1"].lines.append(f"{referring} van de {len(partners)} netwerkpartners meldden een gezin aan.")
    out["B1.b.1"].propose(propose.unknown("Of de partners weten waar zij aanmelden, vraagt de vragenlijst."))
    out["B1.b.2"].lines.append(f"Aanmeldingen per type partner: {shown or 'geen'}.")
    out["B1.b.2"].propose(
        propose.referring_partners(referring=referring, partners=len(partners), referrals=referrals.count())
    )
    out["B2.a.1"].lines.append(f"Eigen kracht bekeken bij alle problemen (C2.b.1): {share_of('C2.b.1')}.")
    from_case("B2.a.1", "C2.b.1")
    out["B2.a.2"].lines.append(f"Sociaal netwerk in kaart (C2.c.1): {share_of('C2.c.1')}.")
    from_case("B2.a.2", "C2.c.1")
    out["B2.a.3"].lines.append(f"Doelen met het gezin bepaald (C2.a.2): {share_of('C2.a.2')}.")
    from_case("B2.a.3", "C2.a.2")
    result = outcomes_for(approaches=Approach.objects.filter(pk=approach.pk), today=today)
    median = f"{result.median_days_in_approach} dagen" if result.median_days_in_approach is not None else "—"
    out["B3.a.4"].lines += [
        f"{_n(result.closed)} afgesloten trajecten met een reden; mediane duur {median}.",
        "Zelfredzaamheid bij start en einde per leefgebied: op het scherm Uitstroom en nazorg.",
    ]
    out["B3.a.4"].propose(propose.results_tracked(closed=result.closed))
    out["B3.a.5"].lines.append(f"Gezamenlijke evaluatie van de resultaten (C3.a.5): {share_of('C3.a.5')}.")
    from_case("B3.a.5", "C3.a.5")
    for key in ("B3.a.1", "B3.a.2", "B3.a.3", "B3.a.6", "B3.a.7", "B4.a.1", "B4.b.3"):
        out[key].lines.append("Dit staat in beleidsstukken en afspraken, niet in de casusgegevens.")
        out[key].propose(propose.DOCUMENTS_ONLY)
    out["B3.b.1"].lines.append(f"Eén regisseur vanaf de start (C4.a.1): {share_of('C4.a.1')}.")
    from_case("B3.b.1", "C4.a.1")
    decisions = BindingDecision.objects.filter(family__in=families)
    out["B3.b.2"].lines.append(
        (
            "Doorzettingsmacht is geregeld in de aanpak"
            if approach.grants_binding_authority
            else "Geen doorzettingsmacht"
        )
        + f"; {_n(decisions.count())} besluiten, {_n(decisions.filter(refused_on__isnull=False).count())} geweigerd."
    )
    out["B3.b.2"].propose(propose.binding_authority(granted=approach.grants_binding_authority))
    out["B3.b.3"].lines.append(f"Het gezin heeft vertrouwen in de regisseur (C4.a.4): {share_of('C4.a.4')}.")
    from_case("B3.b.3", "C4.a.4")
    out["B3.c.1"].lines.append(f"Eén plan, bevestigd door alle betrokken organisaties (C3.a.3): {share_of('C3.a.3')}.")
    from_case("B3.c.1", "C3.a.3")
    out["B3.c.2"].lines.append(f"Alle gezinsleden en leefgebieden in de aanpak (C3.a.4): {share_of('C3.a.4')}.")
    from_case("B3.c.2", "C3.a.4")
    out["B3.d.1"].lines.append(f"Outreachend gewerkt (C3.b.1): {share_of('C3.b.1')}.")
    from_case("B3.d.1", "C3.b.1")
    stopped = families.filter(closures__reason=workflow.ClosureReason.STOPPED_COOPERATING).count()
    out["B3.d.2"].lines.append(
        f"Niet losgelaten (C3.b.2): {share_of('C3.b.2')}; {_n(stopped)} afgesloten omdat het gezin niet meer "
        "meewerkte, elk met een besluit van de procesmanager."
    )
    from_case("B3.d.2", "C3.b.2")
    escalations = Escalation.objects.filter(family__in=families)
    rungs = EscalationRung.objects.filter(approach=approach).count()
    out["B4.a.2"].lines.append(
        f"Opschalingsladder met {rungs or 'de standaard'} treden; {_n(escalations.count())} opschalingen, "
        f"{_n(escalations.filter(closed_on__isnull=False).count())} met een uitkomst gesloten."
    )
    out["B4.a.2"].propose(propose.escalation(rungs=rungs))
    present = {p.partner_type.name for p in partners if p.partner_type is not None}
    missing = sorted(set(PartnerType.objects.values_list("name", flat=True)) - present)
    out["B4.b.1"].lines.append(
        f"{len(present)} typen netwerkpartners verbonden; niet verbonden: {', '.join(missing) or 'geen'}."
    )
    uncovered = propose.domains_without_partner(present)
    if uncovered:
        out["B4.b.1"].lines.append(f"Leefgebieden zonder passende netwerkpartner: {', '.join(uncovered)}.")
    out["B4.b.1"].propose(propose.partner_types(present))
    _agreements(out, approach, partners, today)
    out["B4.c.1"].lines.append(f"Toestemming die alle betrokken organisaties noemt (C4.c.1): {share_of('C4.c.1')}.")
    out["B5.a.1"].lines.append(
        f"Geplande duur {approach.planned_duration_days} dagen; doorlopen tot de problemen opgelost of beheersbaar "
        f"zijn (C5.a.1): {share_of('C5.a.1')}."
    )
    from_case("B5.a.1", "C5.a.1")
    priority = [a for a in PriorityAgreement.objects.filter(approach=approach) if _in_force(a, today)]
    out["B5.b.1"].lines.append(
        f"{len(priority)} geldende voorrangsafspraken met aanbieders; zorg op tijd (C5.b.3): {share_of('C5.b.3')}."
    )
    met, assessed = counts_of("C5.b.3")
    out["B5.b.1"].propose(propose.availability(priority_agreements=len(priority), met=met, assessed=assessed))
    share = f"{result.aftercare_share}%" if result.aftercare_share is not None else "te weinig afsluitingen"
    out["B5.c.1"].lines.append(f"Afgesloten met nazorg: {share}; overdracht geregeld (C5.c.1): {share_of('C5.c.1')}.")
    from_case("B5.c.1", "C5.c.1")
    out["B1.a.1"].lines.append(f"Gezinnen die onder de definitie GGSR vallen (C1.a.1): {share_of('C1.a.1')}.")
    from_case("B1.a.1", "C1.a.1")
    return out


def _in_force(agreement: PriorityAgreement, today: date) -> bool:
    return agreement.valid_from <= today and (agreement.valid_until is None or today <= agreement.valid_until)


def _population(evidence: Evidence, approach: Approach, families: QuerySet[Family], today: date) -> None:
    """B1.a.2: the families in beeld per neighbourhood beside the municipality's own estimate of the group."""
    population = families.filter(status__in=workflow.IN_POPULATION)
    in_population = population.count()
    with_neighbourhood = population.exclude(neighbourhood="").count()
    evidence.lines.append(
        f"{_n(in_population)} gezinnen in beeld; de wijk is bekend bij {_share(with_neighbourhood, in_population)}; "
        "per wijk op het scherm Populatie."
    )
    estimate = register.latest_estimate(approach)
    if estimate is None:
        evidence.lines.append("Een eigen schatting van de gemeente van de groep GGSR is niet vastgelegd.")
    else:
        share = protected_percent(in_population, estimate.families, threshold=SMALL_NUMBER)
        of_estimate = f", {share}% van de schatting" if share is not None and in_population >= SMALL_NUMBER else ""
        evidence.lines.append(
            f"Eigen schatting van de gemeente: {estimate.families} gezinnen op {long_date(estimate.estimated_on)} "
            f"(bron: {estimate.source}); in beeld {_n(in_population)}{of_estimate}."
        )
    evidence.propose(
        propose.population(
            estimate=estimate.families if estimate else None,
            estimated_on=estimate.estimated_on if estimate else None,
            in_population=in_population,
            with_neighbourhood=with_neighbourhood,
            today=today,
        )
    )


def _agreements(out: dict[str, Evidence], approach: Approach, partners: list[Organisation], today: date) -> None:
    """B4.b.2 and B4.c.1 from the register: per partner the agreements in force, the partner types they leave out,
    and the expired ones flagged."""
    rows = register.register_of(approach, today=today)
    facts = [
        propose.AgreementFacts(
            title=r.agreement.title,
            kind=r.agreement.kind,
            parties=frozenset(p.pk for p in r.agreement.parties.all()),
            signed_on=r.agreement.signed_on,
            valid_until=r.agreement.valid_until,
        )
        for r in rows
    ]
    names = {p.pk: p.name for p in partners}
    for key, kinds, what in (
        ("B4.b.2", (AgreementKind.COOPERATION,), "samenwerkingsafspraak"),
        ("B4.c.1", SHARING_KINDS, "afspraak over informatie-uitwisseling"),
    ):
        evidence, wanted = out[key], set(kinds)
        mine = [r for r in rows if r.agreement.kind in wanted]
        if not rows:
            evidence.lines.append("Het register van samenwerkingsafspraken is nog leeg.")
        elif not mine:
            evidence.lines.append(f"In het register staat geen {what}.")
        in_force = [r.agreement for r in mine if r.in_force]
        if in_force:
            evidence.lines.append("Geldend: " + "; ".join(_described(a) for a in in_force) + ".")
            covered = {p.pk for a in in_force for p in a.parties.all()}
            per_partner = [p for p in partners if p.pk not in covered]
            if per_partner:
                evidence.lines.append(
                    "Geen partij bij een geldende afspraak: " + ", ".join(_typed(p) for p in per_partner) + "."
                )
            types = {p.partner_type.name for p in partners if p.partner_type is not None and p.pk in covered}
            absent = sorted({p.partner_type.name for p in partners if p.partner_type is not None} - types)
            if absent:
                evidence.lines.append(f"Typen partners zonder geldende afspraak: {', '.join(absent)}.")
        for r in mine:
            if r.expired and r.agreement.valid_until is not None:
                evidence.lines.append(
                    f"VERLOPEN: {r.agreement.title} (geldig tot en met {long_date(r.agreement.valid_until)})."
                )
        evidence.propose(propose.agreements(register=facts, kinds=kinds, what=what, partners=names, today=today))


def _described(agreement: CooperationAgreement) -> str:
    until = f" tot en met {long_date(agreement.valid_until)}" if agreement.valid_until else ""
    document = ", met document" if agreement.document else ""
    return (
        f"{agreement.title} ({agreement.get_kind_display()}, {len(agreement.parties.all())} partijen, "
        f"getekend {long_date(agreement.signed_on)}{until}{document})"
    )


def _typed(organisation: Organisation) -> str:
    return f"{organisation.name} ({organisation.partner_type.name})" if organisation.partner_type else organisation.name


KEYS = (
    "B1.a.1", "B1.a.2", "B1.b.1", "B1.b.2", "B2.a.1", "B2.a.2", "B2.a.3", "B3.a.1", "B3.a.2", "B3.a.3", "B3.a.4",
    "B3.a.5", "B3.a.6", "B3.a.7", "B3.b.1", "B3.b.2", "B3.b.3", "B3.c.1", "B3.c.2", "B3.d.1", "B3.d.2", "B4.a.1",
    "B4.a.2", "B4.b.1", "B4.b.2", "B4.b.3", "B4.c.1", "B5.a.1", "B5.b.1", "B5.c.1",
)  # fmt: skip
