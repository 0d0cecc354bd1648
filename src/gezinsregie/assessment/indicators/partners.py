"""The readings of the partners around the family and of the voices recorded as data (issue 13 §2–3): the
relevant parties take part (C4.b.1), intensity adjusted (C5.b.1), care engaged (C5.b.2), partners recognise the
coordinator (C4.a.3), the family trusts the coordinator (C4.a.4), information sufficient in coherence (C4.c.2).
"""

from datetime import timedelta

from gezinsregie.assessment.indicators.base import FamilyFacts, Outcome, Result
from gezinsregie.assessment.models import Answer
from gezinsregie.common.formatting import long_date

# toetsingskader C5.b.1: after an evaluation that found goals not reached, the effort changes within this time
ADJUST_WITHIN_DAYS = 45
# toetsingskader C5.b.2: care still not started after twice its term was not engaged
ENGAGED_WITHIN_TERMS = 2
NOT_ANSWERED = "Nog niet gevraagd; een inspecteur kan het in een gesprek vaststellen."


def _latest_per_organisation(f: FamilyFacts, position: int) -> dict[int, str]:
    """The latest answer of each organisation to one question (2: recognises the coordinator, 3: information)."""
    latest: dict[int, str] = {}
    for _on, organisation, recognises, information in f.partner_voices:  # sorted by date
        answer = recognises if position == 2 else information
        if answer != Answer.NO_ANSWER:
            latest[organisation] = answer
    return latest


def _judge(answers: list[str], met: str, not_met: str) -> Result:
    doubting = [a for a in answers if a in (Answer.NO, Answer.PARTLY)]
    if doubting:
        return Result(Outcome.NOT_MET, not_met.format(n=len(doubting), total=len(answers)))
    return Result(Outcome.MET, met.format(total=len(answers)))


def c4_a_3(f: FamilyFacts) -> Result:
    """Reads as: every involved organisation that answered says the coordinator is who aligns the help."""
    answers = list(_latest_per_organisation(f, 2).values())
    if not answers:
        return Result(Outcome.UNKNOWN, NOT_ANSWERED)
    return _judge(
        answers,
        "Alle {total} organisaties die antwoordden, erkennen de regisseur.",
        "{n} van de {total} organisaties erkennen de regisseur niet (of maar deels).",
    )


def c4_a_4(f: FamilyFacts) -> Result:
    """Reads as: at the latest evaluation the family said it trusts its coordinator."""
    answered = [v for v in f.family_voices if v[1] != Answer.NO_ANSWER]
    if not answered:
        return Result(Outcome.UNKNOWN, NOT_ANSWERED)
    on, trusts, _ = answered[-1]
    said = Answer(trusts).label
    outcome = Outcome.MET if trusts == Answer.YES else Outcome.NOT_MET
    return Result(outcome, f"Het gezin zei op {long_date(on)} over vertrouwen in de regisseur: “{said}”.")


def c4_c_2(f: FamilyFacts) -> Result:
    """Reads as: the partners have enough information to work in coherence, and the family finds the help fits."""
    answers = list(_latest_per_organisation(f, 3).values())
    family = [v[2] for v in f.family_voices if v[2] != Answer.NO_ANSWER][-1:]
    if not answers and not family:
        return Result(Outcome.UNKNOWN, NOT_ANSWERED)
    return _judge(
        answers + family,
        "Partners en gezin ({total} antwoorden) vinden dat de hulp in samenhang gaat.",
        "{n} van de {total} antwoorden (partners, gezin): te weinig informatie of hulp die niet samenhangt.",
    )


def c4_b_1(f: FamilyFacts) -> Result:
    """Reads as: on every life domain with a problem the family cannot solve alone, an involved organisation
    works on that problem (the involvement names it)."""
    if not f.domains_needing_help:
        return Result(Outcome.UNKNOWN, "Geen problemen waarvoor het gezin hulp nodig heeft.")
    uncovered = f.domains_needing_help - f.domains_with_partner
    if uncovered:
        return Result(
            Outcome.NOT_MET,
            f"Op {len(uncovered)} van de {len(f.domains_needing_help)} leefgebieden werkt geen betrokken organisatie "
            "aan het probleem.",
        )
    return Result(Outcome.MET, f"Op alle {len(f.domains_needing_help)} leefgebieden werkt een betrokken organisatie.")


def c5_b_1(f: FamilyFacts) -> Result:
    """Reads as: when an evaluation found goals not reached, the effort was adjusted (an involvement added or
    ended, an extension, care requested) within ADJUST_WITHIN_DAYS."""
    for held_on in f.unreached_evaluations:
        deadline = held_on + timedelta(days=ADJUST_WITHIN_DAYS)
        if f.as_of <= deadline:
            continue  # still time to adjust
        if not any(held_on <= on <= deadline for on in f.adjustments):
            return Result(
                Outcome.NOT_MET, f"Na de evaluatie van {long_date(held_on)} (doelen niet bereikt) is niets bijgesteld."
            )
    if f.unreached_evaluations or f.adjustments:
        return Result(Outcome.MET, f"De inzet is {len(f.adjustments)} keer bijgesteld tijdens het traject.")
    return Result(Outcome.UNKNOWN, "Nog geen evaluatie die om bijstelling vroeg.")


def c5_b_2(f: FamilyFacts) -> Result:
    """Reads as: the care that was asked for was engaged: started, or still within twice its term."""
    if not f.care_waits:
        return Result(Outcome.UNKNOWN, "Er is (nog) geen zorg aangevraagd.")
    stuck = [days for days, limit, started in f.care_waits if not started and days > ENGAGED_WITHIN_TERMS * limit]
    if stuck:
        return Result(
            Outcome.NOT_MET, f"{len(stuck)} zorgvragen zijn na {max(stuck)} dagen nog niet gestart: niet ingeschakeld."
        )
    started = sum(1 for *_, s in f.care_waits if s)
    return Result(Outcome.MET, f"{started} van de {len(f.care_waits)} zorgvragen gestart, de rest binnen de termijn.")
