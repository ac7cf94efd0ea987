"""Control characters in a case's text: refused by both forms with a clear message, never fatal to an export."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.utils import translation
from openpyxl import load_workbook

from forms.models import Deviation
from forms.text import without_control_characters
from tests.forms.admin_fixtures import edit_url, handling_form, url
from tests.forms.factories import make_case
from tests.forms.test_submission import form_values, report_data

pytestmark = pytest.mark.django_db

TERMINAL = "\x07\x08\x1b[31m"
MESSAGE = "Teksten indeholdt usynlige styretegn"


@pytest.fixture
def form_page(reporting):
    return reporting.deviation_form


@pytest.fixture
def quality_client(client, quality_member):
    client.force_login(quality_member)
    return client


def page_text(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


# The report form


@pytest.mark.parametrize("field", ["title", "description", "answer"])
def test_the_report_form_refuses_control_characters_and_keeps_the_rest(client, reader, form_page, field):
    client.force_login(reader)
    answer = form_page.form_fields.get().clean_name
    name = answer if field == "answer" else field
    data = report_data(form_page, description="Første linje\r\n\tanden linje")
    data[name] = f"Rød {TERMINAL}tekst"

    response = client.post(form_page.url, data)

    assert response.status_code == 200
    assert not Deviation.objects.exists()
    assert MESSAGE in page_text(response)
    shown = form_values(response)
    assert shown[name] == "Rød [31mtekst"  # the invisible characters removed, the visible ones kept
    for other, value in data.items():
        if other not in (name, "submission_key"):
            assert shown[other].replace("\r\n", "\n") == value.replace("\r\n", "\n"), other
    resent = client.post(form_page.url, shown)  # sending once more is enough
    assert Deviation.objects.get().title == shown["title"]
    assert resent.status_code == 200


def test_tabs_and_line_breaks_stay_allowed_in_multi_line_text(client, reader, form_page):
    client.force_login(reader)

    client.post(form_page.url, report_data(form_page, description="Linje 1\r\n\tLinje 2"))

    assert Deviation.objects.get().description.replace("\r\n", "\n") == "Linje 1\n\tLinje 2"


def test_a_one_line_title_may_not_hold_a_tab(client, reader, form_page):
    client.force_login(reader)

    response = client.post(form_page.url, report_data(form_page, title="Kolonne\tkolonne"))

    assert MESSAGE in page_text(response)
    assert form_values(response)["title"] == "Kolonne kolonne"


# The handler's form


@pytest.mark.parametrize("field", ["cause", "action", "rejection_reason", "effectiveness_check"])
def test_the_case_editor_refuses_control_characters(quality_client, field):
    case = make_case()

    with translation.override("da"):
        fields = {"cause": "Årsagen er kendt.", field: f"Tekst{TERMINAL}"}
        response = quality_client.post(edit_url(case), handling_form(case, **fields))

    assert response.status_code == 200
    assert MESSAGE in page_text(response)
    stored = Deviation.objects.get(pk=case.pk)
    assert getattr(stored, field) in ("", None) or TERMINAL not in getattr(stored, field)
    assert stored.latest_revision_id == case.latest_revision_id  # nothing saved
    form = BeautifulSoup(response.content, "html.parser").find("form", attrs={"data-edit-form": True})
    html_name = "handling_action" if field == "action" else field
    assert form.find("textarea", attrs={"name": html_name}).text.strip() == "Tekst[31m"
    if field != "cause":
        assert form.find("textarea", attrs={"name": "cause"}).text.strip() == "Årsagen er kendt."


# The exports, whatever is stored


@pytest.fixture
def stored_with_control_characters(quality_member):
    """Text stored before the forms refused control characters (or by a script). PostgreSQL stores no NUL
    character at all, so the title ends with one only where the database can hold it."""
    nul = "\x00" if connection.vendor != "postgresql" else ""
    return make_case(
        title=f"\x07\x08{TERMINAL}Titel med styretegn{nul}",
        description=f"Beskrivelse\x0b{TERMINAL}",
        cause=f"=Årsag{TERMINAL}\x1f",
        anonymous=True,
    )


def test_the_xlsx_export_stays_valid(quality_client, stored_with_control_characters):
    response = quality_client.get(url(Deviation, "list"), {"export": "xlsx"})

    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 2
    values = [value for value in rows[1] if isinstance(value, str)]
    assert "[31mTitel med styretegn" in values
    assert "=Årsag[31m" in values  # as text: a reporter's words never become a formula
    assert not any(without_control_characters(value) != value for value in values)


def test_the_csv_export_stays_valid(quality_client, stored_with_control_characters):
    response = quality_client.get(url(Deviation, "list"), {"export": "csv"})

    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    headings, row = list(csv.reader(io.StringIO(text)))
    assert "[31mTitel med styretegn" in row
    assert "'=Årsag[31m" in row
    assert without_control_characters(text) == text
