"""Which answer the API gives (issue 12 §10): JSON, or 406 — never 500.

The finding: `GET /api/v1/gezinnen/` with `Accept: text/html` answered 500 (DRF's browsable renderer could not
render a view without a queryset). The API renders JSON only (REST_FRAMEWORK's DEFAULT_RENDERER_CLASSES); an Accept
that rules JSON out is a 406 with a Dutch message, in JSON.
"""

from collections.abc import Iterable
from typing import Any

from rest_framework.exceptions import NotAcceptable
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request


class JsonOnlyNegotiation(DefaultContentNegotiation):
    def select_renderer(
        self, request: Request, renderers: Iterable[BaseRenderer], format_suffix: str | None = None
    ) -> Any:
        try:
            return super().select_renderer(request, renderers, format_suffix)
        except NotAcceptable as refused:
            offered = ", ".join(sorted({str(r.media_type) for r in renderers}))
            raise NotAcceptable(
                f"Deze API antwoordt alleen in {offered}: vraag met Accept: application/json, of laat Accept weg."
            ) from refused
