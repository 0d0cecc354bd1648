"""Demo: the rights of the family (issue 12 §9). Gezinsmanagement keeps its families' data fifteen years by a
decision of its own (the Integrale Aanpak the default twenty of the Jeugdwet), and the coordinator has corrected a
member's first name at the family's request, so the privacy officer's page shows a correction with its trail. And
the process manager has opened more families outside his own caseload than is usual (issue 12 §3), so the privacy
officer's page of unusual patterns has one to show (reads at night cannot be seeded: the database sets the time)."""

from datetime import date

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.audit import rules as log_rules
from gezinsregie.audit import services as audit
from gezinsregie.casework.models import FamilyStatus, Involvement
from gezinsregie.organisations.models import Approach
from gezinsregie.privacy import services
from gezinsregie.privacy.models import RetentionPeriod


def demo_privacy(*, gezinsmanagement: Approach, coordinator: User, today: date) -> None:
    RetentionPeriod.objects.create(
        approach=gezinsmanagement, years=15, basis="Besluit college van B&W Zeldenbroek, bewaartermijnen sociaal domein"
    )
    family = (
        policy.families_for(coordinator, policy.Permission.EDIT)
        .filter(status=FamilyStatus.ACTIVE, members__isnull=False)
        .order_by("reference")
        .first()
    )
    if family is None:
        return
    member = family.members.order_by("birth_date", "pk").first()
    assert member is not None
    services.family_rectify(
        actor=coordinator,
        family=family,
        member=member,
        field="first_name",
        value=f"{member.first_name}e" if not member.first_name.endswith("e") else member.first_name[:-1],
        reason="Op verzoek van de moeder: de voornaam was verkeerd gespeld bij de aanmelding.",
        today=today,
    )


def demo_unusual_reads(*, reader: User) -> int:
    """`reader` opens every family he may see but is not the coordinator, process manager or involved professional
    of, one more than the pattern's threshold at least: the privacy officer sees "las … gezinnen buiten de eigen
    caseload" with the families."""
    involved = Involvement.objects.filter(user=reader).values("family_id")
    outside = (
        policy.families_for(reader, policy.Permission.VIEW)
        .exclude(coordinator=reader)
        .exclude(process_manager=reader)
        .exclude(pk__in=involved)
        .order_by("reference")[: log_rules.OUTSIDE_CASELOAD_THRESHOLD + 2]
    )
    for family in outside:
        audit.record(actor=reader, action="family.view", family=family, obj=family)
    return len(outside)
