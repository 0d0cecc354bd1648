"""Proposed judgements at policy level from the data (issue 13 §4/§5): plain functions on plain values, no database.

A proposal is the self-assessment's reading of the facts, never the inspection's judgement: "voldoet" (met),
"voldoet niet" (not met) or "onbekend" when the data cannot carry one, each with its reason in one sentence.
The thresholds below are this system's, for a proposal; the framework itself sets none. A proposal is read from
the exact counts, but its reason says only on which side of a threshold a share lies: the evidence beside it shows
the counts protected (common.counts, issue 12 §5), and a reason with an exact percentage would undo that.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from gezinsregie.assessment.indicators import Outcome
from gezinsregie.casework.selectors import SMALL_NUMBER
from gezinsregie.common.formatting import long_date

ENOUGH = 80  # percent of the families (or partners) a proposal "voldoet" asks; below it "voldoet niet"
ESTIMATE_STALE_DAYS = 2 * 365  # an estimate older than two years no longer shows the population
REFERRING_PARTNERS = 50  # percent of the partners that registered a family (B1.b.2)

# Rapportage 21 gemeenten 2013, note 2: netwerkpartners give care and support on every life domain of the parents
# and the children (gezin, wonen, werk/inkomen, gezondheid, onderwijs, veiligheid). Per domain the partner types of
# the framework's list ("Denk aan ...", Maastricht 2014 p. 4) that work on it. Onderwijs counts only the school
# itself: it was the party missing in Maastricht (2013), Venlo and Zwolle (2014).
DOMAIN_PARTNER_TYPES: dict[str, tuple[str, ...]] = {
    "gezin": (
        "maatschappelijk werk",
        "jeugd- en opvoedhulporganisaties",
        "gezinsvoogdij & jeugdreclassering",
        "CJG",
        "thuiszorg en -begeleiding",
        "MEE",
    ),
    "wonen": ("woningbouw",),
    "werk en inkomen": (
        "schuldhulpverlening",
        "bewindvoering",
        "sociale zaken gemeente",
        "arbeidsintegratie gemeente",
        "UWV",
        "voedselbank",
    ),
    "gezondheid": ("(j-)GGZ", "huisarts", "jeugdgezondheidszorg", "gehandicaptenzorg"),
    "onderwijs": ("onderwijs",),
    "veiligheid": ("politie", "reclassering", "gezinsvoogdij & jeugdreclassering", "AMK"),
}


@dataclass(frozen=True)
class Proposal:
    outcome: Outcome
    reason: str


def unknown(reason: str) -> Proposal:
    return Proposal(Outcome.UNKNOWN, reason)


DOCUMENTS_ONLY = unknown("Alleen beleidsstukken en afspraken kunnen dit laten zien; de casusgegevens niet.")


def percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def from_share(case_key: str, *, met: int, assessed: int) -> Proposal:
    """A policy indicator read from the case indicator that puts it into practice, over the families with an answer.
    The reason names the side of ENOUGH, not the exact share: the evidence beside it gives the share rounded."""
    if assessed < SMALL_NUMBER:
        return unknown(f"Te weinig gezinnen met een antwoord op {case_key} voor een voorstel.")
    if percent(met, assessed) >= ENOUGH:
        return Proposal(Outcome.MET, f"In de praktijk voldoet {case_key} bij {ENOUGH}% of meer van de gezinnen.")
    return Proposal(Outcome.NOT_MET, f"In de praktijk voldoet {case_key} bij minder dan {ENOUGH}% van de gezinnen.")


def population(
    *, estimate: int | None, estimated_on: date | None, in_population: int, with_neighbourhood: int, today: date
) -> Proposal:
    """B1.a.2 "de gemeente heeft zicht op de populatie GGSR" reads as: an own estimate of the eligible group of at
    most two years old, and the neighbourhood known of the families in beeld (Oosterhout 2013: X "geen zicht op de
    omvang van de doelgroep en de wijken"; Zwolle 2014: X "geen beeld van de omvang", the wijken known)."""
    if estimate is None or estimated_on is None:
        return Proposal(Outcome.NOT_MET, "De gemeente heeft geen eigen schatting van de omvang van de doelgroep.")
    if (today - estimated_on).days > ESTIMATE_STALE_DAYS:
        return Proposal(
            Outcome.NOT_MET,
            f"De laatste schatting van de doelgroep is van {long_date(estimated_on)}: ouder dan twee jaar.",
        )
    if in_population == 0:
        return unknown("Er is een schatting, maar nog geen gezin in beeld om per wijk te tellen.")
    if in_population < SMALL_NUMBER:
        known = with_neighbourhood == in_population
    else:
        known = percent(with_neighbourhood, in_population) >= ENOUGH
    if not known:
        return Proposal(Outcome.NOT_MET, "Er is een schatting, maar van te veel gezinnen in beeld is de wijk onbekend.")
    return Proposal(Outcome.MET, "Een eigen schatting van de doelgroep en de gezinnen in beeld per wijk.")


def domains_without_partner(connected_types: Iterable[str]) -> list[str]:
    connected = set(connected_types)
    return [domain for domain, types in DOMAIN_PARTNER_TYPES.items() if not connected & set(types)]


def partner_types(connected_types: Iterable[str]) -> Proposal:
    """B4.b.1 "alle partijen die relevant zijn, zijn verbonden aan de aanpak" reads as: on every life domain of
    parents and children a connected partner of a fitting type (DOMAIN_PARTNER_TYPES)."""
    uncovered = domains_without_partner(connected_types)
    if uncovered:
        return Proposal(Outcome.NOT_MET, f"Geen netwerkpartner verbonden voor {_and(uncovered)}.")
    return Proposal(Outcome.MET, "Op elk leefgebied van ouders en kinderen is een netwerkpartner verbonden.")


def referring_partners(*, referring: int, partners: int, referrals: int) -> Proposal:
    """B1.b.2 "netwerkpartners en alle relevante partijen melden GGSR aan" reads as: at least half the partners
    registered a family (Oosterhout 2013 ✓: "door veel partijen ... aangemeld")."""
    if referrals < SMALL_NUMBER or partners == 0:
        return unknown("Te weinig aanmeldingen voor een voorstel.")
    share = percent(referring, partners)
    if share >= REFERRING_PARTNERS:
        return Proposal(Outcome.MET, f"{share}% van de netwerkpartners meldde een gezin aan.")
    return Proposal(Outcome.NOT_MET, f"Maar {share}% van de netwerkpartners meldde een gezin aan, minder dan de helft.")


def binding_authority(*, granted: bool) -> Proposal:
    """B3.b.2 "de doorzettingsmacht voor de regisseur is geregeld" (rapportage 2013 §3.4: 67% had het geregeld)."""
    if granted:
        return Proposal(Outcome.MET, "In de aanpak heeft de regisseur doorzettingsmacht.")
    return Proposal(Outcome.NOT_MET, "In de aanpak heeft de regisseur geen doorzettingsmacht.")


def escalation(*, rungs: int) -> Proposal:
    """B4.a.2 "bij stagnatie ... zijn opschalingsmogelijkheden geregeld": the approach's own ladder."""
    if rungs:
        return Proposal(Outcome.MET, f"De aanpak heeft een eigen opschalingsladder met {rungs} treden.")
    return unknown("Alleen de standaardladder van het systeem; of de partners opschaling afspraken, zeggen de stukken.")


def results_tracked(*, closed: int) -> Proposal:
    """B3.a.4 "de resultaten van de aanpak worden bijgehouden": closures with reason, duration and self-sufficiency
    at start and end are kept here as the casework goes."""
    if closed == 0:
        return unknown("Nog geen afgesloten traject waarvan het resultaat is bijgehouden.")
    return Proposal(Outcome.MET, "Afsluitingen met reden, duur en zelfredzaamheid worden in het systeem bijgehouden.")


def availability(*, priority_agreements: int, met: int, assessed: int) -> Proposal:
    """B5.b.1 "netwerkpartners zorgen voor beschikbaarheid van zorg" reads as: priority agreements in force and care
    that starts on time in practice (rapportage 2013 §3.5: 80% had no agreement; Maastricht 2014: agreements, and
    still waiting lists)."""
    if priority_agreements == 0:
        return Proposal(Outcome.NOT_MET, "Er is geen geldende voorrangsafspraak met een zorgaanbieder.")
    if assessed < SMALL_NUMBER:
        return unknown("Er zijn voorrangsafspraken, maar te weinig zorgvragen om de wachttijden te beoordelen.")
    if percent(met, assessed) < ENOUGH:
        return Proposal(
            Outcome.NOT_MET,
            f"Er zijn voorrangsafspraken, maar bij minder dan {ENOUGH}% van de gezinnen start de zorg op tijd.",
        )
    return Proposal(Outcome.MET, f"Voorrangsafspraken, en bij {ENOUGH}% of meer van de gezinnen start de zorg op tijd.")


@dataclass(frozen=True)
class AgreementFacts:
    title: str
    kind: str
    parties: frozenset[int]
    signed_on: date
    valid_until: date | None

    def in_force_on(self, day: date) -> bool:
        return self.signed_on <= day and (self.valid_until is None or day <= self.valid_until)


def agreements(
    *,
    register: Iterable[AgreementFacts],
    kinds: Iterable[str],
    what: str,
    partners: Mapping[int, str],
    today: date,
) -> Proposal:
    """B4.b.2 (kinds: samenwerkingsafspraak) and B4.c.1 (convenant informatie-uitwisseling, privacyprotocol) read as:
    every partner of the approach is a party to an agreement of that kind in force today (Oosterhout 2013: X, the
    agreements concerned only the party running the approach; Maastricht 2013: onderwijs missing from the convenant).
    An empty register gives no proposal: nothing recorded is not the same as nothing agreed."""
    register = list(register)
    if not register:
        return unknown("Het register van afspraken is leeg: nog niets vastgelegd.")
    wanted = set(kinds)
    relevant = [a for a in register if a.kind in wanted]
    in_force = [a for a in relevant if a.in_force_on(today)]
    if not in_force:
        if relevant:
            ended = max(a.valid_until or a.signed_on for a in relevant)
            return Proposal(Outcome.NOT_MET, f"Er is geen geldende {what}: de laatste liep af op {long_date(ended)}.")
        return Proposal(Outcome.NOT_MET, f"Er is geen {what} vastgelegd.")
    covered = set().union(*(a.parties for a in in_force))
    missing = sorted(name for pk, name in partners.items() if pk not in covered)
    if missing:
        return Proposal(Outcome.NOT_MET, f"Geen partij bij een geldende {what}: {_and(missing)}.")
    return Proposal(Outcome.MET, f"Alle {len(partners)} netwerkpartners zijn partij bij een geldende {what}.")


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} en {items[-1]}"
