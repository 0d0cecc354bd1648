"""Real browser tests: Playwright driving Debian's chromium against Django's live server."""

import os
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page

from gezinsregie.demo.logins import DEMO_PASSWORD
from gezinsregie.demo.seed import demo_load
from gezinsregie.frameworks import services as framework_services
from gezinsregie.inspections.pseudonymise import library

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls there are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium", "args": CHROMIUM_ARGS}


@pytest.fixture
def demo_world(transactional_db: None) -> None:
    for path in framework_services.DEFAULT_FRAMEWORK_FILES:
        framework_services.framework_load(path=path)
    framework_services.life_domain_sets_load()
    demo_load()


@pytest.fixture
def login(live_server: Any, page: Page, demo_world: None) -> Callable[[str], Page]:
    def as_user(username: str) -> Page:
        page.goto(f"{live_server.url}/inloggen/")
        page.get_by_label("Gebruikersnaam", exact=True).fill(username)
        page.get_by_label("Wachtwoord", exact=True).fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Inloggen").click()
        return page

    return as_user


@pytest.fixture
def pseudonymiser() -> None:
    """deduce loaded before the first page that de-identifies a case: on a busy machine its first load (up to a
    minute) would outlast a page's 30 s timeout. Once per process; the live server runs in this process."""
    library.warm()
