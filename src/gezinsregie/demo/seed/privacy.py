"""Demo: the rights of the family (issue 12 §9). Gezinsmanagement keeps its families' data fifteen years by a
decision of its own (the Integrale Aanpak the default twenty of the Jeugdwet), and the coordinator has corrected a
member's first name at the family's request, so the privacy officer's page shows a correction with its trail."""

from datetime import date

from gezinsregie import policy
from gezinsregie.accounts.models import User
from gezinsregie.casework.models import FamilyStatus
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
