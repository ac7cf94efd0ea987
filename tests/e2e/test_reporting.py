"""Reporting in a real browser: an employee reports a problem with a procedure and follows it while the
WorkSmarter group takes it on; axe-core checks the reporter's pages for WCAG 2.1 A/AA violations."""

import datetime

from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from forms.models import Deviation, ProposalBoardPage, ProposalFormPage, ReportingIndexPage
from handbook.models import ProcedurePage
from tests.e2e.test_accessibility import WCAG_21_AA
from tests.e2e.test_document_control import log_in, open_action_menu


def violations_here(page):
    """axe-core's WCAG 2.1 A/AA violations on the page as it stands (a receipt is the answer to a post)."""
    results = Axe().run(page, options=WCAG_21_AA)
    return [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])} elements, "
        f"first: {violation['nodes'][0]['html'][:120]})"
        for violation in results.response["violations"]
    ]


def test_an_employee_reports_a_problem_and_follows_it_while_it_is_handled(browser, demo_site):
    live_url = demo_site.url
    procedure = ProcedurePage.objects.get(slug="anmeldelse-af-jordflytning")
    found = {}

    # The employee reports a problem from the procedure.
    reader = log_in(browser, live_url, "medarbejder")
    reader.goto(live_url + procedure.url)
    reader.get_by_role("link", name="Rapportér et problem med dette dokument").click()
    expect(reader.locator("#report-document")).to_contain_text(
        f"Dokument: {procedure.document_number} {procedure.title}, version {procedure.version}"
    )
    expect(reader.get_by_label("Dokument i håndbogen", exact=False)).to_have_value(procedure.document_number)
    found["afvigelsesformular"] = violations_here(reader)

    reader.get_by_role("button", name="Send").click()  # nothing filled in: the errors are summed up
    expect(reader.locator("#form-errors")).to_contain_text("Kort titel: Dette felt er påkrævet.")
    found["afvigelsesformular med fejl"] = violations_here(reader)

    reader.get_by_label("Kort titel", exact=True).fill("Kvitteringsskabelonen mangler matrikelnummer")
    reader.get_by_label("Beskrivelse", exact=True).fill("Skabelonen til kvittering har intet felt til matriklen.")
    reader.get_by_role("button", name="Send").click()

    # The receipt.
    expect(reader.get_by_role("heading", level=1)).to_have_text("Tak, vi har modtaget din indberetning")
    reference = reader.locator(".receipt-reference").inner_text().strip()
    case = Deviation.objects.get(reference=reference)
    assert case.document_id == procedure.pk and case.reporter.username == "medarbejder"
    expect(reader.get_by_role("main")).to_contain_text("Vi sender en kvittering til medarbejder@kommune.example")
    found["kvittering"] = violations_here(reader)

    # “Mine indberetninger” shows it as received.
    reader.get_by_role("link", name="Alle dine indberetninger").click()
    expect(reader.get_by_role("heading", level=1)).to_have_text("Mine indberetninger")
    row = reader.get_by_role("row").filter(has_text=reference)
    expect(row).to_contain_text("Modtaget")
    found["mine indberetninger"] = violations_here(reader)
    row.get_by_role("link", name="Kvitteringsskabelonen mangler matrikelnummer").click()
    expect(reader.locator(".case-state")).to_contain_text("Modtaget")
    case_url = reader.url
    found["sag"] = violations_here(reader)

    # The WorkSmarter group takes it on in the administration.
    handler = log_in(browser, live_url, "worksmarter")
    handler.goto(live_url + reverse(Deviation.snippet_viewset.get_url_name("list")))
    handler.get_by_role("row").filter(has_text="Kvitteringsskabelonen").get_by_role("link", name=reference).click()
    handler.locator("#id_handler").select_option(label="Søren Madsen (worksmarter)")
    due = timezone.localdate() + datetime.timedelta(days=14)
    handler.locator("#id_due_date").fill(due.strftime("%d.%m.%Y"))
    handler.locator("#id_due_date").press("Tab")  # closes the date picker, which would cover the action menu
    handler.locator("#id_status").select_option(label="Under behandling")
    open_action_menu(handler)
    handler.locator("button[name='action-publish']").click()
    expect(handler.locator(".messages")).to_be_visible()
    case.refresh_from_db()
    assert (case.status, case.handler.username, case.due_date) == ("in_progress", "worksmarter", due)

    # The employee sees the new state.
    reader.goto(case_url)
    expect(reader.locator(".case-state")).to_contain_text("Under behandling")
    expect(reader.locator(".case-timeline")).to_contain_text("Under behandling")
    expect(reader.get_by_role("main")).to_contain_text("Søren Madsen")
    reader.goto(live_url + ReportingIndexPage.objects.get().url + "mine/")
    expect(reader.get_by_role("row").filter(has_text=reference)).to_contain_text("Under behandling")

    # The other pages the reporter uses.
    for name, page_class in (("forslagsformular", ProposalFormPage), ("forbedringsforslag", ProposalBoardPage)):
        reader.goto(live_url + page_class.objects.live().get().url)
        found[name] = violations_here(reader)
    expect(reader.locator(".board-item").first).to_be_visible()  # the demo has proposals on the board

    assert found == dict.fromkeys(found, [])
    for page in (reader, handler):
        page.context.close()
