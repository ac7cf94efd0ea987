import datetime

import pytest

from handbook.dates import add_months


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (datetime.date(2026, 3, 1), 12, datetime.date(2027, 3, 1)),
        (datetime.date(2026, 11, 24), 2, datetime.date(2027, 1, 24)),
        (datetime.date(2026, 1, 31), 1, datetime.date(2026, 2, 28)),
        (datetime.date(2027, 12, 31), 2, datetime.date(2028, 2, 29)),
    ],
)
def test_add_months_keeps_the_day_or_takes_the_months_last(start, months, expected):
    assert add_months(start, months) == expected


@pytest.mark.django_db
def test_publishing_sets_the_next_review_to_the_approval_plus_the_interval(site_tree):
    from django.utils import timezone

    from tests.factories import make_document

    page = make_document(site_tree.section, effective_date=datetime.date(2026, 3, 1), review_interval_months=24)

    assert page.effective_date == datetime.date(2026, 3, 1)
    assert page.next_review_date == add_months(timezone.localdate(), 24)
