"""Issue 12 §4, pseudonymisation that holds: identifiers of every kind planted in a family's texts (through the
normal services and factories, on PostgreSQL), the inspector's case view rendered over HTTP as the inspector —
none of them shows, the content words still do. And the inspector never sees the reference that becomes the
pseudonym. Uses the library (deduce): the first test in a process waits for it to load (seconds)."""

from datetime import date

import pytest
from django.urls import reverse

from gezinsregie.casework.models import MemberRelation, NetworkInfluence, NetworkTie, Severity
from gezinsregie.casework.services.network import NetworkInput, network_person_add
from gezinsregie.inspections import services
from gezinsregie.inspections.models import CaseReview, Inspection
from gezinsregie.inspections.pseudonymise import library
from gezinsregie.plans import services as plan_services
from gezinsregie.plans.models import OwnerKind
from gezinsregie.plans.services import Owner
from tests.builder import Builder
from tests.worlds.inspections import InspectionWorld

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def library_loaded() -> None:
    """Load deduce once, before the clock travels (its cache is checked against the real time)."""
    library.warm()


# What a professional types into the casework, and the identifiers in it that must not reach the inspector.
PROBLEM = (
    "Mo (Mohammeds bijnaam) en Sanne's broer Jeroen Visser wonen sinds 12 maart 2025 aan de Lindelaan 14 in "
    "Noordhoek; eerder aan de Kerkstraat 5, 3512 AB, in de Vogelbuurt. Huurachterstand, dreigende ontruiming."
)
GOAL = "Noahtje (geboren 03-04-2015) gaat weer elke dag naar school; juf Annelies van de Regenboogschool helpt."
ACTION = (
    "Buurvrouw Fatima Yilmaz (tel. 06-12345678, fatima.yilmaz@example.nl) brengt Noah; Gina Geest van de GGZ "
    "belt Amrani over BSN 123456782 en rekening NL91ABNA0417164300. Piet belt mw. Pietersen."
)
INTERVIEW = "Gesprek met Sanne de Vries (36) en Mo op 3 juni 2025; 010-2345678 teruggebeld door Gina."

PLANTED = [
    "Mohammed",  # the member's first name, in its inflection
    "Mohammeds",
    "Mo ",  # the nickname
    "(Mo",
    "Sanne",
    "Noahtje",
    "Noah",
    "Amrani",  # the member's surname, alone
    "Vries",
    "Jeroen",  # a third party
    "Visser",
    "Lindelaan",  # the family's street, with another house number
    "Noordhoek",  # the family's neighbourhood
    "Kerkstraat",  # another street
    "Vogelbuurt",  # another neighbourhood
    "3512",  # a postcode
    "12 maart 2025",  # exact dates
    "03-04-2015",
    "3 juni 2025",
    "Annelies",  # a teacher
    "Regenboogschool",
    "Fatima",  # the network person
    "Yilmaz",
    "06-12345678",  # phone numbers
    "2345678",
    "fatima.yilmaz@example.nl",  # e-mail
    "123456782",  # a BSN
    "NL91ABNA",  # an account
    "Gina",  # staff
    "Geest",
    "Piet",
    "Pietersen",
    "(36)",  # an age beside a name
]
CONTENT = ["Huurachterstand", "dreigende ontruiming", "naar school", "GGZ", "Buurvrouw", "teruggebeld", "maart 2025"]


def plant(iw: InspectionWorld) -> None:
    b = Builder(iw.today)
    family = iw.families["mandated"]
    b.member(family, "Mohammed", "El Amrani", date(1985, 1, 9), MemberRelation.PARENT)
    b.involvement(family, iw.ggz_prof, iw.ggz)  # Gina Geest works with the family
    domain = family.problems.first().domain  # type: ignore[union-attr]
    problem = b.problem(
        family, domain, PROBLEM, severity=Severity.SEVERE, identified_on=b.ago(30), recorded_by=iw.process_manager
    )
    network_person_add(
        actor=iw.process_manager,
        family=family,
        data=NetworkInput(
            name="Fatima Yilmaz",
            tie=NetworkTie.NEIGHBOUR,
            influence=NetworkInfluence.SUPPORTIVE,
            relation="buurvrouw",
        ),
    )
    plan = family.plan
    plan.refresh_from_db()
    goal = plan_services.plan_add_goal(
        actor=iw.process_manager,
        plan=plan,
        expected_version=plan.version,
        problem=problem,
        description=GOAL,
        priority=3,
        term="short",
    )
    plan.refresh_from_db()
    plan_services.plan_add_action(
        actor=iw.process_manager,
        goal=goal,
        expected_version=plan.version,
        description=ACTION,
        owner=Owner(OwnerKind.NETWORK, name="Fatima Yilmaz"),
        due_on=b.ahead(10),
    )


def select(iw: InspectionWorld, inspection: Inspection) -> CaseReview:
    inspector = iw.client_for(iw.inspector)
    family = iw.families["mandated"]
    inspector.post(reverse("inspections:case_select", args=[inspection.pk]), {"family": family.pk})
    return CaseReview.objects.get(inspection=inspection, family=family)


def test_none_of_the_planted_identifiers_reaches_the_inspector(
    iw: InspectionWorld, case_inspection: Inspection
) -> None:
    plant(iw)
    review = select(iw, case_inspection)
    services.interview_add(
        actor=iw.inspector, case_review=review, kind="family", held_on=iw.today, interviewee="", summary=INTERVIEW
    )
    response = iw.client_for(iw.inspector).get(reverse("inspections:case_review", args=[case_inspection.pk, review.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert len(PLANTED) >= 20
    shown = [identifier for identifier in PLANTED if identifier in page]
    assert shown == []
    for word in CONTENT:
        assert word in page, word
    assert "Ouder 1" in page and "Kind 1" in page and "iemand uit het netwerk" in page
    assert "[telefoonnummer]" in page and "[bsn]" in page and "[e-mail]" in page


def test_a_full_mandate_still_shows_the_texts_as_written(iw: InspectionWorld, case_inspection: Inspection) -> None:
    plant(iw)
    family = iw.families["full"]
    iw.client_for(iw.inspector).post(
        reverse("inspections:case_select", args=[case_inspection.pk]), {"family": family.pk}
    )
    review = CaseReview.objects.get(inspection=case_inspection, family=family)
    page = iw.client_for(iw.inspector).get(reverse("inspections:case_review", args=[case_inspection.pk, review.pk]))
    assert "Gezin Bakker" in page.content.decode()


def test_the_inspector_never_sees_the_reference_that_becomes_the_pseudonym(
    iw: InspectionWorld, case_inspection: Inspection
) -> None:
    inspector = iw.client_for(iw.inspector)
    references = [f.reference for f in iw.families.values()]
    pages = [
        inspector.get(reverse("inspections:case_select", args=[case_inspection.pk])).content.decode(),
        inspector.get("/").content.decode(),
    ]
    review = select(iw, case_inspection)
    pages.append(inspector.get(reverse("inspections:case_select", args=[case_inspection.pk])).content.decode())
    pages.append(
        inspector.get(reverse("inspections:case_review", args=[case_inspection.pk, review.pk])).content.decode()
    )
    for page in pages:
        assert not [r for r in references if r in page]
    assert "Kandidaat " in pages[0] and "gezinnen hebben een geldige machtiging" in pages[1]
    assert review.pseudonym == "Gezin A"


def test_the_candidate_labels_are_fixed_per_inspection_and_differ_between_inspections(
    iw: InspectionWorld, case_inspection: Inspection
) -> None:
    from gezinsregie.inspections.selectors.case import candidate_label

    family = iw.families["mandated"]
    assert candidate_label(case_inspection.pk, family.pk) == candidate_label(case_inspection.pk, family.pk)
    assert candidate_label(case_inspection.pk, family.pk) != candidate_label(case_inspection.pk + 1, family.pk)
    assert family.reference not in candidate_label(case_inspection.pk, family.pk)
