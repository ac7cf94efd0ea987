"""The WorkSmarter group handles a deviation to «Lukket» in the real admin: every step with the main button, no
server error, and no English on the screens it uses (editor, status panel, history, list)."""

import datetime
import re

from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from forms.models import Deviation
from tests.e2e.test_document_control import log_in

# Wagtail's own English that the quality group would meet on these screens if a translation were missing.
ENGLISH = re.compile(
    r"\b(Live|Draft|Publish|Published|Unpublish|Save draft|More actions|Collapse all|Expand all|First published|"
    r"No publishing schedule set|Page \d+ of|User|History|Locking|Usage|Used \d+ times?|In Moderation|"
    r"Anyone can edit|Status changed|by [A-ZÆØÅ])\b"
)


def english_on(page):
    return sorted({match.group(0) for match in ENGLISH.finditer(page.locator("body").inner_text())})


def save_and_show(page):
    """The main button: saves the step and shows it to the reporter."""
    page.get_by_role("button", name="Gem og vis for indberetter").click()
    expect(page.locator(".messages")).to_be_visible()


def test_worksmarter_handles_a_deviation_to_closed_in_danish(browser, demo_site):
    live_url = demo_site.url
    case = Deviation.objects.filter(status="received", anonymous=False).order_by("pk").first()
    handler = log_in(browser, live_url, "worksmarter")
    server_errors = []
    handler.on("response", lambda response: response.status >= 500 and server_errors.append(response.url))
    edit_url = live_url + reverse(Deviation.snippet_viewset.get_url_name("edit"), args=[case.pk])
    english = {}

    handler.goto(edit_url)
    handler.locator("[data-side-panel-toggle='status']").click()
    english["editor with its status panel"] = english_on(handler)
    handler.locator("#id_handler").select_option(label="Søren Madsen (worksmarter)")
    due = timezone.localdate() + datetime.timedelta(days=14)
    handler.locator("#id_due_date").fill(due.strftime("%d.%m.%Y"))
    handler.locator("#id_due_date").press("Tab")
    handler.locator("#id_status").select_option(label="Under behandling")
    save_and_show(handler)
    assert Deviation.objects.get(pk=case.pk).status == "in_progress"

    handler.goto(edit_url)
    handler.locator("#id_status").select_option(label="Handling iværksat")
    handler.locator("#id_cause").fill("Skabelonen manglede feltet.")
    handler.locator("#id_handling_action").fill("Feltet er tilføjet, og skabelonen er udsendt igen.")
    save_and_show(handler)
    assert Deviation.objects.get(pk=case.pk).status == "action_taken"

    handler.goto(edit_url)
    handler.locator("#id_status").select_option(label="Lukket")
    handler.locator("#id_effectiveness_check").fill("Tjekket efter en måned: ingen gentagelser.")
    save_and_show(handler)
    english["list after closing"] = english_on(handler)
    assert Deviation.objects.get(pk=case.pk).status == "closed"

    handler.goto(live_url + reverse(Deviation.snippet_viewset.get_url_name("history"), args=[case.pk]))
    expect(handler.get_by_role("main")).to_contain_text("Lukket")
    english["history"] = english_on(handler)

    assert server_errors == []
    assert english == dict.fromkeys(english, [])
    handler.context.close()
