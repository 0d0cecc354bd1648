"""The admin speaks Dutch: every column of every list, the names of the apps and models, and the user list says
what each person is (role and organisation, issue 14 §5)."""

import re
from html import escape

import pytest
from django.contrib import admin
from django.contrib.admin.utils import label_for_field
from django.utils import translation

from gezinsregie.accounts.models import Role
from tests.factories import MembershipFactory, UserFactory

# words that are the same in Dutch, or names
SAME_IN_DUTCH = {"id", "status", "groep", "worker", "rol"}
ENGLISH = re.compile(r"\b(name|user|created|used|confirmed|task|address|failed|attempt|time|queue|priority|at)\b", re.I)


def registered():
    return [(model, model_admin) for model, model_admin in admin.site._registry.items()]


@pytest.mark.parametrize(("model", "model_admin"), registered(), ids=lambda v: getattr(v, "__name__", ""))
def test_every_column_of_every_admin_list_is_dutch(model, model_admin):
    with translation.override("nl"):
        for field in model_admin.list_display:
            if field == "__str__":
                continue
            label = str(label_for_field(field, model, model_admin))
            assert "_" not in label and not ENGLISH.search(label), (model._meta.label, field, label)
            assert label.lower() in SAME_IN_DUTCH or label.lower() != field.replace("_", " "), (field, label)


@pytest.mark.django_db
def test_the_index_names_every_app_and_model_in_dutch(client):
    configurer = UserFactory(is_staff=True, is_superuser=True)
    MembershipFactory(user=configurer, role=Role.ADMINISTRATOR)
    client.force_login(configurer)

    page = client.get("/beheer/").content.decode()

    for english in ("Axes", "Otp_Totp", "TOTP devices", "Task Results", "Tasks Database Backend", "Access attempts"):
        assert english not in page
    for dutch in ("Inlogblokkades", "Mislukte inlogpogingen", "Authenticator-apps", "Achtergrondtaken"):
        assert dutch in page


@pytest.mark.django_db
def test_the_user_list_shows_role_and_organisation(client):
    configurer = UserFactory(is_staff=True, is_superuser=True)
    MembershipFactory(user=configurer, role=Role.ADMINISTRATOR)
    coordinator = UserFactory(username="regisseur-jansen")
    membership = MembershipFactory(user=coordinator, role=Role.COORDINATOR)
    client.force_login(configurer)

    page = client.get("/beheer/accounts/user/").content.decode()

    assert ">Rol<" in page.replace("\n", "") or "Rol</a>" in page or "Rol</span>" in page
    assert "Organisatie" in page
    row = page[page.index("regisseur-jansen") :]
    row = row[: row.index("</tr>")]
    assert str(membership.get_role_display()) in row and escape(str(membership.organisation)) in row
