"""What the employee sees of their reports: the form, the receipt, “Mine indberetninger”, one case and its files.

A case is the private business of its reporter, its handler and the WorkSmarter group; everyone else gets the
404 that a case that does not exist gets.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import formats, timezone

from forms.models import CaseAttachment, Deviation, ImprovementProposal
from tests.factories import UserFactory
from tests.forms.factories import make_case, make_proposal
from tests.forms.test_submission import pdf_bytes, report_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def text_of(element):
    return " ".join(element.get_text(" ").split())


def plain_text(element):
    """The text as read, where inline elements run on (“støj, version”, not “støj , version”)."""
    return " ".join(element.get_text().split())


def main_text(response):
    return text_of(soup_of(response).find("main"))


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def my_reports_url(reporting):
    return reporting.index.url + reporting.index.reverse_subpage("my_reports")


def case_url(reporting, case):
    return reporting.index.url + reporting.index.reverse_subpage("case", args=[case.reference])


def attachment_url(reporting, attachment):
    return reporting.index.url + reporting.index.reverse_subpage("attachment", args=[attachment.pk])


def in_days(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def handled(case, handler, due_date=None, **fields):
    """The case taken on by ``handler`` (“Under behandling”), then moved on as ``fields`` say."""
    case.handler = handler
    case.due_date = due_date or in_days(14)
    case.status = "in_progress"
    case.save()
    for name, value in fields.items():
        setattr(case, name, value)
    if fields.get("status"):
        case.save()
    return case


def closed_deviation(reporter, handler, **fields):
    case = handled(make_case(reporter=reporter, **fields), handler)
    case.cause = "Skabelonen var ikke opdateret efter lovændringen."
    case.action = "Skabelonen har fået et felt til afgørelsesdatoen."
    case.status = "action_taken"
    case.save()
    case.effectiveness_check = "Stikprøve af ti afgørelser i marts: alle havde dato."
    case.status = "closed"
    case.save()
    return case


# The form


def test_the_form_opened_from_a_document_names_the_document_and_version(reader_client, reporting, document):
    response = reader_client.get(f"{reporting.deviation_form.url}?dokument={document.document_number}&version=1.0")

    soup = soup_of(response)
    named = plain_text(soup.find(id="report-document"))
    assert named == f"Dokument: {document.document_number} {document.title}, version 1.0"
    assert soup.find(id="report-document").find("a")["href"] == document.url
    assert soup.find("input", attrs={"name": "document"})["value"] == document.document_number


def test_the_form_marks_the_optional_fields_and_names_the_file_types(reader_client, reporting):
    soup = soup_of(reader_client.get(reporting.deviation_form.url))

    labels = {label["for"]: text_of(label) for label in soup.find("form", class_="report-form").find_all("label")}
    assert labels["id_title"] == "Kort titel"  # required: no mark
    assert labels["id_description"] == "Beskrivelse"
    assert labels["id_document"].endswith("(frivilligt)")
    assert labels["id_attachments"].endswith("(frivilligt)")
    hint = text_of(soup.find(id="id_attachments_helptext"))
    assert "Filtyper:" in hint and "PDF" in hint and "DOCX" in hint and "PNG" in hint
    assert soup.find(id="id_attachments")["aria-describedby"] == "id_attachments_helptext"
    assert not soup.find(id="report-document")  # not opened from a document


def test_a_refused_form_sums_up_the_errors_at_the_top_and_beside_each_field(reader_client, reporting):
    data = report_data(reporting.deviation_form, title="", description="")

    response = reader_client.post(reporting.deviation_form.url, data)

    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.title.get_text().startswith("Fejl:")
    summary = soup.find(id="form-errors")
    assert "Indberetningen blev ikke sendt" in text_of(summary)
    links = {link["href"]: text_of(link) for link in summary.find_all("a")}
    assert links == {
        "#id_title": "Kort titel: Dette felt er påkrævet.",
        "#id_description": "Beskrivelse: Dette felt er påkrævet.",
    }
    title = soup.find(id="id_title")
    assert title["aria-invalid"] == "true"
    assert "id_title_error" in title["aria-describedby"].split()
    assert text_of(soup.find(id="id_title_error")) == "Fejl: Dette felt er påkrævet."
    assert not Deviation.objects.exists()


# The receipt


def test_the_receipt_gives_the_reference_what_happens_next_and_the_way_to_the_case(reader_client, reporting, reader):
    title = 'Skabelonen <b>mangler</b> "dato"'
    response = reader_client.post(reporting.deviation_form.url, report_data(reporting.deviation_form, title=title))

    case = Deviation.objects.get()
    soup = soup_of(response)
    assert text_of(soup.find(class_="receipt-reference")) == case.reference
    assert f"Afvigelse: {title}" in main_text(response)  # shown as typed, not as markup
    assert not soup.find("main").find("b")
    assert "WorkSmarter-gruppen ser på sagen inden for fem arbejdsdage." in main_text(response)
    assert f"Vi sender en kvittering til {reader.email}" in main_text(response)
    link = soup.find("main").find("a", href=case_url(reporting, case))
    assert text_of(link) == f"Se {case.reference} under “Mine indberetninger”"


def test_an_anonymous_receipt_promises_no_mail_and_no_link(reader_client, reporting):
    data = report_data(reporting.deviation_form, anonymous="on")

    response = reader_client.post(reporting.deviation_form.url, data)

    case = Deviation.objects.get()
    assert case.anonymous
    text = main_text(response)
    assert case.reference in text
    assert "Du har indberettet anonymt" in text
    assert "kvittering til" not in text
    assert not soup_of(response).find("a", href=case_url(reporting, case))


def test_an_anonymous_receipt_says_only_what_holds_for_an_anonymous_report(reader_client, reporting):
    """The form's own “what happens next” speaks of mail and “My reports”: an anonymous reporter is not shown it."""
    page = reporting.deviation_form
    page.next_steps = (
        "<p>WorkSmarter-gruppen ser på sagen. Du får besked på e-mail, hver gang sagen skifter status, og du kan "
        "følge den under Mine indberetninger.</p>"
    )
    page.save_revision().publish()

    response = reader_client.post(page.url, report_data(page, anonymous="on"))

    case = Deviation.objects.get()
    text = main_text(response)
    assert case.reference in text
    assert "Du får besked på e-mail" not in text
    assert "du kan følge den" not in text
    assert "WorkSmarter-gruppen læser alle indberetninger" in text
    assert "der sendes ingen kvittering på e-mail, og sagen vises ikke under “Mine indberetninger”" in text
    # A named report still gets the form's own text.
    named = reader_client.post(page.url, report_data(page, title="Med navn"))
    assert "Du får besked på e-mail" in main_text(named)


def test_a_reporter_without_an_address_is_told_no_receipt_is_mailed(client, reporting):
    client.force_login(UserFactory(username="uden-mail", email=""))

    response = client.post(reporting.proposal_form.url, report_data(reporting.proposal_form))

    assert "Vi har ingen e-mailadresse på dig" in main_text(response)


# “Mine indberetninger”


def test_my_reports_lists_only_the_persons_own_reports(reporting, reader, colleague, quality_member):
    own_deviation = make_case(reporter=reader, title="Min afvigelse")
    own_proposal = make_proposal(reporter=reader, title="Mit forslag")
    others = make_case(reporter=colleague, title="Kollegaens afvigelse")
    anonymous = make_case(reporter=None, title="Anonym afvigelse")

    for user in (reader, colleague, quality_member):
        text = main_text(client_for(user).get(my_reports_url(reporting)))
        assert anonymous.reference not in text and "Anonym afvigelse" not in text
    text = main_text(client_for(reader).get(my_reports_url(reporting)))

    assert own_deviation.reference in text and own_proposal.reference in text
    assert others.reference not in text and "Kollegaens afvigelse" not in text


def test_my_reports_shows_type_state_dates_and_outcome(reporting, reader, quality_member):
    closed = closed_deviation(reader, quality_member, title="Lukket sag")
    proposal = make_proposal(reporter=reader, title="Nyt forslag")

    soup = soup_of(client_for(reader).get(my_reports_url(reporting)))

    rows = {
        text_of(row.find("th").a): {cell["data-title"]: plain_text(cell) for cell in row.find_all(["td", "th"])}
        for row in soup.find("section", class_="my-reports").find("tbody").find_all("tr")
    }
    today = formats.date_format(timezone.localdate(), "j. F Y")  # e.g. “24. november 2026”
    assert rows["Lukket sag"]["Indberetning"] == f"Lukket sag {closed.reference}, afvigelse"
    assert rows["Lukket sag"]["Status"] == "Lukket"
    assert rows["Lukket sag"]["Resultat"] == closed.action
    assert rows["Lukket sag"]["Modtaget"] == rows["Lukket sag"]["Senest ændret"] == today
    assert rows["Nyt forslag"]["Indberetning"] == f"Nyt forslag {proposal.reference}, forbedringsforslag"
    assert rows["Nyt forslag"]["Status"] == "Modtaget"
    assert rows["Nyt forslag"]["Resultat"] == "–Intet endnu"  # a dash to the eye, words to a screen reader
    link = soup.find("a", string="Lukket sag")
    assert link["href"] == case_url(reporting, closed)


def test_a_handler_sees_the_cases_assigned_to_them_with_overdue_marked(reporting, reader, colleague):
    late = handled(make_case(reporter=reader, title="For sent"), colleague, due_date=in_days(-2))
    on_time = handled(make_proposal(reporter=reader, title="I tide"), colleague, due_date=in_days(5))

    soup = soup_of(client_for(colleague).get(my_reports_url(reporting)))

    section = soup.find("section", class_="handled-cases")
    rows = section.find("tbody").find_all("tr")
    assert [text_of(row.find("th").a) for row in rows] == ["For sent", "I tide"]  # soonest due first
    assert "Overskredet" in text_of(rows[0]) and "Overskredet" not in text_of(rows[1])
    assert late.reference in text_of(rows[0]) and on_time.reference in text_of(rows[1])
    assert not soup_of(client_for(reader).get(my_reports_url(reporting))).find("section", class_="handled-cases")


def queries_to_render(client, url):
    client.get(url)  # per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_my_reports_takes_as_many_queries_for_30_cases_as_for_3(reporting, reader, colleague):
    def add_cases(count):
        for number in range(count):
            model = Deviation if number % 2 else ImprovementProposal
            case = make_case(model, reporter=reader, title=f"Sag {number}")
            if number % 3 == 0:
                handled(case, reader)
            make_case(model, reporter=colleague, title=f"Kollegas sag {number}")

    reader_client = client_for(reader)
    add_cases(3)
    with_three = queries_to_render(reader_client, my_reports_url(reporting))
    add_cases(27)
    with_thirty = queries_to_render(reader_client, my_reports_url(reporting))

    assert with_thirty == with_three


# One case and its files


@pytest.fixture
def case_with_file(reader, colleague, quality_member, document):
    case = make_case(
        reporter=reader,
        title="Støjmåling mangler",
        description="Måleskemaet har ingen rubrik til natmålinger.",
        document=document,
        document_version="1.0",
        answers=[{"label": "Hvornår skete det?", "value": "Mandag morgen"}],
    )
    attachment = CaseAttachment(case=case, original_name="målinger nat.pdf", mime_type="application/pdf", size=100)
    attachment.file.save("målinger nat.pdf", ContentFile(pdf_bytes()), save=False)
    attachment.save()
    return case, attachment


def test_the_case_page_shows_the_report_its_history_and_its_handling(reporting, case_with_file, quality_member):
    case, attachment = case_with_file
    handled(case, quality_member, due_date=in_days(10))
    case.cause = "Skemaet er fra før natmålinger blev krævet."
    case.action = "Ny rubrik i skemaet."
    case.status = "action_taken"
    case.save()

    response = client_for(case.reporter).get(case_url(reporting, case))

    text = main_text(response)
    soup = soup_of(response)
    assert text_of(soup.find("h1")) == f"{case.reference} Støjmåling mangler"
    assert "Status: Handling iværksat" in text
    timeline = [text_of(item.find(class_="case-timeline-state")) for item in soup.select(".case-timeline li")]
    assert timeline == ["Modtaget", "Under behandling", "Handling iværksat"]
    assert f"{case.document.document_number} {case.document.title}, version 1.0" in plain_text(soup.find("main"))
    assert "Måleskemaet har ingen rubrik til natmålinger." in text
    assert "Hvornår skete det? Mandag morgen" in text
    assert "Sagsbehandler Søren Madsen" in text
    assert "Årsag Skemaet er fra før natmålinger blev krævet." in text
    assert "Korrektion / korrigerende handling Ny rubrik i skemaet." in text
    assert soup.find("a", string="målinger nat.pdf")["href"] == attachment_url(reporting, attachment)
    assert "Indberettet af" not in text  # the reporter knows who they are


def test_the_reporter_the_handler_and_the_quality_group_see_the_case_and_its_file(
    reporting, case_with_file, colleague, quality_member
):
    case, attachment = case_with_file
    handler = UserFactory(username="behandler", first_name="Hanne", last_name="Dahl")
    handled(case, handler)

    for user in (case.reporter, handler, quality_member):
        client = client_for(user)
        page = client.get(case_url(reporting, case))
        assert page.status_code == 200, user.username
        download = client.get(attachment_url(reporting, attachment))
        assert download.status_code == 200, user.username
        assert b"".join(download.streaming_content) == pdf_bytes()
        assert download["Content-Type"] == "application/pdf"
        assert download["Content-Disposition"].startswith("attachment;")
        assert "filename*=utf-8''m%C3%A5linger%20nat.pdf" in download["Content-Disposition"]
        assert download["X-Content-Type-Options"] == "nosniff"
        assert "no-store" in download["Cache-Control"]
    assert "Indberettet af Mette Jensen" in main_text(client_for(handler).get(case_url(reporting, case)))


def test_a_colleague_gets_not_found_for_the_case_and_its_file(reporting, case_with_file, colleague):
    case, attachment = case_with_file
    client = client_for(colleague)

    assert client.get(case_url(reporting, case)).status_code == 404
    assert client.get(attachment_url(reporting, attachment)).status_code == 404
    unknown = reporting.index.url + reporting.index.reverse_subpage("case", args=["AFV-2026-9999"])
    assert client.get(unknown).status_code == 404
    assert client.get(attachment_url(reporting, CaseAttachment(pk=attachment.pk + 1000))).status_code == 404


def test_an_anonymous_case_is_shown_to_the_quality_group_without_a_name(reporting, quality_member, reader):
    case = make_case(reporter=None, title="Anonym")

    response = client_for(quality_member).get(case_url(reporting, case))

    assert "Indberettet af Indberettet anonymt" in main_text(response)
    assert client_for(reader).get(case_url(reporting, case)).status_code == 404


def test_a_rejected_case_gives_the_reason(reporting, reader):
    case = make_proposal(reporter=reader)
    case.status = "rejected"
    case.rejection_reason = "Det gør vi allerede i dag, se PRO-003."
    case.save()

    text = main_text(client_for(reader).get(case_url(reporting, case)))

    assert "Begrundelse for afvisning Det gør vi allerede i dag, se PRO-003." in text
    assert "Sagen er afvist" in text


def test_the_reporting_section_links_to_the_forms_the_board_and_my_reports(reader_client, reporting):
    soup = soup_of(reader_client.get(reporting.index.url))

    links = {text_of(link.find("h2")): link["href"] for link in soup.select("a.reporting-card")}
    assert links == {
        "Indberet en afvigelse": reporting.deviation_form.url,
        "Foreslå en forbedring": reporting.proposal_form.url,
        "Mine indberetninger": my_reports_url(reporting),
        "Forbedringsforslag": reporting.board.url,
    }
    assert soup.find("a", class_="portal-reporting-link")["href"] == reporting.index.url
