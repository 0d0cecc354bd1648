"""The approaches' characteristics behind figures 3, 6 and 8 of the 21-municipality report: recorded per approach
per inspection as structured answers (reports.models.ApproachProfile, authoring services and page), read from an
imported document where it states them, shown in the report, and counted and charted in the aggregate report as
the report does (of the approaches with an answer; the others beside it)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from gezinsregie.accounts.models import Role
from gezinsregie.audit.models import AccessLogEntry
from gezinsregie.inspections.models import Inspection
from gezinsregie.reports.aggregate.rules import tally
from gezinsregie.reports.aggregate.selectors import AggregateFilter, aggregate_report
from gezinsregie.reports.authoring.services import approach_profile_save
from gezinsregie.reports.importing import report_import
from gezinsregie.reports.models import ApproachProfile
from gezinsregie.reports.parsing.narrative import profile_of
from tests.paths import FACTSHEET
from tests.reports.aggregation_world import build_world
from tests.reports.publication_world import page_url, publish, report_part, words
from tests.worlds.inspections import InspectionWorld

# --- pure ---------------------------------------------------------------------------------------------------------


def test_a_tally_counts_the_answers_and_keeps_the_unknown_apart() -> None:
    counted = tally(["yes", "no", "", "no", "maybe"], ["yes", "no"])
    assert counted.counts == {"yes": 1, "no": 2} and counted.unknown == 2 and counted.answered == 3
    assert (counted.share("no"), counted.whole_percent("no")) == (66.7, 67)
    assert tally([], ["yes", "no"]).share("yes") is None


def test_explicit_lines_of_a_document_are_read_as_answers() -> None:
    text = (
        "Typering van de aanpak\n"
        "Regie: coördinatie op afstand\n"
        "Gezinsplan leidend voor professionals: ja\n"
        "Problemen met beschikbaarheid van zorg: af en toe\n"
    )
    assert profile_of(text).as_dict() == {
        "coordination": "at_distance",
        "plan_leading": "yes",
        "availability_problems": "sometimes",
    }
    assert profile_of("Hoe ziet de aanpak eruit? combinatie van beide").coordination == ""  # not a "question: answer"
    assert profile_of("Regie: combinatie van beide").coordination == "both"
    # the answer is what the line starts with, not a word somewhere in a sentence
    assert profile_of("Regie: de procesmanager komt zelden in het gezin").coordination == ""
    assert profile_of("Gezinsplan leidend: jaarlijks besproken").plan_leading == ""


def test_a_plan_that_is_not_always_leading_is_figure_6_s_no() -> None:
    # Oosterhout B3.c.1 LET OP, the wording the 21-municipality report counted
    note = "LET OP: De gemeente en de belangrijkste uitvoerende partij geven aan dat het plan niet altijd leidend is."
    assert profile_of(note).plan_leading == "no"
    assert profile_of("Het plan is leidend voor het handelen.").plan_leading == ""


def test_nothing_recorded_draws_no_empty_chart(db: None) -> None:
    world = build_world()
    world.inspection(world.testdam, 2014)
    client = Client()
    client.force_login(world.users[Role.INSPECTOR])
    html = client.get(reverse("reports:aggregate")).content.decode()
    assert "kenmerk-3-titel" not in html and "nog geen typering vastgelegd" in html
    assert aggregate_report(AggregateFilter(level="policy")).characteristics[0].unknown == 1


# --- recording them ---------------------------------------------------------------------------------------------


def test_the_inspector_records_the_typering_until_publication_and_it_is_logged(
    iw: InspectionWorld, factsheet_inspection: Inspection
) -> None:
    approach_profile_save(actor=iw.inspector, inspection=factsheet_inspection, coordination="both", plan_leading="no")
    approach_profile_save(actor=iw.inspector, inspection=factsheet_inspection, coordination="in_family")
    profile = ApproachProfile.objects.get(inspection=factsheet_inspection)
    assert (profile.coordination, profile.plan_leading, profile.availability_problems) == ("in_family", "", "")
    assert AccessLogEntry.objects.filter(action="report.profile", username=iw.inspector.username).count() == 2
    with pytest.raises(ValidationError):
        approach_profile_save(actor=iw.inspector, inspection=factsheet_inspection, coordination="everywhere")
    for outsider in (iw.other_inspector, iw.policy_officer):
        with pytest.raises(PermissionDenied):
            approach_profile_save(actor=outsider, inspection=factsheet_inspection, plan_leading="yes")
    publish(iw, factsheet_inspection)
    with pytest.raises(ValidationError, match="kan niet meer"):
        approach_profile_save(actor=iw.inspector, inspection=factsheet_inspection, plan_leading="yes")


def test_the_typering_page_saves_and_the_factsheet_shows_it(
    iw: InspectionWorld, factsheet_inspection: Inspection
) -> None:
    client = iw.client_for(iw.inspector)
    url = reverse("reports:approach_profile", args=[factsheet_inspection.pk])
    form = client.get(url).content.decode()
    assert "Hoe ziet de aanpak eruit?" in form and "Niet vastgelegd" in form and "Figuur 8" in form
    response = client.post(url, {"coordination": "at_distance", "plan_leading": "yes", "availability_problems": ""})
    assert response.status_code == 302 and response["Location"] == url
    report = words(report_part(client.get(page_url(factsheet_inspection)).content.decode()))
    assert "Kenmerken van de aanpak" in report
    assert "Hoe ziet de aanpak eruit? Coördinatie op afstand" in report
    assert "Zijn er problemen met de beschikbaarheid van zorg? niet vastgelegd" in report
    assert url in client.get(page_url(factsheet_inspection)).content.decode()  # the toolbar links to it

    for outsider in (iw.other_inspector, iw.policy_officer):
        other = iw.client_for(outsider)
        assert other.get(url).status_code == 404
        assert other.post(url, {"coordination": "both"}).status_code == 404
    assert ApproachProfile.objects.get().coordination == "at_distance"


def test_an_imported_factsheet_brings_what_it_states(framework: object) -> None:
    result = report_import(
        text=FACTSHEET.read_text(encoding="utf-8"), municipality="Oosterhout", approach=None, year=None
    )
    profile = ApproachProfile.objects.get(inspection=result.inspection)
    # "LET OP: ... het plan niet altijd leidend is voor het handelen" (B3.c.1); the rest it does not say
    assert (profile.coordination, profile.plan_leading, profile.availability_problems) == ("", "no", "")
    counted = next(
        c for c in aggregate_report(AggregateFilter(level="policy")).characteristics if c.key == "plan_leading"
    )
    assert (counted.answered, counted.unknown) == (1, 0)
