"""One way to build a scenario: a small Builder on top of tests/factories.py.

The worlds in tests/worlds/ are composed from it. A Builder fixes "today" once, so every date in a world is
relative to the same day (in database tests that day is the frozen one, see tests/conftest.py):

    b = Builder()
    wijkteam = b.organisation("Wijkteam Noord")
    fatima = b.person(Role.COORDINATOR, wijkteam, "regisseur", "Fatima", "El Amrani")
    family = b.family(approach, name="Gezin De Vries", registered=60, started=50, coordinator=fatima)
    b.member(family, "Sanne", "de Vries", date(1988, 4, 2), MemberRelation.PARENT)

Whatever a call does not name comes from the factory (Dutch fake data).
"""

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from gezinsregie.accounts.models import User
from gezinsregie.casework.models import (
    Consent,
    Family,
    InspectionMandate,
    Involvement,
    Member,
    Problem,
    Referral,
)
from gezinsregie.casework.services.episodes import episode_current, episode_mirror
from gezinsregie.casework.workflow import AftercareEndReason, ClosureReason, FamilyStatus
from gezinsregie.organisations.models import Approach, Municipality, Organisation, OrganisationKind
from gezinsregie.trajectory.models import Aftercare, Closure, Evaluation, EvaluationKind
from tests.factories import (
    ApproachFactory,
    ConsentFactory,
    FamilyFactory,
    InspectionMandateFactory,
    InvolvementFactory,
    MemberFactory,
    MembershipFactory,
    MunicipalityFactory,
    OrganisationFactory,
    ProblemFactory,
    ReferralFactory,
    UserFactory,
)


class Builder:
    def __init__(self, today: date | None = None) -> None:
        self.today = today or timezone.localdate()

    def ago(self, days: int) -> date:
        return self.today - timedelta(days=days)

    def ahead(self, days: int) -> date:
        return self.today + timedelta(days=days)

    # --- organisations ---

    def municipality(self, name: str | None = None, **fields: Any) -> Municipality:
        return MunicipalityFactory(**({"name": name} if name else {}), **fields)

    def organisation(
        self, name: str | None = None, kind: str = OrganisationKind.PARTNER, **fields: Any
    ) -> Organisation:
        """A network partner by default; `kind` MUNICIPALITY (give `municipality=`) or INSPECTORATE."""
        if name:
            fields["name"] = name
        if kind == OrganisationKind.MUNICIPALITY:
            return OrganisationFactory(municipal=True, **fields)
        if kind == OrganisationKind.INSPECTORATE:
            return OrganisationFactory(inspectorate=True, **fields)
        return OrganisationFactory(**fields)

    def approach(self, municipality: Municipality, *, partners: Iterable[Organisation] = (), **fields: Any) -> Approach:
        return ApproachFactory(municipality=municipality, partners=list(partners), **fields)

    # --- people ---

    def person(
        self,
        role: str,
        organisation: Organisation,
        username: str | None = None,
        first_name: str | None = None,
        last_name: str | None = None,
        *,
        approach: Approach | None = None,
    ) -> User:
        """A user with one active membership: `role` at `organisation` (for `approach`, if the role needs one)."""
        names = {"username": username, "first_name": first_name, "last_name": last_name}
        user = UserFactory(**{key: value for key, value in names.items() if value is not None})
        MembershipFactory(user=user, organisation=organisation, role=role, approach=approach)
        return user

    # --- casework ---

    def family(
        self, approach: Approach, *, registered: int | None = None, started: int | None = None, **fields: Any
    ) -> Family:
        """`registered` and `started`: days ago (the factory picks realistic ones when left out)."""
        if registered is not None:
            fields["registered_on"] = self.ago(registered)
        if started is not None:
            fields["started_on"] = self.ago(started)
        return FamilyFactory(approach=approach, **fields)

    def member(self, family: Family, first_name: str, last_name: str, birth_date: date, relation: str) -> Member:
        return MemberFactory(
            family=family, first_name=first_name, last_name=last_name, birth_date=birth_date, relation=relation
        )

    def problem(self, family: Family, domain: object, description: str, **fields: Any) -> Problem:
        return ProblemFactory(family=family, domain=domain, description=description, **fields)

    def referral(self, family: Family, **fields: Any) -> Referral:
        return ReferralFactory(family=family, **fields)

    def consent(self, family: Family, organisations: Iterable[Organisation], **fields: Any) -> Consent:
        return ConsentFactory(family=family, organisations=list(organisations), **fields)

    def involvement(self, family: Family, user: User, organisation: Organisation, **fields: Any) -> Involvement:
        return InvolvementFactory(family=family, user=user, organisation=organisation, **fields)

    def mandate(self, family: Family, organisation: Organisation, **fields: Any) -> InspectionMandate:
        return InspectionMandateFactory(family=family, organisation=organisation, **fields)

    def aftercare(self, family: Family, watcher: User, *, ended_on: date | None = None) -> Aftercare:
        """A family closed with aftercare: its episode, a final evaluation, the closure and the watch."""
        episode = episode_current(family)
        closed_on = self.ago(20)
        family.status = FamilyStatus.CLOSED if ended_on else FamilyStatus.AFTERCARE
        family.started_on = family.started_on or self.ago(200)
        family.registered_on = min(family.registered_on, family.started_on)
        family.closed_on = closed_on
        family.save()
        episode_mirror(family, episode)
        evaluation = Evaluation.objects.create(
            family=family,
            episode=episode,
            kind=EvaluationKind.FINAL,
            held_on=closed_on,
            with_family=True,
            family_view="Het gaat goed.",
            recorded_by=watcher,
        )
        closure = Closure.objects.create(
            family=family,
            episode=episode,
            closed_on=closed_on,
            reason=ClosureReason.GOALS_REACHED,
            final_evaluation=evaluation,
            no_further_care=True,
            closed_by=watcher,
        )
        return Aftercare.objects.create(
            family=family,
            episode=episode,
            closure=closure,
            watcher=watcher,
            signals="Huurachterstand, schoolverzuim.",
            whom_to_call="De procesmanager.",
            starts_on=closed_on,
            ended_on=ended_on,
            end_reason=AftercareEndReason.COMPLETED if ended_on else "",
        )
