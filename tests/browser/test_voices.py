"""The voices the data cannot give (issue 13 §3), in the browser: the coordinator records an evaluation with the
family's answers to its two questions; a professional commits to the plan answering the partners' two."""

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.db.models import Exists, OuterRef
from playwright.sync_api import Page, expect

from gezinsregie.assessment.models import Answer, AnsweredHow, FamilyVoice, PartnerVoice
from gezinsregie.casework.models import Family, FamilyStatus
from gezinsregie.plans.models import PlanCommitment

pytestmark = pytest.mark.browser

GGZ = "GGZ Zeldenbroek"


def a_family_to_evaluate() -> Family:
    family = (
        Family.objects.filter(coordinator__username="regisseur", status=FamilyStatus.ACTIVE, plan__goals__isnull=False)
        .distinct()
        .order_by("reference")
        .first()
    )
    assert family is not None, "the demo has such a family"
    return family


def a_plan_ggz_has_not_confirmed() -> Family:
    confirmed = PlanCommitment.objects.filter(
        plan=OuterRef("plan"), organisation__name=GGZ, version=OuterRef("plan__version")
    )
    family = (
        Family.objects.filter(
            status=FamilyStatus.ACTIVE,
            plan__isnull=False,
            involvements__user__username="professional",
            involvements__status="accepted",
            consents__organisations__name=GGZ,
            consents__withdrawn_on__isnull=True,
        )
        .exclude(Exists(confirmed))
        .distinct()
        .order_by("reference")
        .first()
    )
    assert family is not None, "the demo leaves a plan for GGZ to confirm"
    return family


def answer(page: Page, question: str, choice: str) -> None:
    page.get_by_role("group", name=question).get_by_label(choice, exact=True).check()


def test_the_family_answers_at_the_evaluation_and_the_partner_when_committing(
    login: Callable[[str], Page], live_server: Any
) -> None:
    family = a_family_to_evaluate()
    voices = FamilyVoice.objects.filter(family=family).count()

    # 1. The coordinator evaluates with the family, who answers the two questions with her there.
    page = login("regisseur")
    page.goto(f"{live_server.url}/gezinnen/{family.pk}/traject/")
    page.get_by_role("link", name="Evaluatie vastleggen").click()
    page.get_by_label("Wat het gezin zelf zegt").fill("Het gaat rustiger; de post ligt niet meer op de mat.")
    for select in page.get_by_label(re.compile("^Doel: ")).all():
        select.select_option(label="deels bereikt")
    expect(page.get_by_role("group", name="Vragen aan het gezin")).to_contain_text("We vragen dit bij elke evaluatie")
    answer(page, "Heeft u vertrouwen in uw regisseur?", "ja")
    page.get_by_role("button", name="Evaluatie vastleggen").click()
    # one answer asks for the other: nothing written, the page says what is missing and keeps what was typed
    expect(page.locator("main")).to_contain_text("Vul ook in of de hulpverleners goed samenwerken")
    expect(page.get_by_label("Wat het gezin zelf zegt")).to_have_value(re.compile("Het gaat rustiger"))
    assert FamilyVoice.objects.filter(family=family).count() == voices
    answer(page, "Werken de hulpverleners goed samen voor uw gezin?", "een beetje")
    page.get_by_label("Wat wilt u nog zeggen?").fill("Ik vertel mijn verhaal nog vaak twee keer.")
    page.get_by_role("button", name="Evaluatie vastleggen").click()
    expect(page.get_by_role("status").first).to_contain_text("De evaluatie is vastgelegd")
    expect(page.locator("main")).to_contain_text("Ik vertel mijn verhaal nog vaak twee keer.")
    voice = FamilyVoice.objects.filter(family=family).latest("pk")
    assert (voice.trusts_coordinator, voice.help_fits_together) == (Answer.YES, Answer.PARTLY)
    assert voice.answered_how == AnsweredHow.WITH_COORDINATOR
    page.get_by_role("button", name="Uitloggen").click()

    # 2. The GGZ professional confirms the plan for GGZ and answers the partners' two questions with it.
    family = a_plan_ggz_has_not_confirmed()
    page = login("professional")
    page.goto(f"{live_server.url}/gezinnen/{family.pk}/plan/")
    answer(page, "Is de regisseur voor uw organisatie degene die de hulp aan dit gezin afstemt?", "nee")
    answer(page, "Heeft u genoeg informatie om de problemen van dit gezin in samenhang aan te pakken?", "een beetje")
    page.get_by_label("Toelichting").fill("We hoorden pas bij de rondetafel wie de regisseur is.")
    page.get_by_role("button", name=re.compile(f"^{GGZ} werkt volgens versie")).click()
    expect(page.get_by_role("status").first).to_contain_text(f"Vastgelegd: {GGZ} werkt volgens versie")
    expect(page.locator("main")).to_contain_text("We hoorden pas bij de rondetafel wie de regisseur is.")
    answered = PartnerVoice.objects.get(family=family, commitment__isnull=False)
    assert answered.organisation.name == GGZ and answered.answered_by.username == "professional"
    assert (answered.recognises_coordinator, answered.information_sufficient) == (Answer.NO, Answer.PARTLY)
