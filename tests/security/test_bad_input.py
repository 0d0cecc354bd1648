"""Bad input (issue 12 §10): each finding of the attack, reproduced, and what the system does now.

The findings: `GET /api/v1/gezinnen/` answered 500 with `Accept: text/html`; a deeply nested JSON body answered
500; the API accepted 10,000 members, year 0001 and a 1 MB reason; uploads were checked by extension only and a
200 MB upload was buffered before it was refused. (The importer's finding: tests/reports/test_import_errors.py.)
"""

import io
import json
import re
from datetime import date
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from gezinsregie.accounts.models import Role
from gezinsregie.casework.models import Consent, Family, Member, PendingReferral, Referral
from gezinsregie.common import uploads
from tests.api.test_registration import URL, body, post

pytestmark = pytest.mark.django_db
FAMILIES = "/api/v1/gezinnen/"
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def written() -> tuple[int, int, int, int]:
    return Family.objects.count(), Member.objects.count(), Referral.objects.count(), PendingReferral.objects.count()


def dutch_errors(response: Any) -> str:
    return json.dumps(response.json(), ensure_ascii=False)


# --- the API ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("accept", ["text/html", "application/xml", "text/html; q=1.0, image/png"])
def test_an_accept_without_json_is_406_in_json_never_500(world, login, accept):
    response = login(world.user(Role.COORDINATOR)).get(FAMILIES, HTTP_ACCEPT=accept)

    assert response.status_code == 406
    assert response["Content-Type"].startswith("application/json")
    assert "alleen in application/json" in response.json()["detail"]


def test_a_browser_accept_gets_json(world, login):
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    response = login(world.user(Role.COORDINATOR)).get(FAMILIES, HTTP_ACCEPT=browser)

    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert response.json()["results"][0]["reference"] == world.family("coordinated").reference


@pytest.mark.parametrize("depth", [21, 5_000, 100_000])
def test_a_deeply_nested_json_body_is_a_400_with_a_dutch_message(world, login, depth):
    client = login(world.user(Role.PROCESS_MANAGER))
    before = written()

    response = client.post(URL, "[" * depth + "]" * depth, content_type="application/json")

    assert response.status_code == 400
    assert response.json()["detail"] == "De JSON is te diep genest: hoogstens 20 niveaus."
    assert written() == before


def test_nesting_within_the_limit_is_read(world, login):
    nested: Any = "diep"
    for _ in range(18):
        nested = [nested]
    response = post(login(world.user(Role.PROCESS_MANAGER)), body(world) | {"extra": nested})

    assert response.status_code == 201  # unknown keys are ignored, as before


def test_invalid_json_and_other_media_types_are_refused_in_dutch(world, login):
    before = written()
    client = login(world.user(Role.PROCESS_MANAGER))

    broken = client.post(URL, '{"approach": ', content_type="application/json")
    nan = client.post(URL, '{"approach": NaN}', content_type="application/json")
    form = client.post(URL, {"approach": world.approach.pk})

    assert broken.status_code == 400 and broken.json()["detail"].startswith("Ongeldige JSON")
    assert nan.status_code == 400 and "NaN is geen geldige JSON-waarde" in nan.json()["detail"]
    assert form.status_code == 415
    assert written() == before


def test_a_json_body_larger_than_the_limit_is_413_and_read_no_further(world, login, settings):
    before = written()
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024
    client = login(world.user(Role.PROCESS_MANAGER))

    response = post(client, body(world, reason="x" * (80 * 1024)))

    assert response.status_code == 413
    assert response.json()["detail"] == "Het verzoek is te groot: hoogstens 64 kB."
    assert written() == before


def test_ten_thousand_members_are_refused(world, login):
    before = written()
    data = body(world)
    data["members"] = [dict(data["members"][0], first_name=f"Lid{i}") for i in range(10_000)]

    response = post(login(world.user(Role.PROCESS_MANAGER)), data)

    assert response.status_code == 400
    assert response.json()["members"] == {"non_field_errors": ["Een gezin heeft hoogstens 30 gezinsleden."]}
    assert written() == before


def test_thirty_members_are_one_family(world, login):
    data = body(world)
    data["members"] = [dict(data["members"][1], first_name=f"Kind{i}") for i in range(29)] + [data["members"][0]]

    response = post(login(world.user(Role.PROCESS_MANAGER)), data)

    assert response.status_code == 201
    assert Member.objects.filter(family__name="Gezin Zwartbroek").count() == 30


@pytest.mark.parametrize(
    ("where", "value", "message"),
    [
        ("birth_date", "0001-01-01", "Deze datum ligt vóór 1 januari 1900: controleer het jaar."),
        ("birth_date", "1899-12-31", "Deze datum ligt vóór 1 januari 1900: controleer het jaar."),
        ("referred_on", "0001-01-01", "Deze datum ligt vóór 1 januari 1900: controleer het jaar."),
        ("birth_date", "9999-12-31", "Deze datum ligt in de toekomst."),
    ],
)
def test_dates_outside_1900_to_today_are_refused(world, login, where, value, message):
    before = written()
    data = body(world)
    if where == "birth_date":
        data["members"][0]["birth_date"] = value
    else:
        data[where] = value

    response = post(login(world.user(Role.PROCESS_MANAGER)), data)

    assert response.status_code == 400
    assert message in dutch_errors(response)
    assert written() == before


def test_a_one_megabyte_reason_is_refused(world, login):
    before = written()
    response = post(login(world.user(Role.PROCESS_MANAGER)), body(world, reason="Zorgen. " * 131_072))

    assert response.status_code == 400
    assert response.json()["reason"] == ["Deze tekst is te lang: hoogstens 10000 tekens."]
    assert written() == before


def test_the_service_refuses_the_same_limits_for_every_caller(world):
    """The form and the API share family_register: the limits hold there too, with Dutch messages."""
    before = written()
    from django.core.exceptions import ValidationError

    from gezinsregie.casework import rules, services

    domains = list(world.approach.life_domain_set.domains.all()[:1])
    member = rules.MemberInput("Sanne", "Zwartbroek", date(1985, 3, 1), "parent")
    referral = services.ReferralInput("school", "x" * 10_001, domains, "normal", timezone.localdate())
    with pytest.raises(ValidationError) as refused:
        services.family_register(
            actor=world.user(Role.PROCESS_MANAGER),
            approach=world.approach,
            family_name="Gezin Zwartbroek",
            address="",
            neighbourhood="",
            members=[member] * 31,
            referral=referral,
        )
    assert refused.value.message_dict == {
        "reason": ["Deze tekst is te lang: hoogstens 10000 tekens (nu 10001)."],
    }
    old = rules.MemberInput("Opa", "Zwartbroek", date(1, 1, 1), "other")
    assert rules.member_problems([member] * 31, today=timezone.localdate()) == [
        "Een gezin heeft hoogstens 30 gezinsleden; u gaf er 31."
    ]
    assert rules.member_problems([member, old], today=timezone.localdate()) == [
        "De geboortedatum van Opa ligt vóór 1900: controleer het jaar."
    ]
    assert written() == before


# --- uploads ---------------------------------------------------------------------------------------------------


def consent_url(world: Any) -> str:
    return reverse("casework:consent", args=[world.family("coordinated").pk])


def consent_data(world: Any, scan: Any) -> dict[str, Any]:
    family = world.family("coordinated")
    return {
        "informed_of_rights": "on",
        "signed_on": timezone.localdate().isoformat(),
        "signed_by": "Sanne Zwartbroek",
        "organisations": [family.approach.partners.first().pk],
        "scan": scan,
    }


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("verklaring.pdf", b"MZ\x90\x00 a Windows program"),
        ("verklaring.pdf", b"<html><script>alert(1)</script></html>"),
        ("verklaring.txt", b"plain text is not a scan"),
        ("verklaring.png", b"GIF89a not a png"),
        ("verklaring.jpg", b""),
    ],
)
def test_a_scan_is_checked_by_its_content_not_its_name(world, login, name, content):
    client = login(world.user(Role.COORDINATOR))

    page = client.post(consent_url(world), consent_data(world, SimpleUploadedFile(name, content)))

    assert page.status_code == 200
    text = page.content.decode()
    assert "De scan is geen bestand van een toegestane soort (gekeken naar de inhoud, niet de naam)" in text or (
        not content and "Het verstuurde bestand is leeg." in text
    )
    assert not Consent.objects.filter(family=world.family("coordinated")).exists()


@pytest.mark.parametrize(
    ("name", "content", "suffix"), [("x.exe", PDF, ".pdf"), ("scan", PNG, ".png"), ("a.JPEG", JPEG, ".jpg")]
)
def test_a_scan_that_is_what_it_says_inside_is_stored_under_a_generated_name(world, login, name, content, suffix):
    client = login(world.user(Role.COORDINATOR))
    family = world.family("coordinated")

    response = client.post(consent_url(world), consent_data(world, SimpleUploadedFile(name, content)))

    assert response.status_code == 302
    consent = Consent.objects.get(family=family)
    stem = name.rsplit(".", 1)[0].lower()
    assert re.fullmatch(rf"consent/\d{{4}}/[0-9a-f]{{32}}/{stem}\{suffix}", consent.scan.name)
    download = client.get(reverse("casework:consent_scan", args=[family.pk, consent.pk]))
    assert b"".join(download.streaming_content) == content  # type: ignore[attr-defined]
    assert f'filename="toestemming-{family.reference}-' in download["Content-Disposition"]


def test_a_document_may_be_an_office_file_or_text_by_its_content():
    docx = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    odt = io.BytesIO()
    with zipfile.ZipFile(odt, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64
    cases = {
        "nota.docx": (docx.getvalue(), ".docx"),
        "nota.odt": (odt.getvalue(), ".odt"),
        "nota.xls": (ole, ".xls"),
        "nota.txt": ("Gewone tekst, met é en ✓.\n".encode(), ".txt"),
    }
    for name, (content, kind) in cases.items():
        file = SimpleUploadedFile(name, content)
        assert uploads.check_upload(file, kinds=uploads.DOCUMENT_KINDS) == kind
        assert file.name == f"nota{kind}"
    zip_bomb_like = SimpleUploadedFile("nota.docx", b"PK\x03\x04 not really a zip")
    with pytest.raises(Exception, match="geen bestand van een toegestane soort"):
        uploads.check_upload(zip_bomb_like, kinds=uploads.DOCUMENT_KINDS)
    with pytest.raises(Exception, match="geen bestand van een toegestane soort"):
        uploads.check_upload(SimpleUploadedFile("nota.doc", ole), kinds=uploads.SCAN_KINDS)
    with pytest.raises(Exception, match="geen bestand van een toegestane soort"):
        uploads.check_upload(SimpleUploadedFile("a.txt", b"tekst\x00\x01binair"), kinds=uploads.DOCUMENT_KINDS)


def test_a_scan_over_the_upload_limit_is_refused(world, login, settings):
    settings.UPLOAD_MAX_SIZE = 1024 * 1024
    client = login(world.user(Role.COORDINATOR))

    page = client.post(consent_url(world), consent_data(world, SimpleUploadedFile("s.pdf", PDF + b"0" * 1024 * 1024)))

    assert "De scan is groter dan 1 MB." in page.content.decode()
    assert not Consent.objects.filter(family=world.family("coordinated")).exists()


class _Endless(io.RawIOBase):
    """A request body of `size` bytes that counts what was read of it, made up as it is read."""

    def __init__(self, size: int) -> None:
        self.size, self.consumed = size, 0

    def read(self, n: int = -1) -> bytes:
        n = self.size - self.consumed if n is None or n < 0 else min(n, self.size - self.consumed)
        self.consumed += n
        return b"0" * n

    def readline(self, limit: int = -1) -> bytes:
        return self.read(min(limit, 64 * 1024) if limit and limit > 0 else 64 * 1024)


@pytest.mark.parametrize("path", ["consent", "api"])
def test_a_200_mb_upload_is_refused_before_its_body_is_read(world, login, path):
    client = login(world.user(Role.COORDINATOR))
    body_stream = _Endless(200 * 1024 * 1024)
    url = consent_url(world) if path == "consent" else URL

    response = client.generic(
        "POST",
        url,
        b"",
        content_type="multipart/form-data; boundary=grens",
        CONTENT_LENGTH=str(body_stream.size),
        **{"wsgi.input": body_stream},
    )

    assert response.status_code == 413
    limit = (settings.REQUEST_BODY_MAX_SIZE if path == "consent" else settings.DATA_UPLOAD_MAX_MEMORY_SIZE) // 2**20
    message = f"Het verzoek is te groot: hoogstens {limit} MB."
    assert (response.json()["detail"] if path == "api" else response.content.decode()).count(message) >= 1
    assert body_stream.consumed == 0
    assert not Consent.objects.filter(family=world.family("coordinated")).exists()


def test_a_request_within_the_limit_is_read_as_usual(world, login):
    client = login(world.user(Role.COORDINATOR))

    response = client.post(consent_url(world), consent_data(world, SimpleUploadedFile("s.pdf", PDF)))

    assert response.status_code == 302


def test_no_url_serves_uploaded_files():
    """Every upload is downloaded through a view that asks the policy; MEDIA_URL is served by nothing."""
    from django.urls import Resolver404, resolve

    for name in ("consent/2025/0123456789abcdef0123456789abcdef.pdf", "agreements/2025/x.pdf"):
        with pytest.raises(Resolver404):
            resolve(f"/{settings.MEDIA_URL}{name}")


def test_every_file_field_stores_under_a_generated_name():
    from django.apps import apps
    from django.db import models

    fields = [
        (model.__name__, field)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
    ]
    assert {name for name, _ in fields} == {"Consent", "InspectionMandate", "Answer", "CooperationAgreement"}
    for _, field in fields:
        assert isinstance(field.upload_to, uploads.GeneratedName)
        stored = field.upload_to(None, "../../etc/passwd.pdf")
        assert re.fullmatch(r"[a-z/]+/\d{4}/[0-9a-f]{32}/passwd\.pdf", stored)
        assert re.fullmatch(r"[a-z/]+/\d{4}/[0-9a-f]{32}/script", field.upload_to(None, "<script>.exe"))
        assert re.fullmatch(r"[a-z/]+/\d{4}/[0-9a-f]{32}/bestand", field.upload_to(None, "€€€"))
        assert len(field.upload_to(None, "x" * 300 + ".docx")) <= field.max_length


@pytest.mark.parametrize("path", ["/api/v1/toetsingskaders/0./", "/api/v1/gezinnen/a.b/"])
def test_an_id_with_a_dot_is_a_json_404_not_the_html_page(world, login, path):
    """Found by the schema fuzzing: the router's default id pattern stopped at a dot, and Django answered HTML."""
    response = login(world.user(Role.PROCESS_MANAGER)).get(path)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
