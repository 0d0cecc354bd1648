"""The error summary and the base form (common; issue 14 §3): every error with a link to its field; no '---------'."""

from django import forms
from django.template import Context, Template

from gezinsregie.common.forms import EMPTY_LABEL, Form
from gezinsregie.common.templatetags.form_errors import INCOMPLETE, Entry, summary_entries


class Person(Form):
    name = forms.CharField(label="Naam")
    born = forms.DateField(label="Geboortedatum")
    kind = forms.ChoiceField(label="Soort", choices=[("", "---------"), ("a", "A")], required=False)
    token = forms.CharField(widget=forms.HiddenInput)

    def clean(self) -> dict:
        raise forms.ValidationError("Dit gezin is al bekend.")


def test_every_error_is_listed_with_a_link_to_its_field() -> None:
    form = Person({"born": "gisteren"})
    assert not form.is_valid()
    entries = summary_entries(form)
    assert entries[0] == Entry("Dit gezin is al bekend.", "")
    assert Entry(INCOMPLETE, "") in entries  # a hidden field's error is not "token: required"
    assert Entry("Naam: Dit veld is vereist.", "id_name") in entries
    assert Entry("Geboortedatum: Voer een geldige datum in.", "id_born") in entries


def test_a_formset_names_each_form() -> None:
    people = forms.formset_factory(Person, extra=0, min_num=2)(
        {"p-TOTAL_FORMS": "2", "p-INITIAL_FORMS": "0", "p-0-name": "Sanne", "p-0-born": "2000-01-01", "p-0-token": "x"},
        prefix="p",
    )
    people.is_valid()
    texts = [e.text for e in summary_entries(people, formset_label="Gezinslid")]
    assert "Gezinslid 2: Naam: Dit veld is vereist." in texts
    assert [e.anchor for e in summary_entries(people) if e.text.endswith("Naam: Dit veld is vereist.")] == [
        "id_p-1-name"
    ]


def test_an_unbound_form_shows_no_summary_and_a_bound_one_takes_the_focus() -> None:
    template = Template("{% load form_errors %}{% error_summary form %}")
    assert "data-error-summary" not in template.render(Context({"form": Person()}))
    html = template.render(Context({"form": Person({})}))
    assert 'tabindex="-1"' in html and "data-error-summary" in html
    assert 'href="#id_name"' in html
    assert "herstel 4 fouten" in html


def test_no_select_shows_dashes_as_its_empty_choice() -> None:
    class Pick(Form):
        kind = forms.ChoiceField(choices=[("", "---------"), ("a", "A")])
        who = forms.ModelChoiceField(queryset=None)  # type: ignore[arg-type]
        member = forms.ModelChoiceField(queryset=None, empty_label="Het hele gezin")  # type: ignore[arg-type]

    pick = Pick()
    assert next(iter(pick.fields["kind"].choices)) == ("", EMPTY_LABEL)  # type: ignore[attr-defined]
    assert pick.fields["who"].empty_label == EMPTY_LABEL  # type: ignore[attr-defined]
    assert pick.fields["member"].empty_label == "Het hele gezin"  # type: ignore[attr-defined]


def test_no_select_anywhere_shows_dashes_as_its_empty_choice() -> None:
    """Issue 14 §3: also a plain Django form (and the admin's), through the project's option template."""
    from django import forms

    from gezinsregie.accounts.models import User

    class Plain(forms.Form):
        who = forms.ModelChoiceField(queryset=User.objects.none(), required=False)
        what = forms.ChoiceField(choices=[("", "---------"), ("a", "Aap")])

    html = str(Plain())
    assert "---------" not in html and html.count("Kies …") == 2 and ">Aap<" in html
