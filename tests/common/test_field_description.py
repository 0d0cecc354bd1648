"""A field's hint and error are its accessible description: aria-describedby names the ids the templates write
(common.rendering.DescribedBoundField), so a screen reader reads the error when the field gets the focus."""

import re

from django import forms
from django.template import engines

from gezinsregie.plans.forms import PlanForm


class Example(forms.Form):
    name = forms.CharField(label="Naam", help_text="Zoals in de basisregistratie.")
    code = forms.CharField(label="Code")
    note = forms.CharField(label="Notitie", required=False, help_text="Kort.")
    kind = forms.ChoiceField(label="Soort", choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)


def rendered(form: forms.Form) -> str:
    template = engines["django"].from_string('{% include "common/_form_fields.html" with form=form no_summary=True %}')
    return template.render({"form": form})


def described_by(page: str, field_id: str) -> list[str]:
    tag = re.search(rf'<input[^>]*\bid="{field_id}"[^>]*>', page)
    assert tag, field_id
    found = re.search(r'aria-describedby="([^"]*)"', tag.group(0))
    return found.group(1).split() if found else []


def test_an_invalid_field_is_described_by_its_hint_and_its_error_and_both_exist() -> None:
    form = Example({"name": "", "code": "", "kind": "c"})
    assert not form.is_valid()
    page = rendered(form)

    assert described_by(page, "id_name") == ["id_name-hint", "id_name-fout"]
    assert described_by(page, "id_code") == ["id_code-fout"]
    assert described_by(page, "id_note") == ["id_note-hint"]  # valid: only the hint
    for ids in (described_by(page, "id_name"), described_by(page, "id_code"), described_by(page, "id_note")):
        for target in ids:
            assert f'id="{target}"' in page, target  # nothing points at an element that is not there
    # a group of radios is described on its fieldset, not on each option
    assert described_by(page, "id_kind_0") == []
    assert re.search(r'<fieldset[^>]*aria-describedby="id_kind-fout"', page)


def test_a_form_that_sets_its_own_description_keeps_it() -> None:
    class Own(PlanForm):
        text = forms.CharField(label="Tekst", help_text="Uitleg.")

    form = Own({"version": "1", "text": ""})
    form.is_valid()
    form.add_error("text", "Vul iets in.")
    assert 'aria-describedby="id_text-fout id_text-uitleg"' in str(form["text"])
