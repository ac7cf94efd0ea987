"""axe-core finds no WCAG 2.1 A/AA violation on the reader's pages."""

from axe_playwright_python.sync_playwright import Axe

from handbook.models import HandbookIndexPage, InstructionPage, PolicyPage, ProcedurePage, SectionPage

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def violations(page, url):
    page.goto(url)
    results = Axe().run(page, options=WCAG_21_AA)
    return [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])} elements, "
        f"first: {violation['nodes'][0]['html'][:120]})"
        for violation in results.response["violations"]
    ]


def test_login_page(page, demo_site):
    assert violations(page, f"{demo_site.url}/login/") == []


def test_reader_pages(reader_page, demo_site):
    pages = {
        "forside": "/",
        "håndbog": HandbookIndexPage.objects.get().url,
        "afsnit": SectionPage.objects.live().first().url,
        "politik": PolicyPage.objects.live().first().url,
        "procedure": ProcedurePage.objects.live().first().url,
        "instruks": InstructionPage.objects.live().first().url,
    }
    found = {name: violations(reader_page, demo_site.url + url) for name, url in pages.items()}

    assert found == dict.fromkeys(pages, [])
