"""Withdrawn documents: the admin action, who may take it, and what readers see afterwards (gone from the tree, the
menus and the search; kept, with its history, in the archive «Udgåede dokumenter», marked not in force)."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import registry as log_registry
from wagtail.models import GroupPagePermission, PageLogEntry, PageViewRestriction

from handbook import acknowledgements, review, roles, withdrawal
from handbook.models import ControlledDocumentPage, DocumentVersion, DocumentWithdrawal, PolicyPage
from handbook.wagtail_hooks.withdrawal import withdraw_header_button, withdraw_listing_button
from search.backends.database import DatabaseSearch
from search.query import SearchRequest
from tests.factories import UserFactory, make_document

pytestmark = pytest.mark.django_db

OLD_TITLE = "Behandling af klager over støj"
NEW_TITLE = "Behandling af klager over støj og lugt"
REASON = "Erstattet af en samlet procedure for miljøklager."


def withdraw_url(document):
    return reverse("handbook_withdrawal:withdraw", args=[document.pk])


def archive_url(document=None):
    if document is None:
        return reverse("handbook_archive")
    return reverse("handbook_archived_document", args=[document.document_number])


def text_of(response, status=200):
    assert response.status_code == status, response.status_code
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True).split())


def staff(username, page=None, page_permissions=(), groups=(), admin=True):
    user = UserFactory(username=username, first_name=username.capitalize(), last_name="Hansen")
    group = Group.objects.create(name=f"Rolle {username}")
    if admin:
        group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for action in page_permissions:
        GroupPagePermission.objects.create(
            group=group,
            page=page,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{action}_page"),
        )
    user.groups.add(group, *[Group.objects.get_or_create(name=name)[0] for name in groups])
    return user


@pytest.fixture
def handbook(site_tree):
    """A procedure with two versions (the second significant, so readers are asked to confirm it), a policy to
    replace it, and the people around them."""
    publisher = staff("udgiver", site_tree.handbook, ["add", "change", "publish"])
    document = make_document(site_tree.section, title=OLD_TITLE, change_summary="Første udgave.")
    document.title = NEW_TITLE
    document.change_summary = "Lugtklager er taget med."
    document.is_significant_change = True
    document.save_revision(user=publisher).publish(user=publisher, skip_permission_checks=True)
    document = ControlledDocumentPage.objects.get(pk=document.pk).specific
    replacement = make_document(site_tree.section, page_class=PolicyPage, title="Miljøklager samlet")
    return type(
        "Handbook",
        (),
        {
            "tree": site_tree,
            "document": document,
            "replacement": replacement,
            "publisher": publisher,
            "administrator": staff("administrator", groups=[roles.ADMINISTRATORS]),
            "editor": staff("skribent", site_tree.handbook, ["add", "change"]),
            "employee": staff("ansat", groups=[roles.EMPLOYEES], admin=False),
        },
    )


def withdrawn(handbook, client):
    """Withdraws the procedure as its publisher, in a session of its own (its message stays there)."""
    client = Client()
    client.force_login(handbook.publisher)
    response = client.post(withdraw_url(handbook.document), {"reason": REASON, "replaced_by": handbook.replacement.pk})
    assert response.status_code == 302, response.content[:2000]
    cache.clear()
    return ControlledDocumentPage.objects.get(pk=handbook.document.pk)


# The action -------------------------------------------------------------------------------------------------


def test_the_form_asks_for_a_reason_and_a_replacement_in_danish(handbook, client):
    client.force_login(handbook.publisher)
    text = text_of(client.get(withdraw_url(handbook.document)))

    assert "Begrundelse" in text
    assert "Erstattet af" in text
    assert handbook.document.document_number in text


def test_withdrawing_records_it_takes_the_document_out_of_force_and_logs_it(handbook, client):
    document = withdrawn(handbook, client)

    record = DocumentWithdrawal.objects.get(document=document)
    assert record.reason == REASON
    assert record.replaced_by_id == handbook.replacement.pk
    assert record.withdrawn_by == handbook.publisher
    assert not document.live
    entry = PageLogEntry.objects.get(page_id=document.pk, action=withdrawal.WITHDRAW_ACTION)
    assert entry.user == handbook.publisher
    assert entry.data["reason"] == REASON
    assert entry.data["version"] == "2.0"
    assert "Miljøklager samlet" in str(log_registry.get_formatter(entry).format_message(entry))
    assert str(log_registry.get_action_label(withdrawal.WITHDRAW_ACTION)) == "Udgået"


def test_an_administrator_may_withdraw_without_page_rights(handbook, client):
    client.force_login(handbook.administrator)
    response = client.post(withdraw_url(handbook.document), {"reason": REASON})

    assert response.status_code == 302
    assert DocumentWithdrawal.objects.filter(document_id=handbook.document.pk, replaced_by=None).exists()


def test_an_empty_reason_gets_a_danish_message_and_withdraws_nothing(handbook, client):
    client.force_login(handbook.publisher)
    for reason in ("", "   \n "):
        response = client.post(withdraw_url(handbook.document), {"reason": reason})
        text = text_of(response, status=400)
        assert "Angiv begrundelsen for, at dokumentet udgår." in text
    assert not DocumentWithdrawal.objects.exists()
    assert ControlledDocumentPage.objects.get(pk=handbook.document.pk).live


def test_the_document_cannot_replace_itself(handbook, client):
    client.force_login(handbook.publisher)
    response = client.post(withdraw_url(handbook.document), {"reason": REASON, "replaced_by": handbook.document.pk})

    assert "Vælg et offentliggjort, gældende dokument" in text_of(response, status=400)
    assert not DocumentWithdrawal.objects.exists()


@pytest.mark.parametrize("who", ["editor", "employee"])
def test_others_cannot_withdraw_and_see_no_action(handbook, client, who):
    user = getattr(handbook, who)
    client.force_login(user)

    assert client.get(withdraw_url(handbook.document)).status_code in (302, 403)
    response = client.post(withdraw_url(handbook.document), {"reason": REASON})

    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert urlsplit(response["Location"]).path in ("/login/", "/admin/login/")
    assert not DocumentWithdrawal.objects.exists()
    assert withdraw_header_button(handbook.document, user, "edit") == []
    assert withdraw_listing_button(handbook.document, user) == []


def test_the_action_is_on_the_document_for_those_who_may_take_it(handbook, client):
    assert withdraw_header_button(handbook.document, handbook.publisher, "edit")
    client.force_login(handbook.publisher)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[handbook.document.pk]))
    assert withdraw_url(handbook.document) in edit.content.decode()

    client.force_login(handbook.editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[handbook.document.pk]))
    assert edit.status_code == 200
    assert withdraw_url(handbook.document) not in edit.content.decode()


def test_a_withdrawn_document_is_not_edited_or_published_again(handbook, client):
    document = withdrawn(handbook, client)
    client.force_login(handbook.publisher)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[document.pk]), follow=True)

    assert "kan ikke længere redigeres" in text_of(response)
    assert withdraw_header_button(document, handbook.publisher, "edit") == []


# Out of the tree, the menus and the search -----------------------------------------------------------------


def test_a_withdrawn_document_leaves_the_section_the_menu_and_its_old_address_leads_to_the_archive(handbook, client):
    number = handbook.document.document_number
    url = handbook.document.url
    client.force_login(handbook.employee)
    assert number in text_of(client.get(handbook.tree.section.url))

    withdrawn(handbook, client)
    client.force_login(handbook.employee)

    assert number not in text_of(client.get(handbook.tree.section.url))
    assert number not in text_of(client.get(handbook.tree.handbook.url))
    assert number not in text_of(client.get(handbook.replacement.url))  # its section's menu
    response = client.get(url)
    assert response.status_code == 301
    assert response["Location"] == archive_url(handbook.document)
    assert "Udgået – ikke gældende" in text_of(client.get(response["Location"]))


def test_a_withdrawn_document_is_not_found_by_the_search(handbook, client):
    def found(text):
        return {hit.page_id for hit in DatabaseSearch().search(SearchRequest(text=text, per_page=50)).hits}

    assert handbook.document.pk in found("lugt")
    withdrawn(handbook, client)
    client.force_login(handbook.employee)

    assert handbook.document.pk not in found("lugt")
    assert handbook.document.pk not in found(handbook.document.document_number)
    assert handbook.document.document_number not in text_of(client.get("/search/", {"q": "lugt"}))
    suggestions = client.get("/search/autocomplete/", {"q": "Behandling"}).json()["suggestions"]
    assert handbook.document.document_number not in {s["document_number"] for s in suggestions}


def test_a_withdrawn_document_is_due_for_no_review_and_asks_no_one_to_confirm(handbook, client):
    ControlledDocumentPage.objects.filter(pk=handbook.document.pk).update(next_review_date=timezone.localdate())
    assert handbook.document.pk in set(review.due_for_review().values_list("pk", flat=True))
    assert acknowledgements.pending_versions(handbook.employee)

    withdrawn(handbook, client)

    assert handbook.document.pk not in set(review.due_for_review().values_list("pk", flat=True))
    assert not [
        v for v in acknowledgements.pending_versions(handbook.employee) if v.document_id == handbook.document.pk
    ]


# The archive ------------------------------------------------------------------------------------------------


def test_the_archive_lists_it_with_number_title_version_date_reason_and_replacement(handbook, client):
    document = withdrawn(handbook, client)
    client.force_login(handbook.employee)
    response = client.get(archive_url())
    soup = BeautifulSoup(response.content, "html.parser")
    row = next(tr for tr in soup.select("tbody tr") if document.document_number in tr.get_text())
    text = " ".join(row.get_text(" ", strip=True).split())

    assert NEW_TITLE in text
    assert "2.0" in text
    assert REASON in text
    assert "Udgået – ikke gældende" in text
    assert row.find("a", href=handbook.replacement.url) is not None
    assert row.find("a", href=archive_url(document)) is not None


def test_the_archived_document_is_readable_marked_not_in_force_with_its_history(handbook, client):
    document = withdrawn(handbook, client)
    client.force_login(handbook.employee)

    soup = BeautifulSoup(client.get(archive_url(document)).content, "html.parser")
    notice = " ".join(soup.select_one(".withdrawn-notice").get_text(" ", strip=True).split())
    assert "Udgået – ikke gældende" in notice
    assert REASON in notice
    assert soup.select_one(".withdrawn-notice").find("a", href=handbook.replacement.url) is not None
    assert NEW_TITLE in soup.find("h1").get_text()
    history = soup.select_one(".history-table").get_text(" ", strip=True)
    assert "Lugtklager er taget med." in history and "Første udgave." in history

    old = soup.select_one(".history-table").find("a", href=f"{archive_url(document)}versioner/1-0/")
    assert old is not None
    old_text = text_of(client.get(old["href"]))
    assert OLD_TITLE in old_text and NEW_TITLE not in old_text.split("Versionshistorik")[0].split("Udgået")[0]
    assert "Udgået – ikke gældende" in old_text
    assert client.get(f"{archive_url(document)}versioner/2-0/").status_code == 302
    assert client.get(f"{archive_url(document)}versioner/7-0/").status_code == 404
    assert DocumentVersion.objects.filter(document=document).count() == 2


def test_a_document_in_force_is_not_in_the_archive(handbook, client):
    client.force_login(handbook.employee)

    assert client.get(archive_url(handbook.document)).status_code == 404
    assert handbook.document.document_number not in text_of(client.get(archive_url()))


def test_the_archive_needs_a_login_and_keeps_view_restrictions(handbook, client):
    document = withdrawn(handbook, client)
    client.logout()
    for url in (archive_url(), archive_url(document), f"{archive_url(document)}versioner/1-0/"):
        response = client.get(url)
        assert response.status_code == 302 and urlsplit(response["Location"]).path == "/login/"

    restriction = PageViewRestriction.objects.create(page=handbook.tree.section, restriction_type="groups")
    restriction.groups.add(Group.objects.create(name="Kun ledelsen"))
    client.force_login(handbook.employee)
    assert client.get(archive_url(document)).status_code == 404
    assert document.document_number not in text_of(client.get(archive_url()))


def test_the_unit_manager_of_the_section_may_withdraw(handbook, client):
    groups = roles.ensure_roles(handbook.tree.handbook)
    unit_manager = UserFactory(username="enhedsleder-udgaar")
    unit_manager.groups.add(groups[roles.APPROVERS])
    client.force_login(unit_manager)

    response = client.post(withdraw_url(handbook.document), {"reason": REASON})

    assert response.status_code == 302
    assert DocumentWithdrawal.objects.get().withdrawn_by == unit_manager
    assert not ControlledDocumentPage.objects.get(pk=handbook.document.pk).live
