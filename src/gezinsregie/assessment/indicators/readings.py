"""The readings of the indicators up to the plan: one pure function per indicator (see __init__ for the tables)."""

from gezinsregie.assessment.indicators.base import COORDINATOR_GRACE_DAYS, FamilyFacts, Outcome, Result
from gezinsregie.casework import rules as casework_rules
from gezinsregie.common.formatting import short_date


def c1_a_1(f: FamilyFacts) -> Result:
    if not f.problem_count:
        return Result(Outcome.UNKNOWN, "Nog geen probleemanalyse.")
    n = len(f.chronic_domains)
    if casework_rules.meets_ggsr_definition(f.chronic_domains):
        return Result(Outcome.MET, f"Chronische problemen op {n} leefgebieden.")
    minimum = casework_rules.GGSR_MINIMUM_DOMAINS
    return Result(
        Outcome.NOT_MET, f"Chronische problemen op {n} leefgebied(en); de definitie vraagt er minstens {minimum}."
    )


def c1_a_2(f: FamilyFacts) -> Result:
    if f.has_referral:
        return Result(Outcome.MET, f"Aangemeld op {short_date(f.registered_on)}.")
    return Result(Outcome.NOT_MET, "Er is geen aanmelding vastgelegd.")


def c1_a_3(f: FamilyFacts) -> Result:
    # toetsingskader C1.a.3 / Maastricht §2.6: start within the approach's norm (default a month)
    late = casework_rules.start_is_late(
        registered_on=f.registered_on, started_on=f.started_on, today=f.as_of, norm_days=f.start_norm_days
    )
    if f.started_on is None:
        waited = casework_rules.days_between(f.registered_on, f.as_of)
        if late:
            return Result(
                Outcome.NOT_MET, f"Nog niet gestart, {waited} dagen na aanmelding (norm {f.start_norm_days})."
            )
        return Result(Outcome.UNKNOWN, f"Nog niet gestart; {waited} dagen na aanmelding, binnen de norm.")
    days = casework_rules.days_between(f.registered_on, f.started_on)
    outcome = Outcome.NOT_MET if late else Outcome.MET
    return Result(outcome, f"Gestart {days} dagen na aanmelding (norm {f.start_norm_days}).")


def c2_a_1(f: FamilyFacts) -> Result:
    if not f.problem_count:
        return Result(Outcome.NOT_MET, "Er is geen probleemanalyse.")
    without = f.problem_count - f.problems_with_family
    if without == 0:
        return Result(Outcome.MET, f"Alle {f.problem_count} problemen zijn met het gezin vastgesteld.")
    return Result(Outcome.NOT_MET, f"{without} van de {f.problem_count} problemen zijn zonder het gezin vastgesteld.")


def c2_a_2(f: FamilyFacts) -> Result:
    if not f.has_plan:
        return Result(Outcome.NOT_MET, "Er is geen plan.")
    if f.goals_set_with_family:
        return Result(Outcome.MET, "De doelen zijn met het gezin bepaald.")
    return Result(Outcome.NOT_MET, "De doelen zijn niet met het gezin bepaald.")


def c2_a_3(f: FamilyFacts) -> Result:
    if not f.has_plan:
        return Result(Outcome.NOT_MET, "Er is geen plan.")
    if f.plan_approved_on is not None:
        return Result(Outcome.MET, f"Het gezin stemde op {short_date(f.plan_approved_on)} in met het plan.")
    return Result(Outcome.NOT_MET, "Het gezin heeft (nog) niet ingestemd met het plan.")


def c2_b_1(f: FamilyFacts) -> Result:
    if not f.problem_count:
        return Result(Outcome.NOT_MET, "Er is geen probleemanalyse.")
    # "examined, cannot" counts as examined; "not examined" does not (issue 10 §2)
    unexamined = f.problem_ids - f.examined_problem_ids
    own = len(f.own_strength_problem_ids & f.problem_ids)
    if not unexamined:
        return Result(
            Outcome.MET,
            f"Bij alle {f.problem_count} problemen is met het gezin bekeken wat het zelf kan; "
            f"{own} lost het zelf op, {f.member_actions} acties door het gezin.",
        )
    return Result(
        Outcome.NOT_MET, f"Bij {len(unexamined)} van de {f.problem_count} problemen is eigen kracht niet bekeken."
    )


def c2_b_2(f: FamilyFacts) -> Result:
    if not f.problem_count:
        return Result(Outcome.NOT_MET, "Er is geen probleemanalyse.")
    needing_help = f.problem_ids - f.own_strength_problem_ids
    uncovered = needing_help - f.problems_with_goal
    if not uncovered:
        return Result(Outcome.MET, "Voor elk probleem dat het gezin niet zelf kan oplossen is een doel.")
    return Result(Outcome.NOT_MET, f"{len(uncovered)} problemen die het gezin niet zelf kan oplossen hebben geen doel.")


def c2_c_1(f: FamilyFacts) -> Result:
    if f.network_persons:
        return Result(Outcome.MET, f"{f.network_persons} personen uit het netwerk, {f.supportive_network} steunend.")
    if f.network_goal:  # looked at: nobody there, so building it is the goal
        return Result(Outcome.MET, "Geen netwerk gevonden; het opbouwen ervan is een doel in het plan.")
    return Result(Outcome.NOT_MET, "Het sociale netwerk is niet in kaart gebracht.")


def c2_c_2(f: FamilyFacts) -> Result:
    if f.network_with_role or f.network_actions:
        return Result(Outcome.MET, f"{f.network_with_role} personen met een rol; {f.network_actions} netwerkacties.")
    if f.network_persons:
        return Result(Outcome.NOT_MET, f"Van de {f.network_persons} personen is niet bepaald wie een rol speelt.")
    if f.network_goal:
        return Result(Outcome.UNKNOWN, "Nog geen netwerk; het opbouwen ervan is een doel in het plan.")
    return Result(Outcome.NOT_MET, "Het netwerk is niet in kaart gebracht: niet bepaald wie een rol kan spelen.")


def c2_c_3(f: FamilyFacts) -> Result:
    # Maastricht 2014 §6.2: "geen volgende stap zonder netwerk"; a straining network is no network to lean on
    if f.supportive_network:
        return Result(Outcome.MET, f"Er is een steunend netwerk ({f.supportive_network} personen).")
    if f.network_goal:
        return Result(Outcome.MET, "Geen steunend netwerk; het opbouwen ervan is een doel in het plan.")
    return Result(Outcome.NOT_MET, "Geen steunend netwerk, en het opbouwen ervan is geen doel in het plan.")


def c3_a_1(f: FamilyFacts) -> Result:
    if f.problem_count:
        return Result(Outcome.MET, f"{f.problem_count} problemen vastgesteld.")
    return Result(Outcome.NOT_MET, "Er is geen probleemanalyse.")


def c3_a_2(f: FamilyFacts) -> Result:
    if not f.problem_count:
        return Result(Outcome.NOT_MET, "Er is geen probleemanalyse.")
    if not f.has_plan:
        return Result(Outcome.NOT_MET, "Er is geen plan, dus geen doelen.")
    uncovered = f.problem_ids - f.problems_with_goal
    if not uncovered:
        return Result(Outcome.MET, f"Alle {f.problem_count} problemen hebben een doel.")
    return Result(Outcome.NOT_MET, f"{len(uncovered)} van de {f.problem_count} problemen hebben geen doel.")


def c3_a_3(f: FamilyFacts) -> Result:
    # toetsingskader C3.a.3 (Maastricht 2014 §3.3): plans missing, never updated, agreements loose beside them
    if not f.has_plan:
        return Result(Outcome.NOT_MET, "Er is geen plan.")
    if f.plan_approved_on is None:
        return Result(Outcome.NOT_MET, "Er is een plan, maar het gezin heeft niet ingestemd.")
    changed = f.plan_last_change_on
    if f.last_problem_on is not None and changed is not None and f.last_problem_on > changed:
        return Result(
            Outcome.NOT_MET,
            f"Na de laatste wijziging van het plan ({short_date(changed)}) is een nieuw probleem vastgesteld "
            f"({short_date(f.last_problem_on)}).",
        )
    return Result(
        Outcome.MET, "Er is een plan met instemming van het gezin, bijgewerkt na het laatste nieuwe probleem."
    )


def c3_a_4(f: FamilyFacts) -> Result:
    missing_domains = f.domains_total - f.domains_analysed
    missing_members = f.members_total - f.members_analysed
    if not missing_domains and not missing_members:
        return Result(Outcome.MET, "Alle leefgebieden en alle gezinsleden zijn geanalyseerd.")
    return Result(Outcome.NOT_MET, f"{missing_domains} leefgebieden en {missing_members} gezinsleden zonder analyse.")


def c3_b_2(f: FamilyFacts) -> Result:
    if f.started_on is not None:
        return Result(Outcome.MET, "Het gezin is in de aanpak en wordt niet losgelaten.")
    return Result(Outcome.UNKNOWN, "De aanpak is nog niet gestart.")


def c4_a_1(f: FamilyFacts) -> Result:
    if not f.has_coordinator:
        return Result(Outcome.NOT_MET, "Er is geen regisseur: niemand heeft de regie.")
    if f.started_on is not None and f.first_coordinator_on is not None:
        gap = (f.first_coordinator_on - f.started_on).days
        if gap > COORDINATOR_GRACE_DAYS:
            return Result(Outcome.NOT_MET, f"De eerste regisseur kwam pas {gap} dagen na de start.")
    return Result(Outcome.MET, "Er is één regisseur, vanaf de start.")


def c4_a_2(f: FamilyFacts) -> Result:
    if not f.has_coordinator:
        return Result(Outcome.NOT_MET, "Er is geen regisseur.")
    if f.coordinator_changes == 0:
        return Result(Outcome.MET, "Dezelfde regisseur voor de hele duur van de aanpak.")
    return Result(Outcome.NOT_MET, f"{f.coordinator_changes} keer een andere regisseur.")


def c4_b_2(f: FamilyFacts) -> Result:
    if not f.professional_actions:
        return Result(Outcome.UNKNOWN, "Er zijn geen acties van professionals in het plan.")
    if not f.overdue_professional_actions:
        return Result(Outcome.MET, f"Alle {f.professional_actions} acties van professionals lopen op tijd.")
    return Result(
        Outcome.NOT_MET,
        f"{f.overdue_professional_actions} van de {f.professional_actions} acties van professionals "
        "zijn over de datum.",
    )


def c4_c_1(f: FamilyFacts) -> Result:
    if f.has_active_consent:
        return Result(Outcome.MET, "Er is een geldige toestemmingsverklaring om informatie te delen.")
    return Result(Outcome.NOT_MET, "Er is geen geldige toestemmingsverklaring: er mag geen informatie worden gedeeld.")


# toetsingskader C3.b.1: going to the family, not waiting for it; an outreach contact this recently counts.
OUTREACH_DAYS = 90


def c3_b_1(f: FamilyFacts) -> Result:
    # reads as: since the start there was an outreach contact (home visit, elsewhere) in the last 90 days
    if f.started_on is None:
        return Result(Outcome.UNKNOWN, "De aanpak is nog niet gestart.")
    if f.last_outreach_on is None:
        if f.contacts == 0 and (f.as_of - f.started_on).days <= OUTREACH_DAYS:
            return Result(Outcome.UNKNOWN, "Nog geen contactmomenten vastgelegd.")
        return Result(Outcome.NOT_MET, f"Geen huisbezoek of contact bij het gezin zelf ({f.contacts} contactmomenten).")
    ago = (f.as_of - f.last_outreach_on).days
    if ago > OUTREACH_DAYS:
        return Result(Outcome.NOT_MET, f"Het laatste huisbezoek was {ago} dagen geleden.")
    return Result(Outcome.MET, f"Laatste huisbezoek {ago} dagen geleden ({short_date(f.last_outreach_on)}).")


def c5_b_3(f: FamilyFacts) -> Result:
    # reads as: every care request started, or is still waiting, within its limit (agreement, else norm)
    if not f.care_waits:
        return Result(Outcome.UNKNOWN, "Er is (nog) geen zorg aangevraagd.")
    late = [(days, limit) for days, limit, _ in f.care_waits if days > limit]
    if not late:
        return Result(
            Outcome.MET, f"Alle {len(f.care_waits)} zorgvragen zijn op tijd gestart of wachten binnen de termijn."
        )
    waiting = sum(1 for days, limit, started in f.care_waits if days > limit and not started)
    return Result(
        Outcome.NOT_MET,
        f"{len(late)} van de {len(f.care_waits)} zorgvragen over de termijn ({waiting} wachten nog); "
        f"langste wachttijd {max(days for days, _ in late)} dagen.",
    )


def c4_a_5(f: FamilyFacts) -> Result:
    # reads as: a stagnation (care waiting past its limit) is escalated, and no escalation stays open past the
    # whole ladder without an outcome
    stuck_care = [days for days, limit, started in f.care_waits if days > limit and not started]
    open_too_long = [(f.as_of - opened).days for opened, closed in f.escalations if closed is None]
    open_too_long = [days for days in open_too_long if days > f.ladder_days]
    if open_too_long:
        return Result(
            Outcome.NOT_MET,
            f"Een opschaling staat al {max(open_too_long)} dagen open zonder uitkomst (ladder: {f.ladder_days} dagen).",
        )
    if stuck_care and not f.escalations:
        return Result(
            Outcome.NOT_MET, f"Zorg wacht {max(stuck_care)} dagen, over de termijn, en er is niet opgeschaald."
        )
    if f.escalations:
        closed = sum(1 for _, c in f.escalations if c is not None)
        return Result(Outcome.MET, f"{len(f.escalations)} keer opgeschaald, {closed} met een uitkomst gesloten.")
    return Result(Outcome.UNKNOWN, "Geen stagnatie vastgelegd: er was niets op te schalen.")
