"""An employee logs in and reads the handbook in a real browser."""

import re

from playwright.sync_api import expect

from handbook.models import ProcedurePage


def test_login_with_a_wrong_password_shows_a_danish_message(page, demo_site):
    page.goto(f"{demo_site.url}/")
    expect(page).to_have_url(re.compile(r"/login/\?next=/$"))

    page.get_by_label("Brugernavn").fill("medarbejder")
    page.get_by_label("Adgangskode").fill("forkert")
    page.get_by_role("button", name="Log ind").click()

    expect(page.get_by_role("alert")).to_contain_text("Brugernavn eller adgangskode er forkert")


def test_employee_reads_a_procedure(reader_page, demo_site):
    procedure = ProcedurePage.objects.live().order_by("path").first()
    section = procedure.get_parent()

    expect(reader_page.get_by_role("heading", level=1)).to_contain_text("Goddag, Mette")
    reader_page.get_by_role("link", name="Kvalitetshåndbogen").first.click()
    expect(reader_page.get_by_role("heading", level=1)).to_have_text("Kvalitetshåndbogen")
    reader_page.get_by_role("main").get_by_role("link", name=section.title).first.click()
    reader_page.get_by_role("main").get_by_role("link", name=procedure.title).first.click()

    heading = reader_page.get_by_role("heading", level=1)
    expect(heading).to_contain_text(procedure.title)
    metadata = reader_page.get_by_role("region", name="Dokumentoplysninger")
    expect(metadata).to_contain_text(procedure.document_number)
    expect(metadata).to_contain_text("1.0")
    expect(metadata).to_contain_text(procedure.responsible_person.get_full_name())
    expect(metadata).to_contain_text(
        re.compile(
            r"\d{1,2}\. (januar|februar|marts|april|maj|juni|juli|august|"
            r"september|oktober|november|december) \d{4}"
        )
    )

    toc = reader_page.get_by_role("navigation", name="Indhold")
    first_entry = toc.get_by_role("link").first
    expect(first_entry).to_be_visible()
    target = first_entry.get_attribute("href")
    first_entry.click()
    expect(reader_page).to_have_url(re.compile(re.escape(target) + "$"))
    expect(reader_page.locator(target)).to_be_in_viewport()

    breadcrumbs = reader_page.get_by_role("navigation", name="Brødkrumme")
    expect(breadcrumbs).to_contain_text(section.title)


def test_print_view_shows_only_the_document(reader_page, demo_site):
    procedure = ProcedurePage.objects.live().order_by("path").first()
    reader_page.goto(demo_site.url + procedure.url)

    reader_page.emulate_media(media="print")

    expect(reader_page.get_by_role("heading", level=1)).to_be_visible()
    expect(reader_page.get_by_role("region", name="Dokumentoplysninger")).to_be_visible()
    expect(reader_page.locator("header").first).to_be_hidden()
    expect(reader_page.get_by_role("navigation", name="Kvalitetshåndbogen")).to_be_hidden()
    pdf = reader_page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_works_on_a_phone(reader_page, demo_site):
    procedure = ProcedurePage.objects.live().order_by("path").first()
    reader_page.set_viewport_size({"width": 390, "height": 844})
    reader_page.goto(demo_site.url + procedure.url)

    expect(reader_page.get_by_role("heading", level=1)).to_be_visible()
    page_width = reader_page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= 390


def test_reading_works_without_javascript(browser, demo_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{demo_site.url}/login/")
    page.get_by_label("Brugernavn").fill("medarbejder")
    page.get_by_label("Adgangskode").fill("demo1234")
    page.get_by_role("button", name="Log ind").click()

    procedure = ProcedurePage.objects.live().order_by("path").first()
    page.goto(demo_site.url + procedure.url)
    expect(page.get_by_role("heading", level=1)).to_contain_text(procedure.title)
    expect(page.get_by_role("navigation", name="Indhold")).to_be_visible()
    context.close()
