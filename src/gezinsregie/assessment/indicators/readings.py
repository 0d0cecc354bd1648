"""The readings of the indicators up to the plan: one pure function per indicator (see __init__ for the tables)."""

from django.utils.translation import ngettext

from gezinsregie.assessment.indicators.base import COORDINATOR_GRACE_DAYS, FamilyFacts, Outcome, Result
from gezinsregie.casework import rules as casework_rules
from gezinsregie.common.formatting import long_date, n_days


def _domains(f: FamilyFacts) -> str:
    return ", ".join(sorted(f.chronic_domains_needing_help))


def c1_a_1(f: FamilyFacts) -> Result:
    """Reads as: minor children, and chronic problems the family cannot solve itself on at least four of the
    seven life domains of the STJ definition (an approach's own 8 or 13 domains counted by the STJ domain each
    falls under: geestelijke and lichamelijke gezondheid are one)."""
    if not f.problem_count:
        return Result(Outcome.UNKNOWN, "Nog geen probleemanalyse.")
    if not f.children:
        return Result(Outcome.NOT_MET, "Geen minderjarige kinderen in het gezin; de definitie GGSR gaat over gezinnen.")
    n = len(f.chronic_domains_needing_help)
    if casework_rules.meets_ggsr_definition(f.chronic_domains_needing_help):
        return Result(
            Outcome.MET,
            f"Chronische problemen die het gezin niet zelf kan oplossen op {n} leefgebieden van de STJ-definitie "
            f"({_domains(f)}); {ngettext('%(n)d kind', '%(n)d kinderen', f.children) % {'n': f.children}}.",
        )
    minimum = casework_rules.GGSR_MINIMUM_DOMAINS
    return Result(
        Outcome.NOT_MET,
        f"Chronische problemen die het gezin niet zelf kan oplossen op "
        f"{ngettext('%(n)d leefgebied', '%(n)d leefgebieden', n) % {'n': n}} van de STJ-definitie"
        f"{' (' + _domains(f) + ')' if n else ''}; de definitie vraagt er minstens {minimum}.",
    )


def c1_a_2(f: FamilyFacts) -> Result:
    """Reads as: this episode began with an aanmelding (or a signal, where the approach takes that as one)."""
    if f.has_referral:
        return Result(Outcome.MET, f"Aangemeld op {long_date(f.registered_on)}.")
    if f.entered_by_signal:
        return Result(Outcome.MET, f"Terug via een signaal op {long_date(f.registered_on)}; de aanpak neemt dat aan.")
    return Result(Outcome.NOT_MET, "In dit traject is geen aanmelding vastgelegd.")


def c1_a_3(f: FamilyFacts) -> Result:
    # toetsingskader C1.a.3 / Maastricht §2.6: start within the approach's norm (default a month)
    late = casework_rules.start_is_late(
        registered_on=f.registered_on, started_on=f.started_on, today=f.as_of, norm_days=f.start_norm_days
    )
    if f.started_on is None:
        waited = casework_rules.days_between(f.registered_on, f.as_of)
        if late:
            return Result(
                Outcome.NOT_MET, f"Nog niet gestart, {n_days(waited)} na aanmelding (norm {f.start_norm_days})."
            )
        return Result(Outcome.UNKNOWN, f"Nog niet gestart; {n_days(waited)} na aanmelding, binnen de norm.")
    days = casework_rules.days_between(f.registered_on, f.started_on)
    outcome = Outcome.NOT_MET if late else Outcome.MET
    return Result(outcome, f"Gestart {n_days(days)} na aanmelding (norm {f.start_norm_days}).")


def c2_a_1(f: FamilyFacts) -> Result:
    if not f.problem_count:
        return Result(Outcome.NOT_MET, "Er is geen probleemanalyse.")
    without = f.problem_count - f.problems_with_family
    if without == 0:
        return Result(Outcome.MET, f"Alle {f.problem_count} problemen zijn met het gezin vastgesteld.")
    return Result(Outcome.NOT_MET, f"{without} van de {f.problem_count} problemen zijn zonder het gezin vastgesteld.")


def c2_a_2(f: FamilyFacts) -> Result:
    """Reads as: the goals were set with the family, and none was added after the family last agreed."""
    if not f.has_plan:
        return Result(Outcome.NOT_MET, "Er is geen plan.")
    if not f.goals_set_with_family:
        return Result(Outcome.NOT_MET, "De doelen zijn niet met het gezin bepaald.")
    if f.goals_after_approval:
        return Result(
            Outcome.NOT_MET, f"{f.goals_after_approval} doelen zijn toegevoegd nadat het gezin met het plan instemde."
        )
    return Result(Outcome.MET, "De doelen zijn met het gezin bepaald.")


def c2_a_3(f: FamilyFacts) -> Result:
    """Reads as: the family agreed to the plan as it stands now (its current version), not to an older one."""
    if not f.has_plan:
        return Result(Outcome.NOT_MET, "Er is geen plan.")
    if f.plan_approved_on is None:
        return Result(Outcome.NOT_MET, "Het gezin heeft (nog) niet ingestemd met het plan.")
    if f.approved_version is not None and f.plan_version is not None and f.approved_version < f.plan_version:
        return Result(
            Outcome.NOT_MET,
            f"Het gezin stemde in met versie {f.approved_version}; het plan is nu versie {f.plan_version}.",
        )
    return Result(Outcome.MET, f"Het gezin stemde op {long_date(f.plan_approved_on)} in met het plan zoals het nu is.")


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
    """Reads as: every problem the family cannot (yet) solve alone has help: an action of a professional or a
    network person in the plan — a goal alone is no help yet."""
    if not f.problem_count:
        return Result(Outcome.NOT_MET, "Er is geen probleemanalyse.")
    needing_help = f.problem_ids - f.own_strength_problem_ids
    unhelped = needing_help - f.problems_helped
    if not unhelped:
        return Result(
            Outcome.MET, f"Bij alle {len(needing_help)} problemen die het gezin niet zelf oplost, helpt iemand."
        )
    return Result(
        Outcome.NOT_MET,
        f"{len(unhelped)} van de {len(needing_help)} problemen die het gezin niet zelf oplost, hebben geen actie "
        "van een professional of iemand uit het netwerk.",
    )


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
    """Reads as: the problems of the family and of each member are analysed (a problem or a score per member)."""
    if not f.problem_count:
        return Result(Outcome.NOT_MET, "Er is geen probleemanalyse.")
    missing = f.members_total - f.members_analysed
    if missing:
        return Result(
            Outcome.NOT_MET, f"{f.problem_count} problemen vastgesteld, maar {missing} gezinsleden zonder analyse."
        )
    return Result(
        Outcome.MET, f"{f.problem_count} problemen vastgesteld; alle {f.members_total} gezinsleden geanalyseerd."
    )


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
    """Reads as: one joint plan — the family agreed to its current version, it was updated after the latest new
    problem, and every involved organisation confirmed it works by it (Maastricht 2014 §3.3; rapportage 21
    gemeenten §3.4: the plan led the professionals in only 43%)."""
    if not f.has_plan:
        return Result(Outcome.NOT_MET, "Er is geen plan.")
    gaps = []
    if f.plan_approved_on is None:
        gaps.append("het gezin heeft niet ingestemd")
    elif f.approved_version is not None and f.plan_version is not None and f.approved_version < f.plan_version:
        gaps.append(f"het gezin stemde in met versie {f.approved_version}, niet met versie {f.plan_version}")
    changed = f.plan_last_change_on
    if f.last_problem_on is not None and changed is not None and f.last_problem_on > changed:
        gaps.append(f"na de laatste wijziging ({long_date(changed)}) kwam een nieuw probleem")
    uncommitted = f.involved_organisations - f.committed_organisations
    if uncommitted:
        gaps.append(f"{len(uncommitted)} betrokken organisaties bevestigden de huidige versie niet")
    if gaps:
        return Result(Outcome.NOT_MET, "Er is een plan, maar " + "; ".join(gaps) + ".")
    return Result(Outcome.MET, "Eén plan: met instemming van het gezin, bijgewerkt, en bevestigd door de partners.")


def c3_a_4(f: FamilyFacts) -> Result:
    """Reads as: the plan reaches every member and every life domain: each is examined (a problem or a score,
    so a child without problems is no gap once scored) and every problem has a goal in the plan."""
    missing_domains = f.domains_total - f.domains_analysed
    missing_members = f.members_total - f.members_analysed
    without_goal = len(f.problem_ids - f.problems_with_goal)
    if not missing_domains and not missing_members and not without_goal:
        return Result(Outcome.MET, "Alle gezinsleden en leefgebieden zijn bekeken en elk probleem heeft een doel.")
    return Result(
        Outcome.NOT_MET,
        f"{missing_domains} leefgebieden en {missing_members} gezinsleden niet bekeken; "
        f"{without_goal} problemen zonder doel in het plan.",
    )


def c3_b_2(f: FamilyFacts) -> Result:
    """Reads as: the family is not let go — contact at least every CONTACT_GAP_DAYS, also knocking on a closed
    door; a family that stops cooperating gets measures considered; leaving without cooperation is let go."""
    if f.started_on is None:
        return Result(Outcome.UNKNOWN, "De aanpak is nog niet gestart.")
    if f.closure is not None:
        if f.closure.reason == "stopped_cooperating":
            return Result(Outcome.NOT_MET, "Afgesloten omdat het gezin niet meer meewerkte: het gezin is losgelaten.")
        return Result(Outcome.MET, "Het gezin is vastgehouden tot de afsluiting.")
    since = f.not_cooperating_since
    if since is not None and (f.as_of - since).days > NOT_COOPERATING_DAYS and not f.measures_considered:
        return Result(
            Outcome.NOT_MET, f"Het gezin werkt niet mee sinds {long_date(since)}; geen drang of dwang overwogen."
        )
    last = f.last_contact_on or f.started_on
    gap = (f.as_of - last).days
    if gap > CONTACT_GAP_DAYS:
        return Result(Outcome.NOT_MET, f"Al {n_days(gap)} geen contact (ook geen poging) met het gezin.")
    if f.last_contact_on is None:
        return Result(Outcome.UNKNOWN, "Nog geen contactmomenten vastgelegd.")
    return Result(Outcome.MET, f"Laatste contact {n_days(gap)} geleden; het gezin wordt vastgehouden.")


def c4_a_1(f: FamilyFacts) -> Result:
    if not f.has_coordinator:
        return Result(Outcome.NOT_MET, "Er is geen regisseur: niemand heeft de regie.")
    if f.started_on is not None and f.first_coordinator_on is not None:
        gap = (f.first_coordinator_on - f.started_on).days
        if gap > COORDINATOR_GRACE_DAYS:
            return Result(Outcome.NOT_MET, f"De eerste regisseur kwam pas {n_days(gap)} na de start.")
    return Result(Outcome.MET, "Er is één regisseur, vanaf de start.")


def c4_a_2(f: FamilyFacts) -> Result:
    if not f.has_coordinator:
        return Result(Outcome.NOT_MET, "Er is geen regisseur.")
    if f.coordinator_changes == 0:
        return Result(Outcome.MET, "Dezelfde regisseur voor de hele duur van de aanpak.")
    return Result(Outcome.NOT_MET, f"{f.coordinator_changes} keer een andere regisseur.")


def c4_b_2(f: FamilyFacts) -> Result:
    """Reads as: the partners keep their agreements — their actions in the plan (round-table agreements included)
    are done on time, and their answers to binding decisions came, in time, and were not refusals."""
    broken_decisions = sum(
        1
        for _, answer_by, acked, refused in f.decisions
        if refused is not None or (acked is None and answer_by < f.as_of)
    )
    if not f.professional_actions and not f.decisions:
        return Result(Outcome.UNKNOWN, "Er zijn geen afspraken met professionals in het plan of besluiten.")
    if not f.overdue_professional_actions and not broken_decisions:
        return Result(
            Outcome.MET,
            f"Alle {f.professional_actions} acties van professionals lopen op tijd; "
            f"{len(f.decisions)} besluiten zijn op tijd bevestigd.",
        )
    return Result(
        Outcome.NOT_MET,
        f"{f.overdue_professional_actions} van de {f.professional_actions} acties van professionals over de datum; "
        f"{broken_decisions} besluiten geweigerd of zonder reactie.",
    )


def c4_c_1(f: FamilyFacts) -> Result:
    """Reads as: information may be shared with everyone who works with the family: a consent in force that
    names every involved organisation."""
    if not f.has_active_consent:
        return Result(
            Outcome.NOT_MET, "Er is geen geldige toestemmingsverklaring: er mag geen informatie worden gedeeld."
        )
    outside = f.involved_organisations - f.consented_organisations
    if outside:
        return Result(
            Outcome.NOT_MET, f"{len(outside)} betrokken organisaties staan niet in de toestemmingsverklaring."
        )
    return Result(Outcome.MET, "De toestemmingsverklaring noemt alle betrokken organisaties.")


# toetsingskader C3.b.2 ("vastpakken en niet meer loslaten"): at least a contact (or an attempt) this often, and
# drang en dwang considered within a month of a family no longer cooperating.
CONTACT_GAP_DAYS = 60
NOT_COOPERATING_DAYS = 30

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
        return Result(Outcome.NOT_MET, f"Het laatste huisbezoek was {n_days(ago)} geleden.")
    return Result(Outcome.MET, f"Laatste huisbezoek {n_days(ago)} geleden ({long_date(f.last_outreach_on)}).")


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
