"""Every action code the system writes to the access log reads as words (gezinsregie.audit.wording)."""

import ast
import re
from pathlib import Path

import pytest

import gezinsregie
from gezinsregie.audit import wording
from gezinsregie.casework.workflow import InvolvementStatus, InvolvementStep
from gezinsregie.inspections.models import InspectionStatus
from gezinsregie.policy.tables import FAMILY_RULES, Permission

SRC = Path(gezinsregie.__file__).parent
CODE = re.compile(r"^[a-z_]+(\.[a-z_]+)+$|^(login|logout)$")
# the functions that write an entry, or pass their `action`/`what` on to one
WRITERS = {"record", "record_many", "record_for_family", "record_login", "family_list", "_log", "_read"}


def _constants(node: ast.expr) -> list[str]:
    """The string constants an argument can be, also through `a if x else b`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _constants(node.body) + _constants(node.orelse)
    return []


def codes_in_src() -> dict[str, str]:
    """Every fixed action code in src: arguments `action=`/`what=` and the positional codes of the writers, plus
    the defaults of their `action`/`what` parameters."""
    found: dict[str, str] = {}
    for path in SRC.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            values: list[ast.expr] = []
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                values += [k.value for k in node.keywords if k.arg in ("action", "what")]
                if name in WRITERS:
                    values += node.args
            elif isinstance(node, ast.FunctionDef) and node.name in WRITERS:
                arguments = node.args.args + node.args.kwonlyargs
                defaults = [*node.args.defaults, *[d for d in node.args.kw_defaults if d is not None]]
                named = {a.arg for a in arguments}
                if named & {"action", "what"}:
                    values += defaults
            for value in values:
                for text in _constants(value):
                    if CODE.match(text):
                        found.setdefault(text, str(path.relative_to(SRC)))
    return found


def test_the_scan_finds_the_codes_it_should():
    # the test is only as good as its scan: a few codes written in different ways must be among those found
    found = codes_in_src()
    assert {"plan.summary_pdf", "login.failed", "family.register", "decision.refuse", "family.list"} <= set(found)
    assert len(found) > 100


def test_every_action_code_in_src_has_words():
    missing = {
        code: where
        for code, where in codes_in_src().items()
        if wording.action_words(code, "") == code or wording.action_words(code, "casework.Family") == code
    }
    assert missing == {}


@pytest.mark.parametrize("permission", list(Permission))
def test_every_refusal_of_the_policy_reads_as_words(permission):
    assert wording.action_words(f"denied.{permission}").startswith("Geweigerd: ")
    assert "_" not in wording.action_words(f"denied.{permission}")


@pytest.mark.parametrize("permission", sorted({action for _, action in FAMILY_RULES}))
def test_every_way_a_family_is_opened_reads_as_words(permission):
    # policy.access_family writes family.<permission> for whatever permission a view asks
    assert wording.action_words(f"family.{permission}", "casework.Family") in wording.FAMILY_OPENED.values()


def test_a_code_written_for_two_acts_reads_by_its_object():
    assert wording.action_words("family.triage", "casework.Family") == "Gezin geopend voor prioritering"
    assert wording.action_words("family.triage", "casework.TriageDecision") == "Besluit over prioritering vastgelegd"


@pytest.mark.parametrize("step", list(InvolvementStep))
def test_every_involvement_step_reads_as_words(step):
    assert wording.action_words(f"involvement.{step.value}") != f"involvement.{step.value}"
    assert InvolvementStatus  # the steps move an involvement between these


@pytest.mark.parametrize("status", list(InspectionStatus))
def test_every_status_an_inspection_is_moved_to_reads_as_words(status):
    # inspection_advance writes inspection.<status>
    assert wording.action_words(f"inspection.{status.value}") != f"inspection.{status.value}"


def test_the_words_are_words():
    assert wording.action_words("family.view") == "Gezin bekeken"
    assert wording.action_words("plan.summary_pdf") == "Samenvatting plan als PDF gedownload"
    assert wording.action_words("denied.edit") == "Geweigerd: gezin wijzigen"
    for words in [*wording.ACTIONS.values(), *wording.FAMILY_OPENED.values()]:
        assert words[:1].isupper() and not CODE.match(words) and "_" not in words, words


@pytest.mark.django_db
def test_a_changed_account_names_the_fields_in_words():
    assert wording.action_words("user.change:email,is_active") == "Account gewijzigd: e-mailadres, actief"


def test_an_object_type_reads_as_the_models_dutch_name():
    assert wording.object_words("casework.Family") == "Gezin"
    assert wording.object_words("plans.Plan") == "Gezinsplan"
    assert wording.object_words("") == "—"


def test_every_model_that_can_be_logged_has_a_dutch_name():
    from django.apps import apps

    for model in apps.get_models():
        if model._meta.app_label.startswith(("casework", "plans", "trajectory", "inspections", "accounts")):
            words = wording.object_words(model._meta.label)
            assert words != model._meta.label and "_" not in words, model._meta.label


def test_an_entry_without_a_capacity_says_why():
    assert wording.organisation_words(organisation="", user_id=None) == "onbekend (niet ingelogd)"
    assert wording.role_words(role="", user_id=7) == "niet vastgelegd"
    assert wording.organisation_words(organisation="GGD", user_id=7) == "GGD"


def test_the_search_offers_every_action_in_words():
    choices = dict(wording.search_choices())
    assert choices["denied"] == "Alle weigeringen"
    assert choices["family.view"] == "Gezin bekeken"
    assert set(wording.ACTIONS) <= set(choices)
