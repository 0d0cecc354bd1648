"""What the API reads (issue 12 §10): JSON only, of a bounded size and depth.

The finding: a deeply nested JSON body answered 500 (Python's decoder gives up with a RecursionError). Now a body
larger than DATA_UPLOAD_MAX_MEMORY_SIZE is refused (413) without reading further, nesting deeper than MAX_DEPTH is
refused (400), and invalid JSON is a 400 — each with a Dutch message.
"""

import codecs
import json
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from rest_framework import status
from rest_framework.exceptions import APIException, ParseError
from rest_framework.parsers import JSONParser

from gezinsregie.common.middleware import size_in_words

MAX_DEPTH = 20  # an aanmelding is 4 deep (body → members → member → field); 20 leaves room for any integration


class RequestTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "Het verzoek is te groot."
    default_code = "request_too_large"


def depth(value: object) -> int:
    """How deeply `value` nests lists and objects (a scalar is 0), without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in children)
    return deepest


class BoundedJSONParser(JSONParser):
    def parse(self, stream: Any, media_type: str | None = None, parser_context: Mapping[str, Any] | None = None) -> Any:
        limit = int(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
        raw = stream.read(limit + 1) if stream is not None else b""
        if len(raw) > limit:
            raise RequestTooLarge(f"Het verzoek is te groot: hoogstens {size_in_words(limit)}.")
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = codecs.decode(raw, encoding)
        except (UnicodeDecodeError, LookupError) as error:
            raise ParseError(f"De inhoud is geen tekst in {encoding}.") from error
        try:
            data = json.loads(text, parse_constant=_no_constant)
        except RecursionError as error:
            raise ParseError(f"De JSON is te diep genest: hoogstens {MAX_DEPTH} niveaus.") from error
        except ValueError as error:
            raise ParseError(f"Ongeldige JSON: {error}") from error
        if depth(data) > MAX_DEPTH:
            raise ParseError(f"De JSON is te diep genest: hoogstens {MAX_DEPTH} niveaus.")
        return data


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is geen geldige JSON-waarde")
