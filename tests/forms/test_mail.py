"""Mail about cases: what the reporter, the quality group and the handler get, and that mail never costs a case."""

import datetime
import logging

import pytest
from django.core.mail.backends.base import BaseEmailBackend

from forms.lifecycle import Status
from forms.models import Deviation, ImprovementProposal
from tests.forms.factories import make_case
from tests.forms.test_submission import (
    fresh_rate_limit,  # noqa: F401 (an autouse fixture)
    receipt_reference,
    report_data,
)


class BrokenMailServer(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("[Errno 111] Connection refused")


@pytest.fixture
def reporter_client(client, reader):
    client.force_login(reader)
    return client


def mails_to(mailoutbox, address):
    return [message for message in mailoutbox if address in message.to]


def test_the_reporter_gets_a_danish_receipt_with_the_reference_and_a_link(
    reporter_client, reporting, reader, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reporter_client.post(reporting.deviation_form.url, report_data(reporting.deviation_form))

    case = Deviation.objects.get()
    [receipt] = mails_to(mailoutbox, reader.email)
    assert receipt.subject == f"Kvittering: {case.reference} er modtaget"
    assert (
        f"Vi har modtaget din indberetning “Skabelonen mangler en dato” (afvigelse). Den har referencenummeret "
        f"{case.reference}." in receipt.body
    )
    assert "Du får en e-mail, hver gang sagen skifter tilstand." in receipt.body
    assert f"http://testserver/indberetninger/sag/{case.reference}/" in receipt.body


def test_the_forms_to_address_gets_a_notice_naming_the_reporter(
    reporter_client, reporting, document, mailoutbox, django_capture_on_commit_callbacks
):
    page = reporting.deviation_form
    with django_capture_on_commit_callbacks(execute=True):
        reporter_client.post(page.url, report_data(page, document=document.document_number))

    case = Deviation.objects.get()
    [notice] = mails_to(mailoutbox, "kvalitet@kommune.example")
    assert notice.to == ["kvalitet@kommune.example"]
    assert notice.subject == f"Ny: {case.reference} Skabelonen mangler en dato"
    assert f"Der er modtaget en ny indberetning: {case.reference} (afvigelse)." in notice.body
    assert f"Dokument: {document.document_number} {document.title} (version 1.0)" in notice.body
    assert "Indberettet af: Mette Jensen" in notice.body


def test_without_a_to_address_the_worksmarter_group_gets_the_notice(
    reporter_client, reporting, reader, quality_member, mailoutbox, django_capture_on_commit_callbacks
):
    page = reporting.proposal_form
    assert not page.to_address
    with django_capture_on_commit_callbacks(execute=True):
        reporter_client.post(page.url, report_data(page, title="Digital tjekliste"))

    case = ImprovementProposal.objects.get()
    [notice] = mails_to(mailoutbox, quality_member.email)
    assert notice.to == [quality_member.email]
    assert "(forbedringsforslag)" in notice.body and case.reference in notice.subject
    assert len(mails_to(mailoutbox, reader.email)) == 1  # the receipt, and only that


def test_the_senders_address_is_the_forms_own_when_set(
    reporter_client, reporting, reader, mailoutbox, django_capture_on_commit_callbacks, settings
):
    page = reporting.deviation_form
    page.from_address = "worksmarter@kommune.example"
    page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        reporter_client.post(page.url, report_data(page))

    assert {message.from_email for message in mailoutbox} == {"worksmarter@kommune.example"}


def test_html_in_a_title_reaches_the_mail_as_written(
    reporter_client, reporting, reader, mailoutbox, django_capture_on_commit_callbacks
):
    page = reporting.deviation_form
    with django_capture_on_commit_callbacks(execute=True):
        reporter_client.post(page.url, report_data(page, title="Støj & <lugt>"))

    [receipt] = mails_to(mailoutbox, reader.email)
    notice = mails_to(mailoutbox, "kvalitet@kommune.example")[0]
    assert "“Støj & <lugt>”" in receipt.body
    assert notice.subject.endswith("Støj & <lugt>")  # a plain-text mail: nothing to escape


@pytest.mark.django_db
def test_a_change_of_state_and_an_assignment_are_mailed(
    reporting, reader, quality_member, mailoutbox, django_capture_on_commit_callbacks
):
    case = make_case(Deviation, reporter=reader)
    with django_capture_on_commit_callbacks(execute=True):
        case.handler = quality_member
        case.due_date = datetime.date(2026, 12, 15)
        case.status = Status.IN_PROGRESS
        case.save()

    [status_mail] = mails_to(mailoutbox, reader.email)
    assert status_mail.subject == f"{case.reference} er nu: Under behandling"
    assert f"Din sag {case.reference} “{case.title}” har skiftet tilstand: Under behandling." in status_mail.body
    assert f"http://testserver/indberetninger/sag/{case.reference}/" in status_mail.body
    [handler_mail] = mails_to(mailoutbox, quality_member.email)
    assert handler_mail.subject == f"Du behandler {case.reference}"
    assert f"Du er blevet sagsbehandler på {case.reference} “{case.title}”." in handler_mail.body
    assert "Frist: 15. december 2026." in handler_mail.body
    assert f"http://testserver/indberetninger/sag/{case.reference}/" in handler_mail.body


@pytest.mark.django_db
def test_a_rejection_mail_gives_the_reason(reporting, reader, mailoutbox, django_capture_on_commit_callbacks):
    case = make_case(ImprovementProposal, reporter=reader)
    with django_capture_on_commit_callbacks(execute=True):
        case.status = Status.REJECTED
        case.rejection_reason = "Det gør vi allerede."
        case.save()

    [mail] = mailoutbox
    assert mail.subject == f"{case.reference} er nu: Afvist"
    assert "Begrundelse:\nDet gør vi allerede." in mail.body
    assert f"http://testserver/indberetninger/sag/{case.reference}/" in mail.body


def test_mail_is_sent_only_after_the_commit(
    reporter_client, reporting, reader, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = reporter_client.post(reporting.deviation_form.url, report_data(reporting.deviation_form))

    assert response.status_code == 200 and Deviation.objects.exists()
    assert mailoutbox == []
    for callback in callbacks:
        callback()
    assert len(mailoutbox) == 2


def test_a_failing_mail_server_loses_nothing(
    reporter_client, reporting, reader, mailoutbox, django_capture_on_commit_callbacks, settings, caplog
):
    settings.EMAIL_BACKEND = "tests.forms.test_mail.BrokenMailServer"
    page = reporting.deviation_form

    with (
        caplog.at_level(logging.ERROR, logger="forms.notifications"),
        django_capture_on_commit_callbacks(execute=True) as callbacks,
    ):
        response = reporter_client.post(page.url, report_data(page))

    assert len(callbacks) == 1  # the mails were attempted
    assert response.status_code == 200
    case = Deviation.objects.get()
    assert receipt_reference(response) == case.reference
    assert case.live and case.revisions.count() == 1
    failures = [record for record in caplog.records if record.name == "forms.notifications"]
    assert {record.getMessage() for record in failures} == {
        f"Could not send the receipt mail for {case.reference}",
        f"Could not send the new_case mail for {case.reference}",
    }
    assert all(isinstance(record.exc_info[1], ConnectionRefusedError) for record in failures)


@pytest.mark.django_db
def test_a_failing_mail_server_does_not_undo_a_change_of_state(
    reader, quality_member, settings, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.forms.test_mail.BrokenMailServer"
    case = make_case(Deviation, reporter=reader)

    with caplog.at_level(logging.ERROR, logger="forms.notifications"), django_capture_on_commit_callbacks(execute=True):
        case.handler, case.due_date, case.status = quality_member, datetime.date(2026, 12, 15), Status.IN_PROGRESS
        case.save()

    assert Deviation.objects.get(pk=case.pk).status == Status.IN_PROGRESS
    assert len([record for record in caplog.records if record.name == "forms.notifications"]) == 2


def test_an_error_before_the_mail_server_is_logged_too(
    reporter_client, reporting, reader, monkeypatch, django_capture_on_commit_callbacks, caplog
):
    """Not only the sending: building the mail (a link, a lookup) must not reach the reporter either."""

    def broken_link(case):
        raise RuntimeError("no site")

    monkeypatch.setattr("forms.links.case_full_url", broken_link)
    with caplog.at_level(logging.ERROR, logger="forms.notifications"), django_capture_on_commit_callbacks(execute=True):
        response = reporter_client.post(reporting.deviation_form.url, report_data(reporting.deviation_form))

    assert response.status_code == 200 and Deviation.objects.exists()
    assert any("case_received" in record.getMessage() for record in caplog.records)
