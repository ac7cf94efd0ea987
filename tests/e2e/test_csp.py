"""Content-Security-Policy in a real browser: Chromium reports no refused script, style, image or frame on the
readers' pages (strict policy) nor on the editors' main admin pages (the admin's relaxations), and what runs
on them still works: the search suggestions, DKFDS's components, the admin's page editor, preview and uploads.

Violations are caught by a `securitypolicyviolation` listener that Playwright adds to every document before its
own scripts (init scripts are not subject to the page's policy), and by Chromium's console messages about it.
"""

import re
import struct
import zlib

from playwright.sync_api import expect

from forms.models import Deviation
from handbook.models import HandbookIndexPage, ProcedurePage

LISTEN = """
document.addEventListener("securitypolicyviolation", (event) => window.reportCspViolation({
    url: location.pathname + location.search,
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    source: event.sourceFile + ":" + event.lineNumber,
}));
"""


class Watched:
    """A browser context for one user that records every policy violation in any of its pages and frames."""

    def __init__(self, browser):
        self.context = browser.new_context()
        self.violations = []
        self.context.expose_function("reportCspViolation", self.record)
        self.context.add_init_script(LISTEN)
        self.tab = self.context.new_page()
        self.tab.on("console", self.console)

    def record(self, violation):
        self.violations.append(violation)

    def console(self, message):
        if "Content Security Policy" in message.text:
            self.violations.append({"url": self.tab.url, "console": message.text[:300]})

    def log_in(self, live_url, username):
        self.tab.goto(f"{live_url}/login/")
        self.tab.get_by_label("Brugernavn").fill(username)
        self.tab.get_by_label("Adgangskode").fill("demo1234")
        self.tab.get_by_role("button", name="Log ind").click()
        self.tab.wait_for_url(re.compile(r"^(?!.*/login/).*$"))
        return self

    def visit(self, url):
        response = self.tab.goto(url)
        self.tab.wait_for_load_state("networkidle")
        assert response.status == 200, f"{url}: {response.status}"
        return self.tab

    def settle(self):
        """Lets late reports (styles applied by scripts, images loaded late) arrive."""
        self.tab.wait_for_load_state("networkidle")
        self.tab.wait_for_timeout(300)


def route(document, name, *args):
    return document.url + document.reverse_subpage(name, args=args)


def revised(document):
    """The document at version 1.1 after 1.0, so that there is a superseded version and a comparison."""
    document.save_revision().publish()
    return ProcedurePage.objects.get(pk=document.pk)


def test_the_reader_pages_run_under_the_strict_policy_and_their_scripts_work(browser, demo_site):
    live = demo_site.url
    document = revised(ProcedurePage.objects.get(slug="anmeldelse-af-jordflytning"))
    section = document.get_parent().specific
    reporting = "/indberetninger/"
    reader = Watched(browser)

    reader.visit(f"{live}/login/")
    reader.log_in(live, "medarbejder")
    for url in [
        "/",
        HandbookIndexPage.objects.get().url,
        section.url,
        document.url,
        route(document, "history"),
        route(document, "version", 1, 0),
        route(document, "compare") + "?fra=1.0&til=1.1",
        route(document, "print"),
        "/search/?q=afvigelse",
        "/search/?q=afvigelse&type=procedurepage",
        reporting,
        f"{reporting}foreslaa-en-forbedring/",
        f"{reporting}forbedringsforslag/",
        f"{reporting}mine/",
    ]:
        reader.visit(live + url)
    reader.settle()
    assert reader.violations == []

    # Det Fælles Designsystem started: the version history table got its headers on each cell for small screens.
    tab = reader.visit(live + route(document, "history"))
    expect(tab.locator("html")).to_have_class(re.compile(r"\bjs\b"))
    expect(tab.locator(".history-table tbody td[data-title]").first).to_be_attached()

    # The search box suggests titles as the reader types (fetch to our own address, under connect-src 'self').
    tab.locator("#header-search-q").fill("anmeld")
    expect(tab.locator("datalist#header-search-q-suggestions > option").first).to_be_attached(timeout=5000)

    # A refused report: DKFDS's error summary takes the focus; then a report is sent and its case opened.
    tab = reader.visit(f"{live}{reporting}indberet-en-afvigelse/")
    tab.get_by_role("button", name="Send").click()
    expect(tab.locator("#form-errors")).to_be_focused()
    tab.locator("#id_title").fill("Skabelonen mangler en dato")
    tab.locator("#id_description").fill("Der er intet felt til afgørelsesdatoen.")
    for answer in tab.locator(".report-form input[type=text]:not(#id_document)").all():
        answer.fill("I går")  # the questions the editors added to the demo form
    tab.get_by_role("button", name="Send").click()
    tab.wait_for_load_state("networkidle")
    reference = Deviation.objects.latest("pk").reference
    expect(tab.locator("main")).to_contain_text(reference)
    reader.visit(f"{live}{reporting}sag/{reference}/")
    reader.settle()
    assert reader.violations == []


def tiny_png():
    """A 4 × 4 red PNG, made here so that the test needs no file."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = (b"\x00" + b"\xff\x00\x00" * 4) * 4
    header = struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def test_the_admin_works_for_editors_under_its_policy(browser, demo_site):
    live = demo_site.url
    document = ProcedurePage.objects.get(slug="anmeldelse-af-jordflytning")
    deviation = Deviation.objects.first()
    admin = Watched(browser).log_in(live, "admin")

    for url in [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{document.get_parent().pk}/",
        "/admin/snippets/forms/deviation/",
        f"/admin/snippets/forms/deviation/edit/{deviation.pk}/",
        "/admin/snippets/forms/improvementproposal/",
        "/admin/documents/",
        "/admin/images/",
        "/admin/reports/locked/",
        "/admin/reports/site-history/",
        "/admin/reports/aging-pages/",
        "/admin/reports/workflow/",
        "/admin/workflows/list/",
        "/admin/handbook/review/",
        f"/admin/pages/{document.pk}/history/",
    ]:
        admin.visit(live + url)
    admin.settle()
    assert admin.violations == []

    # The page editor: the StreamField takes a new block, and the preview panel shows the page.
    tab = admin.visit(f"{live}/admin/pages/{document.pk}/edit/")
    blocks = tab.locator(".c-sf-block__type")
    before = blocks.count()
    assert before > 0  # the StreamField was drawn by Wagtail's scripts
    tab.locator("button.c-sf-add-button:visible").first.click()
    tab.locator("[role=option]:visible").first.click()
    expect(blocks).to_have_count(before + 1)
    tab.locator('button[data-side-panel-toggle="preview"]').first.click()
    preview = tab.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1")).to_contain_text(document.title, timeout=10_000)

    # Images and documents are uploaded through the multiple upload, with a preview of the image.
    tab = admin.visit(f"{live}/admin/images/multiple/add/")
    tab.set_input_files("input[type=file]", files=[{"name": "rod.png", "mimeType": "image/png", "buffer": tiny_png()}])
    expect(tab.locator("#upload-list .upload-success")).to_have_count(1, timeout=10_000)
    tab = admin.visit(f"{live}/admin/documents/multiple/add/")
    tab.set_input_files("input[type=file]", files=[{"name": "note.txt", "mimeType": "text/plain", "buffer": b"hej"}])
    expect(tab.locator("#upload-list .upload-success")).to_have_count(1, timeout=10_000)
    admin.settle()
    assert admin.violations == []


def test_the_editorial_workflow_runs_under_the_admin_policy(browser, demo_site):
    live = demo_site.url
    document = ProcedurePage.objects.get(slug="anmeldelse-af-jordflytning")

    editor = Watched(browser).log_in(live, "redaktoer")
    tab = editor.visit(f"{live}/admin/pages/{document.pk}/edit/")
    tab.locator("#id_change_summary").fill("Nye krav til jordanalyser.")
    tab.locator("footer .w-dropdown-button button:has(.w-sr-only)").first.click()
    tab.locator("button[name='action-submit']").click()
    expect(tab.locator(".messages")).to_contain_text("indsendt til moderation")
    editor.settle()

    reviewer, approver = Watched(browser).log_in(live, "fagperson"), Watched(browser).log_in(live, "enhedsleder")
    for person in (reviewer, approver):
        person.visit(f"{live}/admin/")  # the dashboard lists the task awaiting approval
        tab = person.visit(f"{live}/admin/pages/{document.pk}/edit/")
        tab.locator("footer .w-dropdown-button button:has(.w-sr-only)").first.click()
        tab.locator("button[data-workflow-action-name='approve']").first.click()
        expect(tab.locator(".messages")).to_be_visible()
        person.settle()

    assert editor.violations == [] and reviewer.violations == [] and approver.violations == []
    assert ProcedurePage.objects.get(pk=document.pk).version == "1.1"
