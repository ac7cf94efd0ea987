"""A double click or a resent form makes one case; someone else's form key shows nothing of theirs."""

import threading
import time

import pytest
from django.db import connection, connections
from django.test import Client

from forms import submission
from forms.models import CaseNumberCounter, Deviation
from tests.forms.test_submission import (
    fresh_rate_limit,  # noqa: F401 (an autouse fixture)
    receipt_reference,
    report_data,
)

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite lets only one connection write at a time, so two posts cannot race there; this runs against "
    "PostgreSQL (set DATABASE_URL=postgres://...).",
)


def test_the_same_form_posted_twice_makes_one_case(
    client, reporting, reader, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(reader)
    page = reporting.deviation_form
    data = report_data(page)

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(page.url, data)
        second = client.post(page.url, data)

    case = Deviation.objects.get()
    assert first.status_code == second.status_code == 200
    assert receipt_reference(first) == receipt_reference(second) == case.reference
    assert len(mailoutbox) == 2  # one receipt and one notice, not two of each


def test_a_resent_anonymous_report_shows_its_receipt_again(client, reporting, reader):
    client.force_login(reader)
    page = reporting.deviation_form
    data = report_data(page, anonymous="on")

    first, second = client.post(page.url, data), client.post(page.url, data)

    assert receipt_reference(first) == receipt_reference(second) == Deviation.objects.get().reference


def test_a_new_form_makes_a_new_case(client, reporting, reader):
    client.force_login(reader)
    page = reporting.deviation_form

    client.post(page.url, report_data(page))
    client.post(page.url, report_data(page))

    assert Deviation.objects.count() == 2


@pytest.mark.parametrize("anonymous", [False, True], ids=["named", "anonymous"])
def test_someone_elses_form_key_shows_nothing_of_their_case(client, reporting, reader, colleague, anonymous):
    page = reporting.deviation_form
    client.force_login(reader)
    data = report_data(page, title="Mit eget forhold", anonymous="on" if anonymous else "")
    client.post(page.url, data)
    theirs = Deviation.objects.get()

    client.force_login(colleague)
    response = client.post(page.url, {**data, "title": "Kollegaens forhold"})

    assert response.status_code == 200
    assert theirs.reference not in response.content.decode()
    assert "Mit eget forhold" not in response.content.decode()
    mine = Deviation.objects.exclude(pk=theirs.pk).get()
    assert receipt_reference(response) == mine.reference
    assert mine.title == "Kollegaens forhold" and mine.reporter == (None if anonymous else colleague)


@postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_posts_of_the_same_form_at_once_make_one_case_on_postgresql(reporting, reader, monkeypatch):
    """Both posts find no case yet: the first holds the number while it stores its case, and the second, once
    it gets through, runs into the unique key and shows the first one's receipt."""
    page = reporting.deviation_form
    monkeypatch.setattr(submission, "next_case_reference", slowly(submission.next_case_reference))
    data = report_data(page)
    barrier = threading.Barrier(2)
    responses, errors = [None, None], []

    def post(index):
        try:
            browser_tab = Client()
            browser_tab.force_login(reader)
            barrier.wait(timeout=30)
            responses[index] = browser_tab.post(page.url, data)
        except Exception as error:  # reported below, not lost in the thread
            errors.append(error)
        finally:
            connections.close_all()  # this thread's own connection

    threads = [threading.Thread(target=post, args=(index,)) for index in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    case = Deviation.objects.get()
    assert [response.status_code for response in responses] == [200, 200]
    assert [receipt_reference(response) for response in responses] == [case.reference, case.reference]
    assert CaseNumberCounter.objects.get().last_number == 1  # the second post's number was given back


def slowly(next_case_reference):
    """Widens the window between taking a number and committing the case, so the two posts overlap."""

    def wrapper(prefix):
        reference = next_case_reference(prefix)
        time.sleep(0.3)
        return reference

    return wrapper
