"""Search in a real browser: an employee searches from the header of a handbook page with a Danish inflected
word, narrows by a facet, opens a hit; the title suggestions fill the datalist; axe-core checks the search
page with hits, with none and with a facet ticked for WCAG 2.1 A/AA violations.

The data is built here, not taken from the demo. The search strings are not translated yet, so the page is
read by its structure (ids, classes, form values) and by numbers, not by its English or Danish wording.
"""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from handbook.models import InstructionPage, PolicyPage, ProcedurePage, SectionPage
from tests.e2e.test_reporting import violations_here
from tests.factories import UserFactory, build_site, make_document

QUERY = "afvigelserne"  # no document says it in this form: only the stem "afvig" joins it to them


def paragraph(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


@pytest.fixture
def handbook(live_server):
    """Two sections; four documents of three types that speak of "afvigelse" in some inflection, one that does not."""
    site = build_site()
    common = site.handbook.add_child(instance=SectionPage(title="Fælles", slug="faelles"))
    quality = Group.objects.create(name="Kvalitetsgruppen")

    def document(section, page_class, title, text, slug):
        return make_document(section, page_class, title=title, slug=slug, summary=text, body=paragraph(text))

    return {
        "handling": document(
            common, ProcedurePage, "Håndtering af afvigelser", "Sådan registreres og lukkes en afvigelse.", "afv"
        ),
        "registration": document(
            common, InstructionPage, "Registrering i sagssystemet", "Afvigelsen registreres samme dag.", "reg"
        ),
        "policy": document(
            site.section, PolicyPage, "Kvalitetspolitik", "Vi lærer af hver afvigelse, stor som lille.", "pol"
        ),
        "audit": make_document(
            site.section,
            ProcedurePage,
            title="Intern audit",
            slug="audit",
            owner_team=quality,
            summary="Fund fra en audit behandles som afvigelser.",
            body=paragraph("Auditor skriver rapporten inden 14 dage."),
        ),
        "noise": make_document(site.section, ProcedurePage),  # about noise: never found by the query
    }


@pytest.fixture
def employee_page(page, live_server, handbook):
    UserFactory(username="medarbejder")
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Brugernavn").fill("medarbejder")
    page.get_by_label("Adgangskode").fill("demo1234")
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(f"{live_server.url}/")
    return page


def hit_count(page):
    return int(re.search(r"\d+", page.locator(".search-count").inner_text()).group())


def test_an_employee_searches_from_a_handbook_page_narrows_by_type_and_opens_a_hit(
    employee_page, live_server, handbook
):
    page = employee_page
    found = {}

    # From the header of a handbook page, with an inflected form no document uses.
    page.goto(live_server.url + handbook["noise"].url)
    header_box = page.locator("header #header-search-q")
    header_box.fill(QUERY)
    header_box.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=afvigelserne$"))

    hits = page.locator("ol.search-hits > .search-hit")
    expect(hits).to_have_count(4)
    assert hit_count(page) == 4
    titles = hits.locator(".search-hit-title a")
    expected = {doc.title for key, doc in handbook.items() if key != "noise"}
    assert {re.sub(r"^\S+-\d+ ", "", title) for title in titles.all_inner_texts()} == expected
    marks = page.locator(".search-hit-excerpt mark")
    expect(marks.first).to_be_visible()
    assert {word.lower()[:5] for word in marks.all_inner_texts()} == {"afvig"}  # afvigelse, afvigelsen, afvigelser
    expect(page.locator("#page-search-q")).to_have_value(QUERY)  # the query stays in the page's box
    found["med hits"] = violations_here(page)

    # Tick "procedure" and update: two of the four are procedures.
    procedures = page.locator(".search-facets input[name='type'][value='procedurepage']")
    expect(procedures).not_to_be_checked()
    procedures.check()
    page.locator(".search-facets-submit").click()
    page.wait_for_url(re.compile(r"type=procedurepage"))
    expect(hits).to_have_count(2)
    assert hit_count(page) == 2
    expect(procedures).to_be_checked()
    assert {re.sub(r"^\S+-\d+ ", "", title) for title in titles.all_inner_texts()} == {
        "Håndtering af afvigelser",
        "Intern audit",
    }
    found["med filter"] = violations_here(page)

    # Open a hit: the document itself.
    target = handbook["handling"]
    titles.filter(has_text=target.title).click()
    page.wait_for_url(live_server.url + target.url)
    expect(page.get_by_role("heading", level=1)).to_contain_text(target.title)

    # A search that finds nothing, from the search page's own box.
    page.goto(f"{live_server.url}/search/?q={QUERY}")
    page.locator("#page-search-q").fill("kvantefysik")
    page.locator("main .portal-search button[type='submit']").click()
    page.wait_for_url(re.compile(r"q=kvantefysik"))
    expect(page.locator(".search-no-hits")).to_be_visible()
    expect(hits).to_have_count(0)
    assert hit_count(page) == 0
    found["uden hits"] = violations_here(page)

    assert found == dict.fromkeys(found, [])


def test_the_header_search_box_suggests_titles_as_the_employee_types(employee_page, live_server, handbook):
    page = employee_page
    page.goto(live_server.url + handbook["noise"].url)
    header_box = page.locator("header #header-search-q")
    header_box.press_sequentially("hån", delay=50)

    suggestions = page.locator("datalist#header-search-q-suggestions > option")
    expect(suggestions).to_have_count(1)
    expect(suggestions).to_have_attribute("value", "Håndtering af afvigelser")
    expect(header_box).to_have_attribute("list", "header-search-q-suggestions")
