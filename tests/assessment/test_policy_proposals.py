"""The proposed judgements at policy level (assessment/policy_proposals.py): each reading met and not met, without a
database."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from gezinsregie.assessment import policy_proposals as propose
from gezinsregie.assessment.indicators import Outcome

TODAY = date(2025, 6, 1)
EVERY_DOMAIN = {"maatschappelijk werk", "woningbouw", "schuldhulpverlening", "(j-)GGZ", "onderwijs", "politie"}


def test_population_needs_an_own_estimate_of_at_most_two_years_and_the_neighbourhoods() -> None:
    def of(**kwargs: object) -> propose.Proposal:
        values = {"estimate": 120, "estimated_on": TODAY - timedelta(days=30), "in_population": 40}
        values |= {"with_neighbourhood": 40, "today": TODAY} | kwargs
        return propose.population(**values)  # type: ignore[arg-type]

    assert of().outcome == Outcome.MET
    # Zwolle 2014: the neighbourhoods known, the size of the group not: X
    assert of(estimate=None, estimated_on=None) == propose.Proposal(
        Outcome.NOT_MET, "De gemeente heeft geen eigen schatting van de omvang van de doelgroep."
    )
    stale = of(estimated_on=TODAY - timedelta(days=propose.ESTIMATE_STALE_DAYS + 1))
    assert stale.outcome == Outcome.NOT_MET and "ouder dan twee jaar" in stale.reason
    assert of(estimated_on=TODAY - timedelta(days=propose.ESTIMATE_STALE_DAYS)).outcome == Outcome.MET
    assert of(with_neighbourhood=31).outcome == Outcome.NOT_MET  # 78%: too many families without a wijk
    assert of(with_neighbourhood=32).outcome == Outcome.MET  # 80%
    assert of(in_population=0, with_neighbourhood=0).outcome == Outcome.UNKNOWN
    # a small population: every family's neighbourhood, and no share that would point at one
    assert of(in_population=3, with_neighbourhood=3).outcome == Outcome.MET
    assert of(in_population=3, with_neighbourhood=2).outcome == Outcome.NOT_MET


def test_partner_types_fail_on_a_life_domain_without_a_fitting_partner_onderwijs_above_all() -> None:
    assert propose.partner_types(EVERY_DOMAIN).outcome == Outcome.MET
    # Maastricht 2013, Venlo and Zwolle 2014: onderwijs missing; leerplicht is not the school
    without_school = propose.partner_types(EVERY_DOMAIN - {"onderwijs"} | {"leerplicht"})
    assert without_school == propose.Proposal(Outcome.NOT_MET, "Geen netwerkpartner verbonden voor onderwijs.")
    reason = propose.partner_types({"politie"}).reason
    assert reason.startswith("Geen netwerkpartner verbonden voor gezin, wonen,") and reason.endswith("en onderwijs.")


def test_binding_authority_is_configured_or_not() -> None:
    assert propose.binding_authority(granted=True).outcome == Outcome.MET
    assert propose.binding_authority(granted=False).outcome == Outcome.NOT_MET


def test_availability_asks_priority_agreements_and_care_on_time() -> None:
    assert propose.availability(priority_agreements=1, met=9, assessed=10).outcome == Outcome.MET
    # rapportage 2013 §3.5: no agreement at all
    assert propose.availability(priority_agreements=0, met=10, assessed=10).outcome == Outcome.NOT_MET
    # Maastricht 2014: agreements, and still waiting lists
    late = propose.availability(priority_agreements=2, met=6, assessed=10)
    # the reason names the side of the threshold, not the exact share (issue 12 §5)
    assert late.outcome == Outcome.NOT_MET and "minder dan 80%" in late.reason and "60" not in late.reason
    assert propose.availability(priority_agreements=1, met=2, assessed=2).outcome == Outcome.UNKNOWN


def agreement(kind: str, parties: set[int], *, signed: int = 400, until: int | None = None) -> propose.AgreementFacts:
    valid_until = None if until is None else TODAY - timedelta(days=until)
    return propose.AgreementFacts("Convenant", kind, frozenset(parties), TODAY - timedelta(days=signed), valid_until)


PARTNERS = {1: "Gemeente", 2: "GGZ", 3: "Basisschool"}


def proposed(*register: propose.AgreementFacts, kinds: tuple[str, ...] = ("cooperation",)) -> propose.Proposal:
    return propose.agreements(
        register=register, kinds=kinds, what="samenwerkingsafspraak", partners=PARTNERS, today=TODAY
    )


def test_agreements_need_every_partner_in_one_in_force() -> None:
    assert proposed(agreement("cooperation", {1, 2}), agreement("cooperation", {1, 3})).outcome == Outcome.MET
    # Maastricht 2013: onderwijs missing from the convenant
    assert proposed(agreement("cooperation", {1, 2})) == propose.Proposal(
        Outcome.NOT_MET, "Geen partij bij een geldende samenwerkingsafspraak: Basisschool."
    )
    expired = proposed(agreement("cooperation", {1, 2, 3}, until=1))
    assert expired.outcome == Outcome.NOT_MET and "liep af op" in expired.reason
    assert proposed(agreement("cooperation", {1, 2, 3}, until=0)).outcome == Outcome.MET  # its last day
    # an agreement of another kind does not count; an empty register gives no proposal at all
    other_kind = proposed(agreement("privacy_protocol", {1, 2, 3}))
    assert other_kind == propose.Proposal(Outcome.NOT_MET, "Er is geen samenwerkingsafspraak vastgelegd.")
    assert proposed().outcome == Outcome.UNKNOWN
    sharing = proposed(agreement("privacy_protocol", {1, 2, 3}), kinds=("information_sharing", "privacy_protocol"))
    assert sharing.outcome == Outcome.MET


def test_escalation_results_and_documents() -> None:
    assert propose.escalation(rungs=3).outcome == Outcome.MET
    assert propose.escalation(rungs=0).outcome == Outcome.UNKNOWN
    assert propose.results_tracked(closed=1).outcome == Outcome.MET
    assert propose.results_tracked(closed=0).outcome == Outcome.UNKNOWN
    assert propose.DOCUMENTS_ONLY.outcome == Outcome.UNKNOWN
    assert propose.referring_partners(referring=3, partners=4, referrals=10).outcome == Outcome.MET
    assert propose.referring_partners(referring=1, partners=4, referrals=10).outcome == Outcome.NOT_MET
    assert propose.referring_partners(referring=1, partners=4, referrals=2).outcome == Outcome.UNKNOWN


@given(met=st.integers(0, 200), extra=st.integers(0, 200))
def test_a_share_proposes_met_from_four_in_five_and_nothing_over_few_families(met: int, extra: int) -> None:
    assessed = met + extra
    proposal = propose.from_share("C3.a.3", met=met, assessed=assessed)
    if assessed < 5:
        assert proposal.outcome == Outcome.UNKNOWN
    elif round(100 * met / assessed) >= 80:
        assert proposal.outcome == Outcome.MET
    else:
        assert proposal.outcome == Outcome.NOT_MET and "C3.a.3" in proposal.reason
