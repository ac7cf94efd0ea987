"""The readers' version history, superseded versions and comparisons of a controlled document."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.models import PageViewRestriction

from handbook.models import DocumentReview, DocumentVersion, ProcedurePage
from tests.factories import UserFactory, make_document, procedure_body

pytestmark = pytest.mark.django_db

OLD_STEP = "Journalisér klagen samme dag."
NEW_STEP = "Journalisér klagen senest dagen efter."
ADDED_STEP = "Send kvittering til klageren"


def today():
    return date_format(timezone.localdate(), "j. F Y")


def soup_of(response, status=200):
    assert response.status_code == status, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def text_of(element):
    return " ".join(element.get_text(" ", strip=True).split())


def link_named(element, text):
    return next(link for link in element.find_all("a") if link.get_text(strip=True) == text)


def route(page, name, **kwargs):
    return page.url + page.reverse_subpage(name, kwargs=kwargs)


def revised_body():
    body = procedure_body()
    steps = body[3]["value"]["steps"]
    steps[0]["text"] = f"<p>{NEW_STEP}</p>"
    steps.append({"title": ADDED_STEP, "text": "<p>Kvitteringen sendes på e-mail.</p>", "responsible": ""})
    return body


def publish(page, user, **changes):
    """Publishes a new version with the changes, as an approver does, and returns the page afresh."""
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision(user=user).publish(user=user, skip_permission_checks=True)
    return type(page).objects.get(pk=page.pk)


@pytest.fixture
def approver(db):
    return UserFactory(username="enhedsleder", first_name="Anne", last_name="Holm")


@pytest.fixture
def first_approver(db):
    return UserFactory(username="kvalitetschef", first_name="Bo", last_name="Berg")


@pytest.fixture
def document(site_tree, approver, first_approver):
    """PRO-001 in version 2.0 (a significant change to the steps, in force from today) after version 1.0."""
    page = make_document(site_tree.section, ProcedurePage, slug="klager")
    # make_document publishes without a user; record who approved 1.0, as a workflow would have.
    DocumentVersion.objects.filter(document=page).update(approved_by=first_approver, change_summary="Første udgave.")
    return publish(
        page,
        approver,
        body=revised_body(),
        change_summary="Ny frist for journalisering og et trin om kvittering.",
        is_significant_change=True,
        effective_date=timezone.localdate(),
    )


# The version history ----------------------------------------------------------------------------------


def test_history_lists_versions_newest_first_with_number_dates_approver_and_summary(reader_client, document):
    soup = soup_of(reader_client.get(route(document, "history")))

    assert soup.title.get_text(strip=True).startswith("Versionshistorik – PRO-001 Behandling af klager over støj")
    rows = soup.select("table.history-table tbody tr")
    assert len(rows) == 2
    newest, oldest = (text_of(row) for row in rows)
    for expected in ["2.0", "Gældende", today(), "Anne Holm", "Væsentlig ændring", "Ny frist for journalisering"]:
        assert expected in newest, expected
    for expected in ["1.0", "1. marts 2026", "Bo Berg", "Første udgave."]:
        assert expected in oldest, expected
    assert "Væsentlig ændring" not in oldest
    # The superseded version opens on its own page; the one in force is the document itself.
    assert rows[1].find("a")["href"] == route(document, "version", major=1, minor=0)
    assert rows[0].find("a")["href"] == document.url


def test_history_has_breadcrumbs_and_the_handbook_sidebar(reader_client, document):
    soup = soup_of(reader_client.get(route(document, "history")))

    crumbs = soup.find("nav", attrs={"aria-label": "Brødkrumme"})
    assert [text_of(item) for item in crumbs.find_all("li")] == [
        "Forside",
        "Kvalitetshåndbogen",
        "Miljø",
        "Behandling af klager over støj",
        "Versionshistorik",
    ]
    assert crumbs.find("a", string="Behandling af klager over støj")["href"] == document.url
    assert crumbs.find("li", attrs={"aria-current": "page"}).get_text(strip=True) == "Versionshistorik"
    assert soup.find("nav", class_="handbook-nav") is not None


def test_history_offers_to_compare_the_previous_and_the_current_version(reader_client, document):
    soup = soup_of(reader_client.get(route(document, "history")))

    form = soup.find("form", class_="compare-form")
    assert form["method"] == "get"
    assert form["action"] == route(document, "compare")
    assert form.find("select", attrs={"name": "fra"}).find("option", selected=True)["value"] == "1.0"
    assert form.find("select", attrs={"name": "til"}).find("option", selected=True)["value"] == "2.0"
    assert soup.find("label", attrs={"for": "id_fra"}).get_text(strip=True) == "Fra version"


def test_history_shows_reviews_without_change(reader_client, document, approver):
    DocumentReview.objects.create(
        document=document,
        reviewed_by=approver,
        note="Proceduren er stadig dækkende.",
        next_review_date=datetime.date(2027, 12, 1),
    )

    soup = soup_of(reader_client.get(route(document, "history")))

    review = text_of(soup.select_one("tr.history-review"))
    for expected in ["Gennemgået uden ændringer", "Anne Holm", "Proceduren er stadig dækkende.", today(), "2.0"]:
        assert expected in review, expected
    assert "1. december 2027" in review


def test_document_page_links_to_its_history_and_shows_the_latest_change(reader_client, document):
    soup = soup_of(reader_client.get(document.url))

    metadata = soup.find(attrs={"aria-label": "Dokumentoplysninger"})
    assert link_named(metadata, "Versionshistorik")["href"] == route(document, "history")
    assert "Seneste ændring: Ny frist for journalisering og et trin om kvittering." in text_of(metadata)


# An old version ---------------------------------------------------------------------------------------


def test_old_version_shows_the_notice_its_own_text_and_its_own_metadata(reader_client, document):
    soup = soup_of(reader_client.get(route(document, "version", major=1, minor=0)))

    notice = soup.find(class_="old-version-notice")
    assert "Historisk version – gælder ikke længere" in text_of(notice)
    assert "Den blev afløst af version 2.0" in text_of(notice)
    assert notice.find("a", href=document.url) is not None
    main = text_of(soup.find("main"))
    assert OLD_STEP in main
    assert NEW_STEP not in main
    assert ADDED_STEP not in main
    metadata = text_of(soup.find(attrs={"aria-label": "Dokumentoplysninger"}))
    assert "Version 1.0" in metadata
    assert "Gældende fra 1. marts 2026" in metadata
    assert "Godkendt af Bo Berg" in metadata
    assert "Anne Holm" not in metadata
    assert "Ændringer i denne version: Første udgave." in metadata
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert "version 1.0" in soup.title.get_text()


def test_old_version_shows_the_title_it_had(reader_client, document, approver):
    document = publish(document, approver, title="Klager over støj fra virksomheder", change_summary="Ny titel.")

    soup = soup_of(reader_client.get(route(document, "version", major=2, minor=0)))

    assert "Behandling af klager over støj" in soup.h1.get_text()
    crumbs = soup.find("nav", attrs={"aria-label": "Brødkrumme"})
    assert [text_of(item) for item in crumbs.find_all("li")][-3:] == [
        "Klager over støj fra virksomheder",
        "Versionshistorik",
        "Version 2.0",
    ]


def test_the_current_version_number_redirects_to_the_document(reader_client, document):
    response = reader_client.get(route(document, "version", major=2, minor=0))

    assert response.status_code == 302
    assert response["Location"] == document.url


@pytest.mark.parametrize(("major", "minor"), [(9, 9), (1, 1), (10**20, 0), (1, 10**20)])
def test_an_unknown_version_is_not_found(reader_client, document, major, minor):
    soup = soup_of(reader_client.get(route(document, "version", major=major, minor=minor)), status=404)

    assert "Siden blev ikke fundet" in soup.h1.get_text()


def test_a_version_whose_revision_is_gone_is_listed_but_not_linked(reader_client, document):
    DocumentVersion.objects.filter(document=document, major=1).update(revision=None)

    soup = soup_of(reader_client.get(route(document, "history")))
    oldest = soup.select("table.history-table tbody tr")[1]
    assert "1.0" in text_of(oldest)
    assert oldest.find("a") is None
    assert soup.find("form", class_="compare-form") is None
    assert reader_client.get(route(document, "version", major=1, minor=0)).status_code == 404


# Drafts are never shown -------------------------------------------------------------------------------


def test_an_unpublished_draft_is_reachable_by_no_url(reader_client, document, approver):
    document.title = "Kladdetitel"
    document.change_summary = "Kladdens ændringsbeskrivelse"
    document.body = [{"type": "paragraph", "value": "<p>HEMMELIG KLADDETEKST</p>"}]
    document.save_revision(user=approver)  # saved, never published
    scheduled = ProcedurePage.objects.get(pk=document.pk)
    scheduled.title = "Planlagt titel"
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=30)
    scheduled.save_revision(user=approver).publish(user=approver, skip_permission_checks=True)  # goes live later

    assert DocumentVersion.objects.filter(document=document).count() == 2
    urls = [
        document.url,
        route(document, "history"),
        route(document, "version", major=1, minor=0),
        route(document, "version", major=2, minor=1),
        route(document, "version", major=3, minor=0),
        route(document, "compare"),
        route(document, "compare") + "?fra=1.0&til=2.0",
        route(document, "compare") + "?fra=2.0&til=2.1",
        route(document, "compare") + "?fra=2.0&til=3.0",
        route(document, "print"),
    ]
    for url in urls:
        response = reader_client.get(url, follow=True)
        content = response.content.decode()
        assert response.status_code in (200, 400, 404), url
        for secret in ["Kladdetitel", "Kladdens ændringsbeskrivelse", "HEMMELIG KLADDETEKST", "Planlagt titel"]:
            assert secret not in content, (url, secret)


def test_a_restricted_document_shows_its_versions_to_no_one_outside_the_group(reader_client, document):
    restriction = PageViewRestriction.objects.create(page=document, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Ledelsen"))

    for url in [
        route(document, "history"),
        route(document, "version", major=1, minor=0),
        route(document, "compare") + "?fra=1.0&til=2.0",
        route(document, "print"),
    ]:
        response = reader_client.get(url)
        assert response.status_code != 200, url
        assert OLD_STEP not in response.content.decode(), url


@pytest.mark.parametrize("name", ["history", "version", "compare", "print"])
def test_anonymous_visitors_are_sent_to_log_in(client, document, name):
    url = route(document, name, **({"major": 1, "minor": 0} if name == "version" else {}))

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=")


# Comparing two versions -------------------------------------------------------------------------------


def test_comparison_marks_added_and_removed_words(reader_client, document):
    soup = soup_of(reader_client.get(route(document, "compare") + "?fra=1.0&til=2.0"))

    comparison = soup.find("section", class_="comparison")
    assert "Fra version 1.0 til version 2.0" in comparison.h2.get_text()
    changed = comparison.find("p", class_="compare-changed")
    assert text_of(changed.find("del")) == "Fjernet: samme dag"
    assert text_of(changed.find("ins")) == "Tilføjet: senest dagen efter"
    assert changed.find("del").find(class_="sr-only").get_text(strip=True) == "Fjernet:"
    added = [text_of(paragraph) for paragraph in comparison.find_all("p", class_="compare-insert")]
    assert f"Tilføjet afsnit: Trin: {ADDED_STEP}" in added
    assert "Tilføjet afsnit: Kvitteringen sendes på e-mail." in added
    # Unchanged text is shown unmarked, and a legend explains the marking in words.
    unchanged = [text_of(paragraph) for paragraph in comparison.find_all("p", class_="compare-equal")]
    assert "Hør virksomheden." in unchanged
    assert "Tilføjet tekst er understreget på grøn baggrund." in text_of(comparison.find(class_="compare-legend"))
    assert "Ny frist for journalisering" in text_of(comparison.find(class_="compare-summaries"))
    first_change = link_named(comparison, "Gå til første ændring")["href"].lstrip("#")
    assert "compare-paragraph" in comparison.find(id=first_change)["class"]


def test_comparison_backwards_shows_the_newer_text_as_removed(reader_client, document):
    soup = soup_of(reader_client.get(route(document, "compare") + "?fra=2.0&til=1.0"))

    changed = soup.find("p", class_="compare-changed")
    assert text_of(changed.find("del")) == "Fjernet: senest dagen efter"
    assert text_of(changed.find("ins")) == "Tilføjet: samme dag"


def test_comparison_without_choices_shows_the_form_with_the_latest_change(reader_client, document):
    soup = soup_of(reader_client.get(route(document, "compare")))

    assert soup.find("select", attrs={"name": "fra"}).find("option", selected=True)["value"] == "1.0"
    assert soup.find("section", class_="comparison") is None
    assert soup.find(class_="alert-error") is None


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"fra": "1.0"}, "Vælg den version, der skal sammenlignes med."),
        ({"til": "2.0"}, "Vælg den version, der skal sammenlignes fra."),
        ({"fra": "", "til": ""}, "Vælg den version, der skal sammenlignes fra."),
        ({"fra": "abc", "til": "2.0"}, "Et versionsnummer er to tal med punktum imellem, fx 1.0."),
        ({"fra": "1.0", "til": "9.9"}, "Dokumentet har ingen version 9.9."),
        ({"fra": "2.0", "til": "2.0"}, "Vælg to forskellige versioner at sammenligne."),
        ({"fra": "1" * 10_000, "til": "2.0"}, "Et versionsnummer er to tal med punktum imellem"),
        ({"fra": "1.0\x00", "til": "2.0"}, "Et versionsnummer er to tal med punktum imellem"),
        ({"fra": "<script>", "til": "2.0"}, "Et versionsnummer er to tal med punktum imellem"),
    ],
)
def test_bad_comparison_input_gets_a_danish_message(reader_client, document, query, message):
    response = reader_client.get(route(document, "compare"), query)

    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    alert = soup.find(class_="alert-error")
    assert "Versionerne kunne ikke sammenlignes" in text_of(alert)
    assert message in text_of(alert)
    assert soup.find("form", class_="compare-form") is not None
    assert soup.find("section", class_="comparison") is None
    assert "<script>" not in response.content.decode()


def test_comparison_of_a_document_with_one_version_says_so(reader_client, site_tree):
    page = make_document(site_tree.section, ProcedurePage, slug="klager")

    soup = soup_of(reader_client.get(route(page, "compare") + "?fra=1.0&til=2.0"))

    assert "Dokumentet har kun én offentliggjort version" in text_of(soup.find("main"))
    assert soup.find("form", class_="compare-form") is None


# Queries ----------------------------------------------------------------------------------------------


def queries_for(client, url):
    client.get(url)  # warm the per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_history_old_version_and_comparison_take_the_same_queries_for_2_and_12_versions(
    reader_client, document, approver
):
    urls = [
        route(document, "history"),
        route(document, "version", major=1, minor=0),
        route(document, "compare") + "?fra=1.0&til=2.0",
    ]
    with_two = [queries_for(reader_client, url) for url in urls]

    for number in range(10):
        document = publish(document, approver, change_summary=f"Rettelse {number}.", summary=f"Resumé {number}.")
        DocumentReview.objects.create(document=document, reviewed_by=approver, next_review_date=timezone.localdate())
    assert DocumentVersion.objects.filter(document=document).count() == 12

    with_twelve = [queries_for(reader_client, url) for url in urls]
    assert with_twelve == with_two
    # The history about as many as a document page; an old version (and a comparison, twice) adds reading a
    # revision back into a page, which checks that the people, team and tags it names still exist.
    history, old_version, comparison = with_twelve
    assert history <= 25
    assert old_version <= 40
    assert comparison <= 50
