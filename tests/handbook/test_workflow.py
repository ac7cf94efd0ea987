"""The approval workflow through Wagtail's admin: editors submit, a reviewer of the section reviews, approvers
approve or ask for changes."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from handbook import roles
from handbook.models import DocumentVersion, ProcedurePage
from tests.factories import UserFactory, make_document

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def handbook_roles(site_tree):
    groups = roles.ensure_roles(site_tree.handbook)
    editor = UserFactory(username="redaktoer", first_name="Rasmus", last_name="Nielsen")
    approver = UserFactory(username="enhedsleder", first_name="Anne", last_name="Holm")
    reviewer = UserFactory(username="fagperson", first_name="Lars", last_name="Berg")
    editor.groups.add(groups[roles.EDITORS], groups[roles.EMPLOYEES])
    approver.groups.add(groups[roles.APPROVERS], groups[roles.EMPLOYEES])
    reviewer.groups.add(groups[roles.REVIEWERS], groups[roles.EMPLOYEES])
    return editor, approver


@pytest.fixture
def reviewer(handbook_roles):
    return User.objects.get(username="fagperson")


@pytest.fixture
def procedure(site_tree, handbook_roles):
    return make_document(site_tree.section, title="Klager over støj", slug="klager")


def edit_form(page, **overrides):
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "body": streamfield([("purpose", rich_text("<p>Ny formulering af formålet.</p>"))]),
        "attachments": streamfield([]),
        "legal_basis": streamfield([]),
        "review_interval_months": "12",
        "effective_date": "",
        "tags": "støj",
        "change_summary": "Formålet er skrevet om.",
        "is_significant_change": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def post_as(client, user, page, **data):
    client.force_login(user)
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), edit_form(page, **data))


def current_task_state(page):
    return WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk)).current_task_state


def workflow_action(client, user, page, action, **data):
    client.force_login(user)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, current_task_state(page).pk])
    return client.post(url, data)


def review(client, page):
    """The first step: the section's reviewer approves, and the change moves on to the unit manager."""
    return workflow_action(client, User.objects.get(username="fagperson"), page, "approve")


def submit_for_approval(client, editor, page, **data):
    """Submitted by ``editor`` and reviewed: the change waits for the unit manager's approval."""
    post_as(client, editor, page, **{"action-submit": "1", **data})
    review(client, page)


def live(page):
    return ProcedurePage.objects.get(pk=page.pk)


def test_the_handbook_uses_the_approval_workflow(procedure):
    workflow = Page.objects.get(pk=procedure.pk).get_workflow()

    assert workflow.name == "Godkendelse af kvalitetsdokument"


def test_editor_submits_and_the_live_version_stays_unchanged(client, procedure, handbook_roles, reviewer):
    editor, approver = handbook_roles

    response = post_as(client, editor, procedure, **{"action-submit": "1", "title": "Klager over støj, ny"})

    assert response.status_code == 302
    assert live(procedure).title == "Klager over støj"
    assert live(procedure).version == "1.0"
    assert current_task_state(procedure).task.name == roles.REVIEW_TASK_NAME
    assert [message.to for message in mail.outbox] == [[reviewer.email]]


def test_the_review_moves_the_change_on_to_the_approver(client, procedure, handbook_roles, reviewer):
    editor, approver = handbook_roles
    post_as(client, editor, procedure, **{"action-submit": "1", "title": "Klager over støj, ny"})
    mail.outbox.clear()

    response = review(client, procedure)

    assert response.status_code == 302
    assert live(procedure).version == "1.0"
    assert current_task_state(procedure).task.name == roles.APPROVAL_TASK_NAME
    assert [message.to for message in mail.outbox] == [[approver.email]]


def test_editor_cannot_publish(client, procedure, handbook_roles):
    editor, _approver = handbook_roles

    post_as(client, editor, procedure, **{"action-publish": "1", "title": "Udgivet af redaktør?"})

    assert live(procedure).title == "Klager over støj"
    assert DocumentVersion.objects.filter(document=procedure).count() == 1


def test_approver_approves_and_the_new_version_goes_live(client, procedure, handbook_roles, reviewer):
    editor, approver = handbook_roles
    submit_for_approval(client, editor, procedure, title="Klager over støj, ny")
    mail.outbox.clear()

    response = workflow_action(client, approver, procedure, "approve")

    assert response.status_code == 302
    page = live(procedure)
    assert page.title == "Klager over støj, ny"
    assert page.version == "1.1"
    version = DocumentVersion.objects.get(document=procedure, major=1, minor=1)
    assert version.change_summary == "Formålet er skrevet om."
    assert version.approved_by == approver
    assert version.reviewed_by == reviewer
    assert list(version.authors.all()) == [editor]
    assert not version.published_directly
    assert editor.email in [address for message in mail.outbox for address in message.to]


def test_a_significant_change_raises_the_major_version(client, procedure, handbook_roles):
    editor, approver = handbook_roles
    submit_for_approval(client, editor, procedure, is_significant_change="on")

    workflow_action(client, approver, procedure, "approve")

    assert live(procedure).version == "2.0"
    assert DocumentVersion.objects.get(document=procedure, major=2, minor=0).is_significant


def test_approver_asks_for_changes_with_a_comment(client, procedure, handbook_roles):
    editor, approver = handbook_roles
    submit_for_approval(client, editor, procedure, title="Klager over støj, ny")
    mail.outbox.clear()

    response = workflow_action(client, approver, procedure, "reject", comment="Henvis til støjvejledningen.")

    assert response.status_code == 302
    assert live(procedure).title == "Klager over støj"
    assert live(procedure).version == "1.0"
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(procedure.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert editor.email in [address for message in mail.outbox for address in message.to]


def test_submitting_without_a_change_summary_is_refused_in_danish(client, procedure, handbook_roles):
    editor, _approver = handbook_roles

    response = post_as(client, editor, procedure, **{"action-submit": "1", "change_summary": ""})

    assert response.status_code == 200
    assert "Beskriv, hvad der er ændret i denne version" in response.content.decode()
    assert not WorkflowState.objects.filter(object_id=str(procedure.pk)).exists()


def test_publishing_without_a_change_summary_is_refused(client, procedure, handbook_roles):
    administrator = UserFactory(username="admin", is_superuser=True)

    response = post_as(client, administrator, procedure, **{"action-publish": "1", "change_summary": "  "})

    assert response.status_code == 200
    assert live(procedure).version == "1.0"


def test_saving_a_draft_needs_no_summary_and_readers_never_see_it(client, procedure, handbook_roles, reader):
    editor, _approver = handbook_roles

    response = post_as(client, editor, procedure, change_summary="", title="Hemmeligt udkast")

    assert response.status_code == 302
    reader_browser = Client()
    reader_browser.force_login(reader)
    assert "Hemmeligt udkast" not in reader_browser.get(procedure.url).content.decode()


def test_a_future_effective_date_schedules_the_publication(client, procedure, handbook_roles):
    editor, approver = handbook_roles
    submit_for_approval(client, editor, procedure, effective_date="2099-01-01")

    workflow_action(client, approver, procedure, "approve")

    page = live(procedure)
    assert page.version == "1.0"
    assert timezone.localtime(page.latest_revision.approved_go_live_at).date().isoformat() == "2099-01-01"
    assert DocumentVersion.objects.filter(document=procedure).count() == 1


def test_a_new_working_copy_starts_with_an_empty_summary(client, procedure, handbook_roles):
    editor, _approver = handbook_roles
    client.force_login(editor)

    body = client.get(reverse("wagtailadmin_pages:edit", args=[procedure.pk])).content.decode()

    assert "Første udgave" not in body


def test_submit_approve_and_publish_are_in_the_audit_log_in_danish(client, procedure, handbook_roles, reviewer):
    from django.utils import translation
    from wagtail.models import PageLogEntry

    editor, approver = handbook_roles
    submit_for_approval(client, editor, procedure)
    workflow_action(client, approver, procedure, "approve")

    entries = PageLogEntry.objects.filter(page=procedure).order_by("timestamp", "pk")
    with translation.override("da"):
        labels = [(entry.action, entry.user, str(entry.formatter.label), str(entry.message)) for entry in entries]
    assert (
        "wagtail.workflow.start",
        editor,
        "Sendt til godkendelse",
        f"Sendt til godkendelse: {roles.REVIEW_TASK_NAME}",
    ) in labels
    assert ("wagtail.workflow.approve", reviewer, "Godkendt", f"Godkendt: {roles.REVIEW_TASK_NAME}") in labels
    assert ("wagtail.workflow.approve", approver, "Godkendt", f"Godkendt: {roles.APPROVAL_TASK_NAME}") in labels
    assert ("wagtail.publish", approver, "Offentliggør", "Offentliggjort") in labels


def test_a_rejection_is_in_the_audit_log_with_its_comment(client, procedure, handbook_roles):
    from wagtail.models import PageLogEntry

    editor, approver = handbook_roles
    submit_for_approval(client, editor, procedure)
    workflow_action(client, approver, procedure, "reject", comment="Mangler henvisning.")

    entry = PageLogEntry.objects.get(page=procedure, action="wagtail.workflow.reject")
    assert entry.user == approver
    assert entry.comment == "Mangler henvisning."


def test_a_reader_reaches_none_of_the_editorial_admin_urls(client, procedure, handbook_roles, reader):
    editor, _approver = handbook_roles
    post_as(client, editor, procedure, **{"action-submit": "1"})
    task_state = current_task_state(procedure)
    urls = [
        reverse("wagtailadmin_pages:edit", args=[procedure.pk]),
        reverse("wagtailadmin_pages:history", args=[procedure.pk]),
        reverse("wagtailadmin_pages:workflow_action", args=[procedure.pk, "approve", task_state.pk]),
        reverse("wagtailadmin_reports:workflow"),
    ]
    reader_browser = Client()
    reader_browser.force_login(reader)

    for url in urls:
        response = reader_browser.post(url) if "workflow/action" in url else reader_browser.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/login/"), url
    assert live(procedure).version == "1.0"
