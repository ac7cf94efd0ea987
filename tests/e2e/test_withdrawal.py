"""Withdrawing a document in the real admin, with Wagtail's page chooser for its replacement, and what the reader
sees afterwards: gone from the section, in the archive with its history, its old address leading there."""

from playwright.sync_api import expect

from handbook.models import DocumentWithdrawal, ProcedurePage
from tests.e2e.test_document_control import log_in


def test_the_unit_manager_withdraws_a_document_and_the_reader_finds_it_in_the_archive(browser, demo_site):
    live_url = demo_site.url
    document = ProcedurePage.objects.get(slug="behandling-af-klager-over-miljoegener")
    replacement = ProcedurePage.objects.get(slug="miljoetilsyn-paa-virksomheder")
    old_url = live_url + document.url

    manager = log_in(browser, live_url, "enhedsleder")
    manager.goto(f"{live_url}/admin/pages/{document.pk}/edit/")
    manager.locator("#w-slim-header-buttons").get_by_role("button", name="Handlinger").click()
    manager.get_by_role("link", name="Markér som udgået").click()
    expect(manager.get_by_role("heading", level=1)).to_contain_text(document.document_number)
    manager.get_by_role("button", name="Lad dokumentet udgå").click()  # nothing written: the reason is asked for
    expect(manager.locator(".error-message, .w-field__errors").first).to_be_visible()
    manager.locator("#id_reason").fill("Klager behandles nu efter tilsynsproceduren.")
    manager.get_by_role("button", name="Vælg en side").click()
    modal = manager.locator(".modal-dialog")
    modal.get_by_role("textbox").first.fill("Miljøtilsyn")
    modal.get_by_role("link", name=replacement.title).first.click()
    expect(manager.locator("#id_replaced_by")).to_have_value(str(replacement.pk))
    manager.get_by_role("button", name="Lad dokumentet udgå").click()
    expect(manager.locator(".messages")).to_be_visible()
    withdrawal = DocumentWithdrawal.objects.get(document=document)
    assert (withdrawal.withdrawn_by.username, withdrawal.replaced_by_id) == ("enhedsleder", replacement.pk)

    reader = log_in(browser, live_url, "medarbejder")
    reader.goto(live_url + document.get_parent().url)
    expect(reader.get_by_role("main")).not_to_contain_text(document.document_number)
    reader.goto(old_url)
    expect(reader.get_by_role("main")).to_contain_text("Udgået – ikke gældende")
    expect(reader.get_by_role("main")).to_contain_text(replacement.document_number)
    expect(reader.locator("tr.history-version").first).to_contain_text("Godkendt af")
    for page in (manager, reader):
        page.context.close()
