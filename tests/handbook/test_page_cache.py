"""The parts of a handbook page shared by its readers are cached, and nothing personal, private, stale or
unpublished ever comes out of that cache.

Each test renders a page for one person first, so that whatever that person was shown is in the cache, then
checks what the next person (or the next request, after a change) is shown. The cache is the test settings'
local-memory cache with the fragment cache switched on, as it is with Redis in production; "another worker" is a
fresh client whose process has nothing but the shared cache in common with the first.
"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db import connection
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import GroupPagePermission, PageViewRestriction

from handbook import page_cache
from handbook.models import Acknowledgement, ProcedurePage, SectionPage
from tests.factories import UserFactory, make_document

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fragment_cache(settings):
    settings.PAGE_FRAGMENT_CACHE = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def document(site_tree):
    return make_document(site_tree.section, title="Behandling af klager over støj", slug="klager")


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def main_text(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").find("main").get_text(" ", strip=True)


def page_text(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def publish(document, **changes):
    """Publishes a new (minor) version with the changes, as an editor would; returns the fresh page."""
    page = ProcedurePage.objects.get(pk=document.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.change_summary = changes.get("change_summary", "Rettelser.")
    page.save_revision().publish()
    return ProcedurePage.objects.get(pk=document.pk)


# The cache works -----------------------------------------------------------------------------------------


def test_a_second_reader_gets_the_shared_parts_from_the_cache(reader_client, document):
    first = reader_client.get(document.url)
    colleague = client_for(UserFactory(username="kollega", first_name="Karl", last_name="Berg"))
    with CaptureQueriesContext(connection) as queries:
        second = colleague.get(document.url)

    assert main_text(second) == main_text(first).replace("Mette", "Karl")
    tables = " ".join(query["sql"] for query in queries.captured_queries)
    assert "taggit_tag" not in tables  # the metadata came from the cache
    assert "handbook_isoclause" not in tables


def test_without_a_shared_cache_nothing_is_cached(settings, reader_client, document):
    """Several workers with a cache each would serve a page republished in another worker: off by default."""
    del settings.PAGE_FRAGMENT_CACHE
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

    assert not page_cache.enabled()
    reader_client.get(document.url)
    with CaptureQueriesContext(connection) as queries:
        reader_client.get(document.url)
    assert "taggit_tag" in " ".join(query["sql"] for query in queries.captured_queries)


# Changes are shown at once ----------------------------------------------------------------------------


def test_a_new_published_version_is_shown_at_once_in_another_worker(reader_client, document):
    assert "Svar klageren inden 14 dage" in main_text(reader_client.get(document.url))
    body = list(document.body.raw_data)
    body.append({"type": "paragraph", "value": "<p>Ny regel om aktindsigt.</p>"})
    publish(document, title="Klager over støj og lugt", body=body)

    other_worker = client_for(UserFactory(username="kollega"))
    for client in (reader_client, other_worker):
        text = page_text(client.get(document.url))
        assert "Klager over støj og lugt" in text  # header, breadcrumbs and menu
        assert "Ny regel om aktindsigt." in text
        assert "1.1" in main_text(client.get(document.url))


def test_the_menu_of_a_neighbour_shows_a_renamed_document_at_once(reader_client, site_tree, document):
    neighbour = make_document(site_tree.section, title="Tilsyn med virksomheder", slug="tilsyn")
    assert "Behandling af klager over støj" in page_text(reader_client.get(neighbour.url))

    publish(document, title="Klager over lugt")

    text = page_text(reader_client.get(neighbour.url))
    assert "Klager over lugt" in text
    assert "Behandling af klager over støj" not in text


def test_an_unpublished_page_is_gone_at_once(reader_client, document):
    assert reader_client.get(document.url).status_code == 200

    ProcedurePage.objects.get(pk=document.pk).unpublish()

    assert reader_client.get(document.url).status_code == 404
    assert client_for(UserFactory(username="kollega")).get(document.url).status_code == 404


def test_a_moved_page_is_served_at_its_new_address_only(reader_client, site_tree, document):
    old_url = document.url
    assert reader_client.get(old_url).status_code == 200
    nature = site_tree.handbook.add_child(instance=SectionPage(title="Natur", slug="natur"))

    ProcedurePage.objects.get(pk=document.pk).move(nature, pos="last-child")

    moved = ProcedurePage.objects.get(pk=document.pk)
    old = reader_client.get(old_url)
    assert old.status_code in (301, 302, 404)  # Wagtail's automatic redirect, when it makes one
    assert old.status_code == 404 or old["Location"] == moved.url
    assert "Natur" in page_text(reader_client.get(moved.url))


def test_a_draft_is_never_shown(reader_client, document):
    reader_client.get(document.url)
    draft = ProcedurePage.objects.get(pk=document.pk)
    draft.title = "Kladde: ny klagevejledning"
    draft.save_revision()

    text = page_text(client_for(UserFactory(username="kollega")).get(document.url))
    assert "Kladde" not in text
    assert "Behandling af klager over støj" in text


def test_a_renamed_responsible_person_is_shown_at_once(reader_client, document):
    assert "Rasmus Nielsen" in main_text(reader_client.get(document.url))
    responsible = document.responsible_person
    responsible.last_name = "Nørgaard"
    responsible.save()

    assert "Rasmus Nørgaard" in main_text(reader_client.get(document.url))


def test_logging_in_does_not_empty_the_cache(document, reader):
    before = page_cache.version()
    client_for(reader)
    assert page_cache.version() == before


def test_a_superseded_version_is_not_shown_as_the_document_in_force(reader_client, document):
    publish(document, title="Klager over støj, ny udgave")
    current = reader_client.get(document.url)
    old = reader_client.get(document.url + document.reverse_subpage("version", kwargs={"major": 1, "minor": 0}))

    assert "Behandling af klager over støj" in main_text(old)
    assert "Klager over støj, ny udgave" not in main_text(old)
    assert "Klager over støj, ny udgave" in main_text(reader_client.get(document.url))
    assert main_text(current) == main_text(reader_client.get(document.url))


# Nothing personal or private is shared ----------------------------------------------------------------


def test_a_restricted_page_is_never_served_from_the_cache_to_an_outsider(document, site_tree, reader):
    leaders = Group.objects.create(name="Ledelse")
    insider = UserFactory(username="leder", first_name="Lene", last_name="Lund")
    insider.groups.add(leaders)
    restriction = PageViewRestriction.objects.create(page=site_tree.section, restriction_type="groups")
    restriction.groups.add(leaders)

    assert "Svar klageren inden 14 dage" in main_text(client_for(insider).get(document.url))
    response = client_for(reader).get(document.url)

    assert response.status_code != 200
    assert "Svar klageren inden 14 dage" not in response.content.decode()


def test_a_page_restricted_after_it_was_read_is_refused_to_an_outsider_at_once(document, site_tree, reader):
    reader_client = client_for(reader)
    assert "Svar klageren inden 14 dage" in main_text(reader_client.get(document.url))
    leaders = Group.objects.create(name="Ledelse")
    restriction = PageViewRestriction.objects.create(page=site_tree.section, restriction_type="groups")
    restriction.groups.add(leaders)

    response = reader_client.get(document.url)

    assert response.status_code != 200
    assert "Svar klageren inden 14 dage" not in response.content.decode()


def test_the_header_names_each_person_and_no_one_else(reader_client, document):
    assert "Mette Jensen" in page_text(reader_client.get(document.url))
    text = page_text(client_for(UserFactory(username="kollega", first_name="Karl", last_name="Berg")).get(document.url))

    assert "Karl Berg" in text
    assert "Mette Jensen" not in text


def test_a_new_significant_version_asks_for_confirmation_at_once(reader_client, document):
    assert "Jeg har læst og forstået" not in main_text(reader_client.get(document.url))

    publish(document, is_significant_change=True, change_summary="Nye frister.")

    assert "Jeg har læst og forstået" in main_text(reader_client.get(document.url))


def test_a_readers_confirmation_is_not_shown_to_another(reader, document):
    significant = publish(document, is_significant_change=True, change_summary="Nye frister.")
    reader_client = client_for(reader)
    assert "Jeg har læst og forstået" in main_text(reader_client.get(significant.url))
    Acknowledgement.objects.create(version=significant.versions.first(), user=reader)
    assert "Du bekræftede" in main_text(reader_client.get(significant.url))

    text = main_text(client_for(UserFactory(username="kollega")).get(significant.url))
    assert "Jeg har læst og forstået" in text
    assert "Du bekræftede" not in text


def test_only_an_editor_sees_the_read_status_link(reader, site_tree, document):
    significant = publish(document, is_significant_change=True, change_summary="Nye frister.")
    editors = Group.objects.create(name="Redaktører")
    GroupPagePermission.objects.create(
        group=editors,
        page=site_tree.handbook,
        permission=Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page"),
    )
    editor = UserFactory(username="redaktion", first_name="Rikke", last_name="Dahl")
    editor.groups.add(editors)

    assert "Læsestatus for version 2.0" in main_text(client_for(editor).get(significant.url))
    assert "Læsestatus for version 2.0" not in main_text(client_for(reader).get(significant.url))


def test_the_read_status_link_goes_at_once_with_the_editors_permission(reader, site_tree, document):
    significant = publish(document, is_significant_change=True, change_summary="Nye frister.")
    editors = Group.objects.create(name="Redaktører")
    permission = GroupPagePermission.objects.create(
        group=editors,
        page=site_tree.handbook,
        permission=Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page"),
    )
    editor = UserFactory(username="redaktion", first_name="Rikke", last_name="Dahl")
    editor.groups.add(editors)
    editor_client = client_for(editor)
    assert "Læsestatus for version 2.0" in main_text(editor_client.get(significant.url))

    permission.delete()

    assert "Læsestatus for version 2.0" not in main_text(editor_client.get(significant.url))


def csrf_secrets(response):
    soup = BeautifulSoup(response.content, "html.parser")
    tokens = [field["value"] for field in soup.find_all("input", attrs={"name": "csrfmiddlewaretoken"})]
    assert tokens
    return {_unmask_cipher_token(token) for token in tokens}


def test_each_session_gets_its_own_csrf_token_in_the_forms_of_a_cached_page(reader, document):
    significant = publish(document, is_significant_change=True, change_summary="Nye frister.")
    first, second = client_for(reader), client_for(UserFactory(username="kollega"))

    first_secrets = csrf_secrets(first.get(significant.url))
    second_secrets = csrf_secrets(second.get(significant.url))

    assert first_secrets == {first.cookies["csrftoken"].value}
    assert second_secrets == {second.cookies["csrftoken"].value}
    assert first_secrets != second_secrets


# The front page ---------------------------------------------------------------------------------------


def test_the_front_page_panels_are_each_persons_own(reader, site_tree, document):
    significant = publish(document, is_significant_change=True, change_summary="Nye frister.")
    Acknowledgement.objects.create(version=significant.versions.first(), user=reader)
    colleague = UserFactory(username="kollega", first_name="Karl", last_name="Berg")

    mine = main_text(client_for(reader).get(site_tree.home.url))
    theirs = main_text(client_for(colleague).get(site_tree.home.url))

    assert "Goddag, Mette" in mine
    assert "afventer din læsebekræftelse" not in mine
    assert "Goddag, Karl" in theirs
    assert "Mette" not in theirs
    assert "afventer din læsebekræftelse" in theirs


def test_a_confirmation_leaves_the_front_page_at_once(reader, site_tree, document):
    significant = publish(document, is_significant_change=True, change_summary="Nye frister.")
    reader_client = client_for(reader)
    assert "afventer din læsebekræftelse" in main_text(reader_client.get(site_tree.home.url))

    response = reader_client.post(significant.url + significant.reverse_subpage("acknowledge"), {"version": "2.0"})
    assert response.status_code in (200, 302)
    assert Acknowledgement.objects.filter(user=reader).exists()

    assert "afventer din læsebekræftelse" not in main_text(reader_client.get(site_tree.home.url))


def test_a_new_significant_version_reaches_the_front_page_at_once(reader_client, site_tree, document):
    assert "afventer din læsebekræftelse" not in main_text(reader_client.get(site_tree.home.url))

    publish(document, is_significant_change=True, change_summary="Nye frister.")

    assert "afventer din læsebekræftelse" in main_text(reader_client.get(site_tree.home.url))


def test_the_front_page_lists_a_new_document_at_once(reader_client, site_tree, document):
    assert "Behandling af klager over støj" in main_text(reader_client.get(site_tree.home.url))

    make_document(site_tree.section, title="Tilsyn med virksomheder", slug="tilsyn")

    assert "Tilsyn med virksomheder" in main_text(reader_client.get(site_tree.home.url))


def admin_link_shown(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return soup.find("a", class_="portal-admin-link") is not None


def test_the_administration_link_follows_each_persons_permission_at_once(reader_client, reader, document):
    administrators = Group.objects.create(name="Administratorer")
    administrators.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    administrator = UserFactory(username="admin-bruger")
    administrator.groups.add(administrators)
    administrator_client = client_for(administrator)

    assert admin_link_shown(administrator_client, document.url)
    assert not admin_link_shown(reader_client, document.url)

    administrator.groups.remove(administrators)
    reader.groups.add(administrators)

    assert not admin_link_shown(administrator_client, document.url)
    assert admin_link_shown(reader_client, document.url)


# The site ---------------------------------------------------------------------------------------------------


def site_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [query for query in queries.captured_queries if "wagtailcore_site" in query["sql"]]


def test_the_site_of_a_page_request_comes_from_the_cache(reader_client, document):
    site_queries(reader_client, document.url)

    assert site_queries(reader_client, document.url) == []


def test_a_changed_site_is_looked_up_again_at_once(reader_client, site_tree, document):
    site_queries(reader_client, document.url)

    site = site_tree.site if hasattr(site_tree, "site") else document.get_site()
    site.site_name = "Kvalitetsportalen (ny)"
    site.save()

    assert site_queries(reader_client, document.url) != []
