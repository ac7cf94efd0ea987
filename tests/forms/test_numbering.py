"""Reference numbers: per type and per year in Copenhagen time, never reused, distinct under concurrency."""

import datetime
import threading
import uuid
from unittest import mock

import pytest
from django.db import connection, connections

from forms.models import CaseNumberCounter, Deviation, ImprovementProposal
from forms.models.numbering import next_case_reference
from forms.submission import create_case
from tests.factories import UserFactory
from tests.forms.factories import make_case

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite lets only one connection write at a time, so concurrent submissions cannot race there; "
    "this runs against PostgreSQL (set DATABASE_URL=postgres://...).",
)


def in_year(year):
    return mock.patch("django.utils.timezone.localdate", return_value=datetime.date(year, 6, 1))


@pytest.mark.django_db
def test_each_type_has_its_own_sequence_per_year():
    with in_year(2026):
        assert [next_case_reference("AFV") for _ in range(3)] == ["AFV-2026-0001", "AFV-2026-0002", "AFV-2026-0003"]
        assert next_case_reference("FOR") == "FOR-2026-0001"
    with in_year(2027):
        assert next_case_reference("AFV") == "AFV-2027-0001"
        assert next_case_reference("FOR") == "FOR-2027-0001"
    with in_year(2026):
        assert next_case_reference("AFV") == "AFV-2026-0004"


@pytest.mark.django_db
def test_the_year_is_the_one_in_copenhagen():
    """New Year's Eve at 23:30 UTC is already 00:30 on 1 January in Copenhagen."""
    new_years_night = datetime.datetime(2026, 12, 31, 23, 30, tzinfo=datetime.UTC)
    with mock.patch("django.utils.timezone.now", return_value=new_years_night):
        assert next_case_reference("AFV") == "AFV-2027-0001"


@pytest.mark.django_db
def test_a_number_is_never_given_again_after_its_case_is_deleted():
    with in_year(2026):
        first, second = make_case(), make_case()
        assert (first.reference, second.reference) == ("AFV-2026-0001", "AFV-2026-0002")
        second.delete()
        first.delete()
        assert make_case().reference == "AFV-2026-0003"
        assert make_case(ImprovementProposal).reference == "FOR-2026-0001"


def report_form(page, user, title="Skabelonen mangler en dato"):
    data = {"title": title, "description": "Der er intet felt til datoen.", "submission_key": str(uuid.uuid4())}
    form = page.get_form(data, page=page, user=user)
    assert form.is_valid(), form.errors
    return form


@pytest.mark.django_db
def test_a_submission_that_fails_gives_its_number_back(reporting, reader):
    """The counter is raised in the submission's own transaction, so a failed one leaves no gap."""
    page = reporting.deviation_form
    with in_year(2026):
        create_case(page, report_form(page, reader), reader)
        failing = mock.patch.object(Deviation, "save_revision", side_effect=RuntimeError("disk full"))
        with failing, pytest.raises(RuntimeError):
            create_case(page, report_form(page, reader), reader)
        case, _created = create_case(page, report_form(page, reader), reader)

    assert case.reference == "AFV-2026-0002"
    assert Deviation.objects.count() == 2


# Concurrency on PostgreSQL: threads, each with its own connection to the real database


def run_at_once(count, work):
    """Runs ``work(index)`` in ``count`` threads released together; returns the results and any errors."""
    barrier = threading.Barrier(count)
    results, errors = [None] * count, []

    def run(index):
        try:
            barrier.wait(timeout=30)
            results[index] = work(index)
        except Exception as error:  # reported by the test, not lost in the thread
            errors.append(error)
        finally:
            connections.close_all()  # this thread's own connections

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a thread hung"
    return results, errors


@postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_numbers_are_distinct_on_postgresql():
    with in_year(2026):
        CaseNumberCounter.objects.create(prefix="AFV", year=2026, last_number=0)
        results, errors = run_at_once(8, lambda index: [next_case_reference("AFV") for _ in range(10)])

    assert errors == []
    references = [reference for batch in results for reference in batch]
    assert len(references) == 80
    assert sorted(references) == [f"AFV-2026-{number:04d}" for number in range(1, 81)]
    assert CaseNumberCounter.objects.get(prefix="AFV", year=2026).last_number == 80


@postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_first_numbers_of_a_year_are_distinct_on_postgresql():
    """No counter row for the year yet: every thread tries to create it at the same moment."""
    with in_year(2031):
        assert not CaseNumberCounter.objects.filter(year=2031).exists()
        results, errors = run_at_once(6, lambda index: next_case_reference("FOR"))

    assert errors == []
    assert sorted(results) == [f"FOR-2031-{number:04d}" for number in range(1, 7)]
    assert CaseNumberCounter.objects.filter(prefix="FOR", year=2031).count() == 1


@postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_submissions_become_distinct_cases_on_postgresql(reporting):
    page = reporting.deviation_form
    reporters = [UserFactory(username=f"samtidig{index}") for index in range(6)]

    def submit(index):
        form = report_form(page, reporters[index], title=f"Samtidig indberetning {index}")
        case, created = create_case(page, form, reporters[index])
        assert created
        return case.reference

    with in_year(2026):
        results, errors = run_at_once(len(reporters), submit)

    assert errors == []
    assert sorted(results) == [f"AFV-2026-{number:04d}" for number in range(1, 7)]
    assert sorted(Deviation.objects.values_list("reference", flat=True)) == sorted(results)
    assert {case.reporter.username for case in Deviation.objects.all()} == {user.username for user in reporters}
