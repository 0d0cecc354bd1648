"""Static files from node_modules: only the files the pages load (VENDOR_STATIC), not the packages' whole dist
folders (source maps, token JSON, Figma exports), so collectstatic stays quick and the image small."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.core.checks import CheckMessage, Error
from django.core.files.storage import FileSystemStorage


class VendorFinder(BaseFinder):
    """settings.VENDOR_STATIC: {"vendor/htmx/htmx.min.js": Path(".../node_modules/htmx.org/dist/htmx.min.js")}."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.files: dict[str, Path] = {name: Path(path) for name, path in settings.VENDOR_STATIC.items()}

    def check(self, **kwargs: Any) -> list[CheckMessage]:
        return [
            Error(f"{path} ontbreekt (voor {name}).", hint="Draai bin/setup (npm ci).", id="web.E001")
            for name, path in self.files.items()
            if not path.is_file()
        ]

    def find(self, path: str, find_all: bool = False, **kwargs: Any) -> Any:  # str, or a list with find_all
        found = self.files.get(path)
        if found is None or not found.is_file():
            return [] if find_all else ""
        return [str(found)] if find_all else str(found)

    def list(self, ignore_patterns: Any) -> Iterator[tuple[str, FileSystemStorage]]:
        for name, path in self.files.items():
            if not path.is_file():
                continue
            prefix, _, filename = name.rpartition("/")
            storage = FileSystemStorage(location=str(path.parent))
            storage.prefix = prefix  # type: ignore[attr-defined]
            yield filename, storage
