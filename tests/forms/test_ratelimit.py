"""The hourly limit on reports: per person for named reports, one shared count for anonymous ones.

An anonymous report touches nothing derived from its sender: were it counted under the sender's key, whoever
holds the secret key and the cache could compute every user's key and see whose count went up.
"""

import hashlib
import hmac

import pytest
from django.conf import settings
from django.core.cache import cache

from forms import ratelimit
from forms.models import Deviation
from tests.factories import UserFactory
from tests.forms.test_submission import receipt_reference, report_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def form_page(reporting):
    return reporting.deviation_form


def rate_keys():
    return sorted(key for key in cache._cache if "forms:reports" in key)


def digests_of(user):
    """Every value derived from the user that a key could hold: id, username and their keyed hashes."""
    derived = {str(user.pk), user.username}
    for value in list(derived):
        for message in (f"reports:{value}", value):
            digest = hmac.new(settings.SECRET_KEY.encode(), message.encode(), hashlib.sha256).hexdigest()
            derived.update({digest, digest[:32], hashlib.sha256(message.encode()).hexdigest()[:32]})
    return derived


def test_an_anonymous_report_is_counted_under_nothing_derived_from_its_sender(client, form_page, reader):
    client.force_login(reader)

    response = client.post(form_page.url, report_data(form_page, anonymous="on"))

    assert response.status_code == 200
    keys = rate_keys()
    assert len(keys) == 1 and ":forms:reports:anonymous:" in keys[0]
    parts = keys[0].split("forms:reports:", 1)[1].split(":")  # after the cache's own prefix and version
    assert parts[0] == "anonymous"
    for value in digests_of(reader):
        assert value not in parts
    assert ratelimit.sent_within_the_hour(reader) == 0
    assert ratelimit.sent_within_the_hour(None) == 1


def test_two_senders_of_anonymous_reports_leave_the_same_trace(client, form_page, reader):
    """The cache after an anonymous report is the same whoever sent it."""
    client.force_login(reader)
    client.post(form_page.url, report_data(form_page, anonymous="on"))
    after_the_first = rate_keys()
    client.force_login(UserFactory(username="kollega"))
    client.post(form_page.url, report_data(form_page, anonymous="on"))

    assert rate_keys() == after_the_first
    assert ratelimit.sent_within_the_hour(None) == 2


def test_named_reports_still_count_per_person(client, form_page, reader):
    client.force_login(reader)
    client.post(form_page.url, report_data(form_page))

    assert ratelimit.sent_within_the_hour(reader) == 1
    assert ratelimit.sent_within_the_hour(None) == 0


def test_a_person_at_the_limit_is_not_told_apart_when_reporting_anonymously(client, form_page, reader, settings):
    """A person's own count is not even read for an anonymous report: the anonymous count alone decides."""
    settings.PORTAL_REPORTS_PER_HOUR = 1
    client.force_login(reader)
    client.post(form_page.url, report_data(form_page, title="Med navn"))
    assert client.post(form_page.url, report_data(form_page, title="Med navn igen")).status_code == 429

    response = client.post(form_page.url, report_data(form_page, title="Uden navn", anonymous="on"))

    assert response.status_code == 200
    assert receipt_reference(response) == Deviation.objects.get(title="Uden navn").reference


def test_anonymous_reports_have_a_ceiling_of_their_own(client, form_page, reader, settings):
    settings.PORTAL_ANONYMOUS_REPORTS_PER_HOUR = 2
    for number in range(2):
        client.force_login(UserFactory(username=f"afsender{number}"))
        assert client.post(form_page.url, report_data(form_page, anonymous="on")).status_code == 200
    client.force_login(reader)

    refused = client.post(form_page.url, report_data(form_page, title="Den tredje anonyme", anonymous="on"))
    named = client.post(form_page.url, report_data(form_page, title="Med navn"))

    assert refused.status_code == 429
    assert "anonyme indberetninger" in refused.content.decode()
    assert "Den tredje anonyme" in refused.content.decode()  # what was written is still in the form
    assert named.status_code == 200
    assert Deviation.objects.filter(anonymous=True).count() == 2
