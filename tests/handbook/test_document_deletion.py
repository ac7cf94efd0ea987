"""Controlled documents are never deleted but by a superuser: on the page's delete view, in a bulk delete, and by
deleting a section above them; and every deletion is logged in the audit log (surviving the page) and the log."""

import logging

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from wagtail.log_actions import LogContext
from wagtail.models import GroupPagePermission, Page, PageLogEntry

from handbook import roles, withdrawal
from handbook.models import ControlledDocumentPage, SectionPage
from tests.factories import UserFactory, make_document

pytestmark = pytest.mark.django_db

ADMIN_PAGE_PERMISSIONS = ["add", "change", "publish", "bulk_delete", "lock", "unlock"]


def administrator():
    """A member of the administrators' group with every page right on the whole tree, bulk delete included, but
    not a superuser."""
    group, _created = Group.objects.get_or_create(name=roles.ADMINISTRATORS)
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for action in ADMIN_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=Page.get_first_root_node(),
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{action}_page"),
        )
    user = UserFactory(username="administrator")
    user.groups.add(group)
    return user


@pytest.fixture
def tree(site_tree):
    document = make_document(site_tree.section)
    empty = site_tree.handbook.add_child(instance=SectionPage(title="Tom", slug="tom"))
    superuser = UserFactory(username="superbruger", is_superuser=True, is_staff=True)
    return type(
        "Tree",
        (),
        {
            "site": site_tree,
            "document": document,
            "empty_section": empty,
            "administrator": administrator(),
            "superuser": superuser,
        },
    )


def delete_url(page):
    return reverse("wagtailadmin_pages:delete", args=[page.pk])


def bulk_delete_url(*pages):
    ids = "&".join(f"id={page.pk}" for page in pages)
    return reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"]) + f"?{ids}"


def messages_of(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(soup.get_text(" ", strip=True).split())


def exists(page):
    return Page.objects.filter(pk=page.pk).exists()


def test_an_administrator_cannot_delete_a_document(tree, client):
    client.force_login(tree.administrator)

    response = client.post(delete_url(tree.document), follow=True)

    assert exists(tree.document)
    assert "Styrede dokumenter slettes aldrig" in messages_of(response)
    assert not PageLogEntry.objects.filter(action=withdrawal.DELETE_ACTION).exists()


def test_an_administrator_cannot_delete_a_section_with_documents(tree, client):
    client.force_login(tree.administrator)

    response = client.post(delete_url(tree.site.section), follow=True)

    assert exists(tree.site.section) and exists(tree.document)
    assert "indeholder styrede dokumenter" in messages_of(response)


def test_an_administrator_may_still_delete_a_section_without_documents(tree, client):
    client.force_login(tree.administrator)

    client.post(delete_url(tree.empty_section))

    assert not exists(tree.empty_section)


def test_an_administrator_cannot_bulk_delete_documents(tree, client):
    client.force_login(tree.administrator)

    response = client.post(bulk_delete_url(tree.empty_section, tree.document), follow=True)
    assert exists(tree.document) and exists(tree.empty_section)  # nothing of the selection
    assert "Intet blev slettet" in messages_of(response)

    client.post(bulk_delete_url(tree.site.section))
    assert exists(tree.site.section) and exists(tree.document)


def test_a_superuser_deletes_a_document_and_it_is_logged(tree, client, caplog):
    client.force_login(tree.superuser)
    number, pk = tree.document.document_number, tree.document.pk

    with caplog.at_level(logging.WARNING, logger="handbook.withdrawal"):
        client.post(delete_url(tree.document))

    assert not exists(tree.document)
    entry = PageLogEntry.objects.get(page_id=pk, action=withdrawal.DELETE_ACTION)
    assert entry.user == tree.superuser
    assert entry.data["number"] == number
    assert entry.deleted
    assert any(number in record.getMessage() and "superbruger" in record.getMessage() for record in caplog.records)


def test_a_superuser_deletes_a_section_with_its_documents_each_logged(tree, client):
    second = make_document(tree.site.section, title="Tilsyn med virksomheder")
    client.force_login(tree.superuser)

    client.post(bulk_delete_url(tree.site.section))

    assert not exists(tree.site.section)
    logged = set(PageLogEntry.objects.filter(action=withdrawal.DELETE_ACTION).values_list("page_id", flat=True))
    assert logged == {tree.document.pk, second.pk}


def test_no_other_path_lets_a_non_superuser_delete_a_document(tree):
    document = ControlledDocumentPage.objects.get(pk=tree.document.pk)
    # As in the admin, where each request is a transaction, the refusal rolls back the whole deletion.
    with LogContext(user=tree.administrator), pytest.raises(PermissionDenied), transaction.atomic():
        document.delete()
    with LogContext(user=tree.administrator), pytest.raises(PermissionDenied), transaction.atomic():
        Page.objects.get(pk=tree.site.handbook.pk).delete()

    assert exists(tree.document)


def test_a_deletion_outside_the_admin_is_logged_too(tree):
    pk = tree.document.pk

    Page.objects.get(pk=pk).delete()

    entry = PageLogEntry.objects.get(page_id=pk, action=withdrawal.DELETE_ACTION)
    assert entry.user is None
