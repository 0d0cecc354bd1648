"""Uploaded files (issue 12 §10, ASVS 4.0 V12): one check for every upload, by what the file contains, never by its
name; stored under a generated name; served only by a view that asks the policy (no media URL anywhere).

The uploads: the scan of a consent (toestemmingsverklaring) and of a mandate (machtiging) — PDF, PNG or JPEG —
and the documents of a cooperation agreement and of a respondent's answer, which may also be office files or
plain text. The kind is read from the first bytes (the file's signature); an office file must also be the zip or
compound file its kind says, and a text UTF-8 without control characters. Plain text and the two compound files
(Word 97, Excel 97) have no signature of their own, so for those the name must say the same as the content. A file
whose content does not match an allowed kind is refused with a Dutch message, whatever its name says. The stored
name is generated (`GeneratedName`: folder/year/random hex/a slug of the uploader's name + the extension of the
kind found): the random folder makes it unguessable, the slug (letters, digits, dashes, at most 30) keeps the name a
person recognises in the list, and nothing the uploader typed reaches the disk unchanged.

Too large a request is refused before its body is read (common.middleware.RequestSizeLimitMiddleware); a file
that is within that limit but over UPLOAD_MAX_SIZE is refused here.
"""

import uuid
import zipfile
from collections.abc import Collection
from pathlib import PurePath
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.text import slugify

PDF, PNG, JPEG = ".pdf", ".png", ".jpg"
DOCX, XLSX, ODT, ODS, DOC, XLS, TXT = ".docx", ".xlsx", ".odt", ".ods", ".doc", ".xls", ".txt"
SCAN_KINDS = frozenset({PDF, PNG, JPEG})
DOCUMENT_KINDS = SCAN_KINDS | {DOCX, XLSX, ODT, ODS, DOC, XLS, TXT}
KNOWN_SUFFIXES = DOCUMENT_KINDS | {".jpeg"}

SIGNATURES = [(b"%PDF", PDF), (b"\x89PNG\r\n\x1a\n", PNG), (b"\xff\xd8\xff", JPEG)]
ZIP = b"PK\x03\x04"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound file of Word 97-2003 and Excel 97-2003
ODF_TYPES = {"application/vnd.oasis.opendocument.text": ODT, "application/vnd.oasis.opendocument.spreadsheet": ODS}
TEXT_SAMPLE = 64 * 1024
STEM_LENGTH = 30  # of the uploader's name, as a slug: the longest stored name stays within FileField's 100
WHAT_IS_ALLOWED = {
    SCAN_KINDS: "Alleen pdf, png of jpg.",
    DOCUMENT_KINDS: "Alleen pdf, Word, Excel, OpenDocument, tekst of een afbeelding (png, jpg).",
}


def max_size() -> int:
    return int(settings.UPLOAD_MAX_SIZE)


def _office_kind(file: IO[bytes]) -> str | None:
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                return ODF_TYPES.get(archive.read("mimetype").decode("ascii", "replace").strip())
            if "[Content_Types].xml" in names:
                if any(n.startswith("word/") for n in names):
                    return DOCX
                if any(n.startswith("xl/") for n in names):
                    return XLSX
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, RuntimeError, NotImplementedError, EOFError):
        return None
    return None


def _is_text(sample: bytes) -> bool:
    try:
        text = sample.decode("utf-8-sig")
    except UnicodeDecodeError as error:  # a sample may cut a character in two at its end
        if error.start < len(sample) - 3 or len(sample) < TEXT_SAMPLE:
            return False
        text = sample[: error.start].decode("utf-8-sig")
    return bool(text.strip()) and all(c.isprintable() or c in "\t\r\n\f" for c in text)


def kind_of(file: IO[bytes], *, named: str = "") -> str | None:
    """The kind of `file` by its content (one of DOCUMENT_KINDS), or None. `named` (the uploader's file name) only
    tells a Word 97 file from an Excel 97 one: both are the same compound file."""
    file.seek(0)
    head = file.read(TEXT_SAMPLE)
    file.seek(0)
    try:
        for signature, kind in SIGNATURES:
            if head.startswith(signature):
                return kind
        if head.startswith(ZIP):
            return _office_kind(file)
        if head.startswith(OLE2):
            suffix = PurePath(named).suffix.lower()
            return suffix if suffix in {DOC, XLS} else None
        return TXT if PurePath(named).suffix.lower() == TXT and _is_text(head) else None
    finally:
        file.seek(0)


def check_upload(file: Any, *, kinds: Collection[str], what: str = "Het bestand") -> str:
    """Refuse `file` unless its content is one of `kinds` and it is within UPLOAD_MAX_SIZE; the kind found. The
    file's name becomes a slug of the uploader's name + that kind's extension (GeneratedName makes the rest)."""
    limit = max_size()
    if file.size is not None and file.size > limit:
        raise ValidationError(f"{what} is groter dan {limit // (1024 * 1024)} MB.", code="too_large")
    kind = kind_of(file, named=file.name or "")
    if kind not in kinds:
        allowed = WHAT_IS_ALLOWED.get(frozenset(kinds), "Dit soort bestand wordt niet aangenomen.")
        raise ValidationError(
            f"{what} is geen bestand van een toegestane soort (gekeken naar de inhoud, niet de naam). {allowed}",
            code="kind",
        )
    assert kind is not None  # refused above otherwise
    file.name = f"{_stem(file.name or '')}{kind}"
    return kind


def check_scan(file: Any) -> None:
    """Validator for a scan (consent, mandate): PDF, PNG or JPEG."""
    if file:
        check_upload(file, kinds=SCAN_KINDS, what="De scan")


def check_document(file: Any) -> None:
    """Validator for a document (cooperation agreement, questionnaire answer): also office files and text."""
    if file:
        check_upload(file, kinds=DOCUMENT_KINDS, what="Het document")


def _stem(name: str) -> str:
    return slugify(PurePath(name).stem)[:STEM_LENGTH].strip("-") or "bestand"


@deconstructible
class GeneratedName:
    """upload_to for a FileField: `<folder>/<year>/<32 random hex>/<slug of the name><extension>`. The extension is
    the one the check gave the file (check_upload), and only a known one."""

    def __init__(self, folder: str) -> None:
        self.folder = folder.strip("/")

    def __call__(self, instance: object, filename: str) -> str:
        suffix = PurePath(filename).suffix.lower()
        suffix = JPEG if suffix == ".jpeg" else suffix
        suffix = suffix if suffix in KNOWN_SUFFIXES else ""
        return f"{self.folder}/{timezone.now():%Y}/{uuid.uuid4().hex}/{_stem(filename)}{suffix}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, GeneratedName) and other.folder == self.folder

    def __hash__(self) -> int:
        return hash((GeneratedName, self.folder))
