"""Loading the toetsingskader and the life-domain sets: complete, idempotent, versioned, all-or-nothing."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from gezinsregie.accounts.models import Role
from gezinsregie.frameworks import services
from gezinsregie.frameworks.models import (
    Criterion,
    Framework,
    Indicator,
    Level,
    LifeDomain,
    LifeDomainSet,
    ScaleLevel,
    Theme,
)
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

STJ = services.DEFAULT_FRAMEWORK_FILES[0]

SMALL_FRAMEWORK = """\
framework:
  key: testkader-2025
  name: Testkader
  owner: Testers
levels:
  - key: policy
    name: Beleid
    themes:
      - key: T1
        name: Eerste thema
        criteria:
          - key: T1.a
            name: Eerste criterium
            indicators:
              - {key: T1.a.1, text: Eerste indicator}
              - {key: T1.a.2, text: Tweede indicator}
"""


def write(tmp_path: Path, text: str, name: str = "kader.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Framework, Level, Theme, Criterion, Indicator, LifeDomainSet, LifeDomain, ScaleLevel)
    }


def indicators_of(framework: Framework, level: str | None = None):
    qs = Indicator.objects.filter(criterion__theme__level__framework=framework)
    return qs.filter(criterion__theme__level__key=level) if level else qs


def test_the_shipped_framework_has_30_policy_and_33_case_indicators():
    result = services.framework_load(path=STJ)

    assert (result.created, result.changed, result.indicator_count) == (True, True, 63)
    framework = result.framework
    assert framework.key == "stj-ggsr-2013"
    assert framework.ggsr_minimum_domains == 4
    assert list(framework.levels.values_list("key", flat=True)) == ["policy", "case"]
    assert indicators_of(framework, "policy").count() == 30
    assert indicators_of(framework, "case").count() == 33


@pytest.mark.parametrize(
    ("key", "criterion", "theme", "level"),
    [
        ("B3.c.1", "B3.c", "B3", "policy"),
        ("B1.a.1", "B1.a", "B1", "policy"),
        ("C2.a.4", "C2.a", "C2", "case"),
        ("C2.c.3", "C2.c", "C2", "case"),
    ],
)
def test_indicators_keep_their_published_keys_in_the_right_place(key, criterion, theme, level):
    framework = services.framework_load(path=STJ).framework

    indicator = indicators_of(framework).select_related("criterion__theme__level").get(key=key)

    assert indicator.criterion.key == criterion
    assert indicator.criterion.theme.key == theme
    assert indicator.criterion.theme.level.key == level
    assert indicator.text


def test_every_indicator_key_starts_with_its_criterion_key():
    framework = services.framework_load(path=STJ).framework

    for key, criterion_key, theme_key in indicators_of(framework).values_list(
        "key", "criterion__key", "criterion__theme__key"
    ):
        assert key.startswith(criterion_key + "."), key
        assert criterion_key.startswith(theme_key + "."), key


def test_loading_twice_changes_nothing():
    first = services.framework_load(path=STJ)
    before = counts()
    hash_before = first.framework.content_hash

    second = services.framework_load(path=STJ)

    assert (second.created, second.changed, second.indicator_count) == (False, False, 63)
    assert second.framework.pk == first.framework.pk
    assert counts() == before
    assert Framework.objects.get().content_hash == hash_before


def test_a_framework_with_another_key_loads_beside_the_existing_one(tmp_path):
    stj = services.framework_load(path=STJ).framework

    result = services.framework_load(path=write(tmp_path, SMALL_FRAMEWORK))

    assert (result.created, result.indicator_count) == (True, 2)
    assert set(Framework.objects.values_list("key", flat=True)) == {"stj-ggsr-2013", "testkader-2025"}
    assert indicators_of(stj).count() == 63
    assert list(indicators_of(result.framework).values_list("key", flat=True)) == ["T1.a.1", "T1.a.2"]


def test_a_changed_file_under_the_same_key_is_refused_without_replace(tmp_path):
    services.framework_load(path=write(tmp_path, SMALL_FRAMEWORK))
    changed = write(tmp_path, SMALL_FRAMEWORK.replace("Tweede indicator", "Gewijzigde indicator"), "v2.yaml")

    with pytest.raises(ValidationError) as refused:
        services.framework_load(path=changed)

    assert "al geladen met andere inhoud" in " ".join(refused.value.messages)
    assert Indicator.objects.get(key="T1.a.2").text == "Tweede indicator"


def test_replace_updates_a_changed_file_under_the_same_key(tmp_path):
    original = services.framework_load(path=write(tmp_path, SMALL_FRAMEWORK)).framework
    changed = write(tmp_path, SMALL_FRAMEWORK.replace("Tweede indicator", "Gewijzigde indicator"), "v2.yaml")

    result = services.framework_load(path=changed, replace=True)

    assert (result.created, result.changed) == (False, True)
    assert result.framework.pk == original.pk
    assert Indicator.objects.get(key="T1.a.2").text == "Gewijzigde indicator"
    assert Indicator.objects.count() == 2
    # and the stored hash is the new file's: loading it again is a no-op
    assert services.framework_load(path=changed).changed is False


INVALID = [
    pytest.param(None, "kan niet worden gelezen", id="missing-file"),
    pytest.param("framework: [unclosed\n", "geen geldige YAML", id="invalid-yaml"),
    pytest.param("- just\n- a list\n", "bevat geen toetsingskader", id="not-a-mapping"),
    pytest.param("levels: []\n", "'framework' ontbreekt", id="no-framework"),
    pytest.param(SMALL_FRAMEWORK.replace("  key: testkader-2025\n", ""), "'key' ontbreekt", id="no-key"),
    pytest.param(SMALL_FRAMEWORK.replace("  name: Testkader\n", ""), "'name' ontbreekt", id="no-name"),
    pytest.param(SMALL_FRAMEWORK.split("levels:")[0], "'levels' ontbreekt", id="no-levels"),
    # these fail halfway, after the framework, level and theme were written: all of it must go
    pytest.param(
        SMALL_FRAMEWORK.replace("        name: Eerste thema\n", ""), "'name' ontbreekt", id="theme-without-name"
    ),
    pytest.param(
        SMALL_FRAMEWORK.replace("{key: T1.a.2, text: Tweede indicator}", "{key: T1.a.2}"),
        "'text' ontbreekt",
        id="indicator-without-text",
    ),
    # an entry that is text where fields are expected (a text containing "key" once crashed with TypeError)
    pytest.param(
        SMALL_FRAMEWORK.replace("{key: T1.a.2, text: Tweede indicator}", "keyboard"),
        "verwacht velden",
        id="indicator-is-text",
    ),
    pytest.param("framework: keystone\nlevels: []\n", "verwacht velden", id="framework-is-text"),
]


@pytest.mark.parametrize(("text", "message"), INVALID)
def test_an_invalid_file_gives_a_dutch_validation_error_and_stores_nothing(tmp_path, text, message):
    path = tmp_path / "ontbreekt.yaml" if text is None else write(tmp_path, text)
    before = counts()

    with pytest.raises(ValidationError) as invalid:
        services.framework_load(path=path)

    assert message in " ".join(invalid.value.messages)
    assert counts() == before


def test_a_failed_load_leaves_an_existing_framework_untouched(tmp_path):
    services.framework_load(path=STJ)
    before = counts()
    broken = write(tmp_path, SMALL_FRAMEWORK.replace("{key: T1.a.2, text: Tweede indicator}", "{key: T1.a.2}"))

    with pytest.raises(ValidationError):
        services.framework_load(path=broken)

    assert counts() == before
    assert not Framework.objects.filter(key="testkader-2025").exists()


# --- life-domain sets ---


@pytest.mark.parametrize(("key", "domains"), [("stj-2013", 7), ("maastricht-2014", 8), ("zrm-2017", 13)])
def test_life_domain_sets_have_their_domains_and_a_scale_of_1_to_5(key, domains):
    loaded = services.life_domain_sets_load()

    assert [s.key for s in loaded] == ["stj-2013", "maastricht-2014", "zrm-2017"]
    domain_set = LifeDomainSet.objects.get(key=key)
    assert domain_set.domains.count() == domains
    assert list(domain_set.scale.values_list("value", flat=True)) == [1, 2, 3, 4, 5]
    assert domain_set.scale.get(value=1).label == "Acute problematiek"


def test_the_stj_set_takes_its_domains_from_the_framework_file():
    services.life_domain_sets_load()

    keys = list(LifeDomain.objects.filter(domain_set__key="stj-2013").values_list("key", flat=True))
    assert keys == ["gezin", "wonen", "werk", "inkomen", "gezondheid", "onderwijs", "veiligheid"]


def test_loading_life_domain_sets_twice_changes_nothing():
    services.life_domain_sets_load()
    before = counts()

    services.life_domain_sets_load()

    assert counts() == before


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            "life_domain_sets:\n  - {key: x, name: X, domains: [{key: a}]}\n",
            "'name' ontbreekt",
            id="domain-without-name",
        ),
        pytest.param(
            "life_domain_sets:\n  - {key: x, name: X, domains: [{name: A}]}\n",
            "'key' ontbreekt",
            id="domain-without-key",
        ),
        pytest.param(
            "life_domain_sets:\n  - {key: x, name: X, domains: [], scale: [{value: 1}]}\n",
            "'label' ontbreekt",
            id="scale-without-label",
        ),
        pytest.param(
            "life_domain_sets:\n  - {key: x, name: X}\n", "'domains_from_framework' ontbreekt", id="no-domains"
        ),
        pytest.param("sets: []\n", "'life_domain_sets' ontbreekt", id="no-sets"),
        pytest.param(
            "life_domain_sets:\n  - {key: x, name: X, domains: [monkey]}\n", "verwacht velden", id="domain-is-text"
        ),
    ],
)
def test_an_invalid_life_domain_file_gives_a_validation_error_and_stores_nothing(tmp_path, text, message):
    with pytest.raises(ValidationError) as invalid:
        services.life_domain_sets_load(path=write(tmp_path, text))

    assert message in " ".join(invalid.value.messages)
    assert not LifeDomainSet.objects.exists()


# --- the management command ---


def test_the_command_loads_everything_and_reports_counts():
    out = StringIO()

    call_command("load_frameworks", stdout=out)

    lines = out.getvalue().splitlines()
    assert lines == [
        "stj-ggsr-2013: 63 indicatoren, nieuw geladen",
        "leefgebieden stj-2013: 7 leefgebieden",
        "leefgebieden maastricht-2014: 8 leefgebieden",
        "leefgebieden zrm-2017: 13 leefgebieden",
    ]
    assert Indicator.objects.count() == 63


def test_the_command_run_again_reports_unchanged():
    call_command("load_frameworks", stdout=StringIO())
    out = StringIO()

    call_command("load_frameworks", stdout=out)

    assert out.getvalue().splitlines()[0] == "stj-ggsr-2013: 63 indicatoren, ongewijzigd"


def test_the_command_loads_given_files_and_replaces_on_request(tmp_path):
    path = write(tmp_path, SMALL_FRAMEWORK)
    call_command("load_frameworks", str(path), stdout=StringIO())
    path.write_text(SMALL_FRAMEWORK.replace("Tweede indicator", "Nieuwe tekst"), encoding="utf-8")

    with pytest.raises(CommandError, match="al geladen met andere inhoud"):
        call_command("load_frameworks", str(path), stdout=StringIO())

    out = StringIO()
    call_command("load_frameworks", str(path), "--replace", stdout=out)
    assert out.getvalue().splitlines()[0] == "testkader-2025: 2 indicatoren, bijgewerkt"
    assert not Framework.objects.filter(key="stj-ggsr-2013").exists()  # only the file that was named


@pytest.mark.parametrize(
    ("text", "message"),
    [(None, "kan niet worden gelezen"), ("framework: [unclosed\n", "geen geldige YAML"), ("levels: []\n", "ontbreekt")],
)
def test_the_command_turns_errors_into_a_command_error(tmp_path, text, message):
    path = tmp_path / "weg.yaml" if text is None else write(tmp_path, text)

    with pytest.raises(CommandError, match=message):
        call_command("load_frameworks", str(path), stdout=StringIO())

    assert not Framework.objects.exists()


# --- the framework page ---


def test_the_framework_page_lists_indicator_keys(framework, client):
    user = UserFactory()
    MembershipFactory(user=user, role=Role.INSPECTOR)
    client.force_login(user)

    response = client.get(reverse("frameworks:index"))

    assert response.status_code == 200
    content = response.content.decode()
    for key in ("B1.a.1", "B3.c.1", "C2.a.4", "stj-ggsr-2013", "Zelfredzaamheid-Matrix 2017"):
        assert key in content


def test_the_framework_page_redirects_anonymous_users_to_login(framework, client):
    response = client.get(reverse("frameworks:index"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_framework_page_is_forbidden_without_a_role(framework, client):
    client.force_login(UserFactory())

    assert client.get(reverse("frameworks:index")).status_code == 403


def test_two_framework_versions_side_by_side(framework, tmp_path, login, world):
    from gezinsregie.frameworks import services
    from gezinsregie.frameworks.selectors import compare_frameworks

    later = tmp_path / "later.yaml"
    later.write_text(
        "framework: {key: stj-later, name: Later kader}\n"
        "levels:\n"
        "  - key: case\n"
        "    themes:\n"
        "      - key: C1\n"
        "        name: Toeleiding\n"
        "        criteria:\n"
        "          - key: C1.a\n"
        "            name: Op tijd\n"
        "            indicators:\n"
        "              - {key: C1.a.1, text: Het gezin valt onder de definitie GGSR}\n"
        "              - {key: C1.a.3, text: De aanpak start binnen twee weken na aanmelding}\n"
        "              - {key: C1.a.9, text: Nieuwe indicator}\n"
    )
    services.framework_load(path=later)
    rows = {row.key: row for row in compare_frameworks(framework, Framework.objects.get(key="stj-later"))}
    assert rows["C1.a.1"].change == ""
    assert rows["C1.a.3"].change == "gewijzigd"
    assert rows["C1.a.9"].change == "nieuw"
    assert rows["B3.c.1"].change == "vervallen"
    assert list(rows).index("C1.a.9") > list(rows).index("C1.a.3")

    response = login(world.user(Role.COORDINATOR)).get(
        "/toetsingskader/vergelijken/?links=stj-ggsr-2013&rechts=stj-later"
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "binnen twee weken" in content and "gewijzigd" in content
