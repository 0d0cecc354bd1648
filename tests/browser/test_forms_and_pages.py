"""Forms that help and pages that say what matters (issue 14 §3 and §4), as users walk them in a real browser.

The whole demo world is built on the frozen clock (tests/clock.py), so ages and overdue actions are fixed.
"""

import re
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import Page, expect

from gezinsregie.accounts.models import User
from gezinsregie.casework import rules, workflow
from gezinsregie.casework.models import Consent, Family, Involvement
from gezinsregie.common.formatting import long_date
from gezinsregie.inspections import selectors as inspection_selectors
from gezinsregie.inspections.models import Answer, ImprovementPoint, Inspection
from gezinsregie.plans.models import Action, ActionStatus
from tests.clock import FROZEN_NOW

pytestmark = pytest.mark.browser

APPROACH = re.compile("Integrale Aanpak Veiligheidshuis")


@pytest.fixture(autouse=True)
def clock() -> Iterator[None]:
    """Before the demo world is built (the fixture `login` asks for it), so the demo's dates hang off FROZEN_NOW."""
    with time_machine.travel(FROZEN_NOW, tick=True):
        yield


def open_registration(page: Page, live_server: Any) -> None:
    page.goto(f"{live_server.url}/aanmelden/")
    choose = page.get_by_role("link", name=APPROACH)
    if choose.count():
        choose.click()


def fill_family(page: Page, *, name: str = "Gezin Zonneveld") -> None:
    page.get_by_label("Naam van het gezin").fill(name)
    page.get_by_label("Adres").fill("Havenstraat 12, 9999 ZB Zeldenbroek")
    page.get_by_label("Wijk").select_option("Havenkwartier")
    page.get_by_label("Bron van de aanmelding").select_option("school")
    page.get_by_label("Reden van aanmelding").fill("Kinderen komen vaak niet op school; moeder is overbelast.")
    page.get_by_label("Wonen/huishouding").check()


def fill_member(page: Page, index: int, first: str, born: str, relation: str) -> None:
    page.locator(f"#id_lid-{index}-first_name").fill(first)
    page.locator(f"#id_lid-{index}-last_name").fill("Zonneveld")
    page.locator(f"#id_lid-{index}-birth_date").fill(born)
    page.locator(f"#id_lid-{index}-relation").select_option(relation)


def test_a_bad_registration_lists_every_error_with_links_and_the_members_error_beside_that_member(
    login: Callable[[str], Page], live_server: Any
) -> None:
    page = login("procesmanager")
    open_registration(page, live_server)
    page.get_by_label("Reden van aanmelding").fill("Zorgen over de kinderen.")
    fill_member(page, 0, "Marloes", "1984-04-02", "parent")
    page.get_by_role("button", name="Nog een gezinslid toevoegen").click()
    fill_member(page, 1, "Jesse", (timezone.localdate() + timedelta(days=10)).isoformat(), "child")
    page.get_by_role("button", name="Aanmelden", exact=True).click()

    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()  # the keyboard and the screen reader start at the summary
    expect(summary).to_contain_text("Naam van het gezin")
    expect(summary).to_contain_text("Leefgebieden waarover zorgen zijn")
    expect(summary).to_contain_text("Gezinslid 2: Geboortedatum")
    jesse = page.get_by_test_id("gezinslid").nth(1)
    expect(jesse.locator(".utrecht-form-field-error-message")).to_contain_text("toekomst")  # beside Jesse
    expect(page.get_by_test_id("gezinslid").nth(0).locator(".utrecht-form-field-error-message")).to_have_count(0)

    summary.get_by_role("link", name=re.compile("Gezinslid 2: Geboortedatum")).click()
    expect(page.locator("#id_lid-1-birth_date")).to_be_focused()
    summary.get_by_role("link", name=re.compile("Naam van het gezin")).click()
    expect(page.get_by_label("Naam van het gezin")).to_be_focused()
    # a screen reader reads the error with the field: it is the field's accessible description
    name_error = page.locator(f"#{page.get_by_label('Naam van het gezin').get_attribute('id')}-fout").inner_text()
    expect(page.get_by_label("Naam van het gezin")).to_have_accessible_description(re.compile(re.escape(name_error)))
    assert not Family.objects.filter(name="").exists()


def test_members_are_added_without_reloading_the_form(login: Callable[[str], Page], live_server: Any) -> None:
    page = login("procesmanager")
    open_registration(page, live_server)
    page.get_by_label("Naam van het gezin").fill("Gezin Zonneveld")
    page.evaluate("window.nietHerladen = true")
    add = page.get_by_role("button", name="Nog een gezinslid toevoegen")
    add.click()
    add.click()

    expect(page.get_by_test_id("gezinslid")).to_have_count(3)
    expect(page.locator("#id_lid-2-first_name")).to_be_focused()
    expect(page.get_by_test_id("gezinslid").nth(2)).to_contain_text("Gezinslid 3")
    assert page.evaluate("window.nietHerladen") is True  # the same page: nothing was sent
    assert page.locator("#id_lid-TOTAL_FORMS").input_value() == "3"
    expect(page.get_by_label("Naam van het gezin")).to_have_value("Gezin Zonneveld")


def test_a_sixteen_year_old_parent_is_confirmed_and_the_user_lands_on_the_new_family_with_its_address(
    login: Callable[[str], Page], live_server: Any
) -> None:
    today = timezone.localdate()
    born = today.replace(year=today.year - 16) - timedelta(days=30)
    page = login("procesmanager")
    open_registration(page, live_server)
    expect(page.get_by_label("Wijk").locator("option").first).to_have_text("Kies een wijk")  # a list, not text
    fill_family(page)
    fill_member(page, 0, "Lisa", born.isoformat(), "parent")
    page.get_by_role("button", name="Nog een gezinslid toevoegen").click()
    fill_member(page, 1, "Noor", (today - timedelta(days=200)).isoformat(), "child")
    page.get_by_role("button", name="Aanmelden", exact=True).click()

    lisa = page.get_by_test_id("gezinslid").nth(0)
    expect(lisa).to_contain_text("Lisa is 16 jaar en als ouder opgegeven. Klopt dit?")
    assert not Family.objects.filter(name="Gezin Zonneveld").exists()  # not silently accepted
    expect(page.get_by_label("Wijk")).to_have_value("Havenkwartier")  # nothing typed is lost
    lisa.get_by_label(re.compile("Klopt dit")).check()
    page.get_by_role("button", name="Aanmelden", exact=True).click()

    family = Family.objects.get(name="Gezin Zonneveld")
    expect(page).to_have_url(f"{live_server.url}/gezinnen/{family.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Gezin Zonneveld")
    expect(page.get_by_test_id("adres")).to_have_text("Havenstraat 12, 9999 ZB Zeldenbroek")
    expect(page.locator("main")).to_contain_text("Havenkwartier")
    assert family.neighbourhood == "Havenkwartier"


def _family_with_overdue_action() -> tuple[Family, Action]:
    today = timezone.localdate()
    action = (
        Action.objects.filter(
            status=ActionStatus.OPEN,
            due_on__lt=today,
            goal__plan__family__approach__name__startswith="Integrale",
            goal__plan__family__coordinator__isnull=False,
        )
        .select_related("goal__plan__family")
        .order_by("due_on", "pk")
        .first()
    )
    assert action is not None, "the demo has a family with an action past its date"
    return action.goal.plan.family, action


def test_the_family_page_says_what_matters(login: Callable[[str], Page], live_server: Any) -> None:
    family, action = _family_with_overdue_action()
    page = login("procesmanager")
    page.goto(f"{live_server.url}/gezinnen/{family.pk}/")

    for member in family.members.all():
        row = page.get_by_role("row", name=re.compile(f"{member.first_name} {member.last_name}"))
        expect(row).to_contain_text(f"{rules.age(member.birth_date, timezone.localdate())} jaar")
    expect(page.get_by_test_id("plan-status")).to_contain_text(f"Versie {family.plan.version}")
    expect(page.locator("main")).to_contain_text(str(family.coordinator))
    overdue = page.locator("section", has=page.get_by_role("heading", name=re.compile("over de datum")))
    expect(overdue).to_contain_text(action.description[:40])
    expect(overdue).to_contain_text("te laat")
    expect(page.get_by_test_id("toestemming")).to_contain_text(re.compile("Geldig sinds|Ingetrokken|nog geen"))

    todos = page.get_by_test_id("aandacht")
    items = todos.locator("li")
    expect(items.first).to_be_visible()
    texts = items.all_inner_texts()
    assert not any(re.search(r"\bC\d\.[a-z]\.\d", t) for t in texts)  # words, not framework codes
    assert len(texts) == len(set(texts))  # no repeats
    first = todos.get_by_role("link").first
    href = first.get_attribute("href")
    first.click()
    expect(page).to_have_url(f"{live_server.url}{href}")  # a link to where to act


def test_the_process_manager_sees_each_coordinators_caseload_when_assigning(
    login: Callable[[str], Page], live_server: Any
) -> None:
    family = Family.objects.filter(approach__name__startswith="Integrale", coordinator__isnull=False).first()
    assert family is not None
    coordinator = family.coordinator
    carried = Family.objects.filter(coordinator=coordinator).exclude(status__in=workflow.CASEWORK_OVER).count()
    page = login("procesmanager")
    page.goto(f"{live_server.url}/gezinnen/{family.pk}/regisseur/")

    select = page.get_by_label("Regisseur")
    expect(select.locator("option").first).to_have_text("Kies een regisseur")  # not "---------"
    label = f"{coordinator} ("
    option = select.locator("option", has_text=label)
    expect(option).to_contain_text(f", {carried} gezin{'nen' if carried != 1 else ''})")


def test_a_first_coordinator_needs_no_reason(login: Callable[[str], Page], live_server: Any) -> None:
    family = Family.objects.filter(
        approach__name__startswith="Integrale", coordinator__isnull=True, status=workflow.FamilyStatus.ACTIVE
    ).first()
    if family is None:  # the demo gives every active family a coordinator: take one away
        family = Family.objects.filter(approach__name__startswith="Integrale", status="active").first()
        assert family is not None
        Family.objects.filter(pk=family.pk).update(coordinator=None)
    page = login("procesmanager")
    page.goto(f"{live_server.url}/gezinnen/{family.pk}/regisseur/")
    expect(page.locator("main")).not_to_contain_text("(optioneel) (optioneel)")
    page.get_by_label("Regisseur").select_option(index=1)
    page.get_by_role("button", name="Regisseur toewijzen").click()
    expect(page).to_have_url(f"{live_server.url}/gezinnen/{family.pk}/")
    family.refresh_from_db()
    assert family.coordinator is not None


def test_the_coordinator_sees_the_families_they_registered(login: Callable[[str], Page], live_server: Any) -> None:
    page = login("regisseur")
    open_registration(page, live_server)
    fill_family(page, name="Gezin Regisseursaanmelding")
    fill_member(page, 0, "Marloes", "1984-04-02", "parent")
    page.get_by_role("button", name="Aanmelden", exact=True).click()
    family = Family.objects.get(name="Gezin Regisseursaanmelding")

    page.goto(f"{live_server.url}/")
    expect(page.get_by_test_id("door-mij-aangemeld")).to_contain_text(f"{family.reference}: aangemeld")


def test_the_professional_is_told_the_true_reason_a_family_is_not_visible(
    login: Callable[[str], Page], live_server: Any
) -> None:
    professional = User.objects.get(username="professional")
    today = timezone.localdate()
    involvement = (
        Involvement.objects.working()
        .filter(user=professional, family__status=workflow.FamilyStatus.ACTIVE)
        .select_related("family")
        .first()
    )
    assert involvement is not None
    family = involvement.family
    Consent.objects.filter(family=family, withdrawn_on__isnull=True).update(withdrawn_on=today - timedelta(days=1))

    page = login("professional")
    hidden = page.get_by_test_id("niet-zichtbaar")
    expect(hidden).to_contain_text(family.reference)
    expect(hidden).to_contain_text(
        f"Het gezin heeft zijn toestemming ingetrokken op {long_date(today - timedelta(days=1))}."
    )
    # a family the professional never had a relation with is never named (no existence oracle)
    stranger = Family.objects.exclude(involvements__user=professional).exclude(referrals__referred_by=professional)
    expect(page.locator("main")).not_to_contain_text(stranger.first().reference + ":")


def test_the_inspectors_start_page_lists_open_inspections_and_the_way_to_the_mandated_families(
    login: Callable[[str], Page], live_server: Any
) -> None:
    open_ones = Inspection.objects.exclude(status="published").order_by("pk")
    assert open_ones.exists()
    page = login("inspecteur")
    listed = page.get_by_test_id("open-onderzoeken")
    for inspection in open_ones:
        name = f"{inspection.approach.name} {inspection.year}, {inspection.get_level_display()}"
        expect(listed.get_by_role("link", name=name)).to_be_visible()
    case_level = open_ones.filter(level="case").first()
    if case_level is not None and case_level.status in {"draft", "judging"}:
        listed.get_by_role("link", name="Gemachtigde gezinnen bekijken en kiezen").first.click()
        expect(page).to_have_url(re.compile(r"/toezicht/\d+/gezinnen/$"))


def test_the_judging_page_can_show_only_the_indicators_with_disagreement(
    login: Callable[[str], Page], live_server: Any
) -> None:
    # this year's questionnaire: two respondents submit, the municipality says yes where a partner says no on one
    # indicator, and both agree on another — only the first is a disagreement (a finding in itself)
    inspection = Inspection.objects.filter(level="policy", status="open").order_by("-year").first()
    assert inspection is not None
    respondents = list(inspection.respondents.order_by("kind", "pk")[:2])
    assert len(respondents) == 2
    indicators = list(inspection_selectors.indicators_of(inspection)[:2])
    inspector = User.objects.get(username="inspecteur")
    for respondent, values in zip(respondents, [("yes", "yes"), ("no", "yes")], strict=True):
        for indicator_row, value in zip(indicators, values, strict=True):
            Answer.objects.update_or_create(
                respondent=respondent, indicator=indicator_row, defaults={"value": value, "updated_by": inspector}
            )
    inspection.respondents.filter(pk__in=[r.pk for r in respondents]).update(submitted_at=timezone.now())
    indicator, agreed = indicators[0].pk, indicators[1].pk
    page = login("inspecteur")
    page.goto(f"{live_server.url}/toezicht/{inspection.pk}/beoordelen/")
    all_count = page.locator(".gr-indicator").count()
    page.get_by_role("link", name=re.compile("Toon alleen de .* verschil van mening")).click()

    shown = page.locator(".gr-indicator")
    expect(page.get_by_test_id("verschil-filter")).to_contain_text("U ziet alleen")
    assert 0 < shown.count() < all_count
    expect(page.locator(f"#indicator-{indicator}")).to_be_visible()
    expect(page.locator(f"#indicator-{agreed}")).to_have_count(0)
    for i in range(shown.count()):
        expect(shown.nth(i)).to_contain_text("Verschil van mening:")
    page.get_by_role("link", name="Toon alle indicatoren").click()
    expect(page.locator(".gr-indicator")).to_have_count(all_count)


def test_improvement_points_show_owner_due_date_and_te_laat(login: Callable[[str], Page], live_server: Any) -> None:
    owner = User.objects.get(username="beleid")
    point = inspection_selectors.points_for(owner).order_by("pk").first()  # what the points page lists
    assert point is not None
    ImprovementPoint.objects.filter(pk=point.pk).update(
        owner=owner, due_on=timezone.localdate() - timedelta(days=3), status="open"
    )
    page = login("beleid")
    page.goto(f"{live_server.url}/toezicht/verbeterpunten/")
    row = page.get_by_role("row").filter(has=page.locator(f"a[href$='/verbeterpunten/{point.pk}/']"))
    expect(row.get_by_test_id("eigenaar")).to_contain_text(str(owner))
    expect(row.get_by_test_id("termijn")).to_contain_text("uiterlijk")
    expect(row.get_by_test_id("termijn")).to_contain_text("te laat")
    row.get_by_role("link", name="Details en voortgang").click()
    expect(page.locator("main")).to_contain_text("te laat")
