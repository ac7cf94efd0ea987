"""The whole revision loop in a real browser: an editor revises, the section's reviewer reviews, the unit manager
approves, the reader confirms; and the unit manager cannot make a change of their own live alone."""

import re

from playwright.sync_api import expect

from handbook.models import ProcedurePage


def log_in(browser, live_url, username):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{live_url}/login/")
    page.get_by_label("Brugernavn").fill(username)
    page.get_by_label("Adgangskode").fill("demo1234")
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(re.compile(r"^(?!.*/login/).*$"))
    return page


def open_action_menu(page):
    page.locator("footer .w-dropdown-button button:has(.w-sr-only)").first.click()


def test_editor_revises_approver_approves_reader_confirms(browser, demo_site):
    procedure = ProcedurePage.objects.get(slug="anmeldelse-af-jordflytning")
    assert procedure.version == "1.0"
    live_url = demo_site.url

    editor = log_in(browser, live_url, "redaktoer")
    editor.goto(f"{live_url}/admin/pages/{procedure.pk}/edit/")
    editor.locator("#id_change_summary").fill("Nye krav til jordanalyser ved flytning af over 30 tons.")
    editor.locator("#id_is_significant_change").check()
    open_action_menu(editor)
    editor.locator("button[name='action-submit']").click()
    expect(editor.locator(".messages")).to_contain_text("indsendt til moderation")

    reviewer = log_in(browser, live_url, "fagperson")
    approve_in_editor(reviewer, live_url, procedure)

    approver = log_in(browser, live_url, "enhedsleder")
    approve_in_editor(approver, live_url, procedure)

    reader = log_in(browser, live_url, "medarbejder")
    reader.goto(live_url + procedure.url)
    metadata = reader.get_by_role("region", name="Dokumentoplysninger")
    expect(metadata).to_contain_text("2.0")
    expect(reader.get_by_role("main")).to_contain_text("Nye krav til jordanalyser")
    reader.get_by_role("button", name="Jeg har læst og forstået").click()
    expect(reader.get_by_role("main")).to_contain_text("Du bekræftede at have læst version 2.0")
    reader.goto(live_url + procedure.url + "versioner/")
    current = reader.locator("tr.history-current")
    expect(current).to_contain_text("Rasmus Nielsen")
    expect(current).to_contain_text("Lars Berg")
    expect(current).to_contain_text("Anne Holm")
    for page in (editor, reviewer, approver, reader):
        page.context.close()


def approve_in_editor(page, live_url, procedure):
    page.goto(f"{live_url}/admin/pages/{procedure.pk}/edit/")
    open_action_menu(page)
    page.locator("button[data-workflow-action-name='approve']").first.click()
    expect(page.locator(".messages")).to_be_visible()


def test_the_unit_manager_cannot_make_a_change_live_alone(browser, demo_site):
    procedure = ProcedurePage.objects.get(slug="anmeldelse-af-jordflytning")
    live_url = demo_site.url
    approver = log_in(browser, live_url, "enhedsleder")
    approver.goto(f"{live_url}/admin/pages/{procedure.pk}/edit/")
    approver.locator("#id_change_summary").fill("Rettet af enhedslederen selv.")

    open_action_menu(approver)
    expect(approver.locator("button[name='action-publish']")).to_have_count(0)
    approver.locator("button[name='action-submit']").click()
    expect(approver.locator(".messages")).to_contain_text("indsendt til moderation")

    # The review passes, but the last step is the unit manager's own change: no approval is offered to them.
    reviewer = log_in(browser, live_url, "fagperson")
    approve_in_editor(reviewer, live_url, procedure)
    approver.goto(f"{live_url}/admin/pages/{procedure.pk}/edit/")
    open_action_menu(approver)
    expect(approver.locator("button[data-workflow-action-name='approve']")).to_have_count(0)
    assert ProcedurePage.objects.get(pk=procedure.pk).version == "1.0"
    for page in (approver, reviewer):
        page.context.close()
