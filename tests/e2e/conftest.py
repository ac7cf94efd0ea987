"""Browser tests: Playwright drives Debian's Chromium against a live server with the demo content."""

import os
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in this thread; the Django ORM calls made around it are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
E2E_DIR = Path(__file__).resolve().parent


@pytest.hookimpl(tryfirst=True)  # before pytest-django reads the markers to order and set up the databases
def pytest_collection_modifyitems(items):
    for item in items:
        if Path(str(item.fspath)).is_relative_to(E2E_DIR):
            item.add_marker(pytest.mark.e2e)
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture
def demo_site(live_server):
    call_command("load_demo", allow_demo_users=True, stdout=StringIO(), stderr=StringIO())
    return live_server


@pytest.fixture
def reader_page(page, demo_site):
    """A browser page logged in as the demo employee."""
    page.goto(f"{demo_site.url}/login/")
    page.get_by_label("Brugernavn").fill("medarbejder")
    page.get_by_label("Adgangskode").fill("demo1234")
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(f"{demo_site.url}/")
    return page
