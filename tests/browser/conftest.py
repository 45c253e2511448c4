"""Playwright driving Debian's Chromium (never `playwright install`: it downloads a browser).

Browser tests are skipped, with the reason, when Chromium is not installed; CI installs it.
"""

import os
import shutil

import pytest

from tests.public_page_fixtures import (  # noqa: F401 (fixtures for PUBLIC_PAGES)
    pp_cycle_index,
    pp_cycle_index_en,
    pp_cycles,
    pp_forum,
    pp_invitation_token,
    pp_lesson_alert_token,
    pp_lessons,
    pp_library,
    pp_receipt_cycle,
    pp_reminder_token,
)

CHROMIUM = (
    os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Playwright's sync API runs an event loop in the test thread; the ORM calls that set up
# test data run in that same thread, outside any coroutine.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Mark browser tests before pytest-django orders the run by database use.

    A browser test flushes the database when it ends; marked transactional before that
    ordering, every browser test runs after the tests that share one transaction, as
    Django orders a TransactionTestCase after each TestCase.
    """
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
            # The live server runs in another thread: real transactions, and the rows that
            # data migrations made (locales, roles, root page) restored after each test.
            item.add_marker(
                pytest.mark.django_db(transaction=True, serialized_rollback=True)
            )
            if not os.path.exists(CHROMIUM):
                item.add_marker(
                    pytest.mark.skip(
                        reason=f"Chromium not found at {CHROMIUM}: install Debian's chromium"
                    )
                )


@pytest.fixture(scope="session")
def chromium_browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_context(chromium_browser):
    context = chromium_browser.new_context(
        locale="fr-FR", viewport={"width": 1024, "height": 800}
    )
    yield context
    context.close()


@pytest.fixture
def connection(browser_context, live_server):
    """The page's connection to the live server, to drop and restore (network.py)."""
    from tests.browser.network import Connection

    line = Connection(browser_context, live_server.url)
    yield line
    line.close()


@pytest.fixture
def page(browser_context):
    page = browser_context.new_page()
    page.set_default_timeout(15_000)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.js_errors = errors
    yield page


def log_in(
    page, base_url: str, username: str, password: str = "district-team-test", lang="fr"
):
    """Log in through the real login form, as a person would."""
    page.goto(f"{base_url}/{lang}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("form.stack-form button[type=submit]")
    page.wait_for_load_state("networkidle")
