"""Editors create and edit controlled documents through Wagtail's admin; the number stays the system's."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from handbook.models import ProcedurePage
from tests.factories import UserFactory, make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(username="admin", is_superuser=True, is_staff=True))
    return client


def procedure_form(**overrides):
    data = {
        "title": "Behandling af klager over lugt",
        "slug": "klager-over-lugt",
        "summary": "Sådan behandles en klage over lugt.",
        "body": streamfield([("purpose", rich_text("<p>Ensartet behandling af lugtklager.</p>"))]),
        "attachments": streamfield([]),
        "legal_basis": streamfield([]),
        "review_interval_months": "12",
        "effective_date": "2026-12-01",
        "tags": "lugt, klager",
        "document_number": "HACK-999",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_the_edit_form_opens_with_all_tabs(admin_client, site_tree):
    page = make_document(site_tree.section)

    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    body = response.content.decode()
    assert response.status_code == 200
    assert "PRO-001" in body
    for tab in ["Indhold", "Dokumentstyring", "Henvisninger"]:
        assert tab in body


def test_creating_a_procedure_in_the_admin_assigns_the_next_number(admin_client, site_tree):
    make_document(site_tree.section)
    url = reverse("wagtailadmin_pages:add", args=["handbook", "procedurepage", site_tree.section.pk])

    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, procedure_form())

    assert response.status_code == 302
    created = ProcedurePage.objects.get(slug="klager-over-lugt")
    assert created.document_number == "PRO-002"
    assert created.version == "1.0"
    assert str(created.next_review_date) == "2027-12-01"
    assert not created.live


def test_a_posted_number_is_ignored_on_edit(admin_client, site_tree):
    page = make_document(site_tree.section)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    response = admin_client.post(url, procedure_form(title="Klager over støj, revideret", slug=page.slug))

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.document_number == "PRO-001"
    assert page.get_latest_revision_as_object().title == "Klager over støj, revideret"


def test_an_invalid_review_interval_is_refused_with_a_message(admin_client, site_tree):
    url = reverse("wagtailadmin_pages:add", args=["handbook", "procedurepage", site_tree.section.pk])

    response = admin_client.post(url, procedure_form(review_interval_months="0"))

    assert response.status_code == 200
    assert not ProcedurePage.objects.filter(slug="klager-over-lugt").exists()
    assert "Denne værdi skal være større end eller lig 1." in response.content.decode()


def test_people_are_chosen_by_name_among_active_users(admin_client, site_tree):
    page = make_document(site_tree.section)
    UserFactory(username="tidligere", first_name="Tidligere", last_name="Medarbejder", is_active=False)

    body = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()

    assert "Rasmus Nielsen (redaktoer)" in body
    assert "Tidligere Medarbejder" not in body


def test_a_document_whose_responsible_person_left_can_still_be_saved(admin_client, site_tree):
    page = make_document(site_tree.section)
    page.responsible_person.is_active = False
    page.responsible_person.save()
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    response = admin_client.post(
        url, procedure_form(slug=page.slug, responsible_person=str(page.responsible_person_id))
    )

    assert response.status_code == 302
    assert page.get_latest_revision_as_object().responsible_person_id == page.responsible_person_id
