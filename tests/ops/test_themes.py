"""Issue 11 §6: the municipality's own look for its people, the central government's colours for the inspectorate's
(INSPECTORATE_THEME), both through design tokens over the neutral example theme — never a brand we may not ship."""

from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from gezinsregie.accounts.models import Role

pytestmark = pytest.mark.django_db


def test_the_inspector_sees_the_inspectorates_theme_and_the_municipality_its_own(world, client, settings) -> None:
    settings.THEME, settings.THEME_ORGANISATION_NAME = "zeldenbroek", "Gemeente Zeldenbroek"
    client.force_login(world.user(Role.COORDINATOR))
    page = client.get(reverse("web:start")).content.decode()
    assert "themes/zeldenbroek/theme.css" in page and "Gemeente Zeldenbroek" in page
    client.force_login(world.user(Role.INSPECTOR))
    page = client.get(reverse("web:start")).content.decode()
    assert "themes/rijk/theme.css" in page and "themes/rijk/logo.svg" in page
    assert "Samenwerkend Toezicht Jeugd" in page and "Gemeente Zeldenbroek" not in page
    client.logout()
    assert "themes/zeldenbroek/theme.css" in client.get(reverse("login")).content.decode()  # before one logs in


def test_the_inspectorates_theme_is_shipped_and_uses_no_logo_or_font_of_the_government() -> None:
    css = finders.find("gezinsregie/themes/rijk/theme.css")
    logo = finders.find("gezinsregie/themes/rijk/logo.svg")
    assert css and logo
    text = Path(css).read_text(encoding="utf-8")
    assert "#154273" in text and "RO Sans" in text  # named only in the comment saying why it is not used
    assert "font-family" not in text and "url(" not in text
