"""No path to live skips document control, and no change goes live on its author's approval alone.

Each way Wagtail makes a revision live is taken as the admin takes it (the editor, the workflow, the scheduler,
bulk publish, revert, copy, the admin API); each must leave a new version with its authors and approver.
"""

import datetime
import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page, PageLogEntry, WorkflowState

from handbook import roles
from handbook.models import ControlledDocumentPage, DocumentVersion, ProcedurePage, SectionPage
from handbook.versioning import DIRECT_PUBLISH_ACTION
from tests.factories import UserFactory, make_document
from tests.handbook import test_workflow
from tests.handbook.test_workflow import (
    current_task_state,
    edit_form,
    post_as,
    review,
    submit_for_approval,
    workflow_action,
)

pytestmark = pytest.mark.django_db

# The editor, the section's reviewer and the unit manager, as in the workflow's tests.
handbook_roles = test_workflow.handbook_roles
reviewer = test_workflow.reviewer


@pytest.fixture
def procedure(site_tree, handbook_roles):
    return make_document(site_tree.section, title="Klager over støj", slug="klager")


@pytest.fixture
def administrator(handbook_roles):
    """A member of Administratorer, the one group that may publish outside the workflow (not a superuser)."""
    user = UserFactory(username="admin", first_name="Ida", last_name="Administrator")
    user.groups.add(Group.objects.get(name=roles.ADMINISTRATORS))
    return user


def live(page):
    return ProcedurePage.objects.get(pk=page.pk)


def let_the_day_come(page):
    """Moves the approved go-live of ``page`` into the past, as if its day had come."""
    past = timezone.now() - datetime.timedelta(minutes=1)
    for revision in page.revisions.exclude(approved_go_live_at=None):
        revision.approved_go_live_at = past
        revision.content["go_live_at"] = past.isoformat()
        revision.save(update_fields=["approved_go_live_at", "content"])


def latest_version(page):
    return DocumentVersion.objects.filter(document_id=page.pk).order_by("-major", "-minor").first()


def assert_versioned(page, label, approved_by, directly):
    """The live page and the register agree on the new version, dated today, approved by ``approved_by``."""
    page = live(page)
    version = latest_version(page)
    today = timezone.localdate()
    assert page.version == label == version.label
    assert page.effective_date == today == version.effective_date
    assert page.next_review_date > today
    assert version.approved_by == approved_by
    assert version.published_directly is directly
    content = page.live_revision.content
    assert (content["version_major"], content["version_minor"]) == (page.version_major, page.version_minor)
    assert content["effective_date"] == today.isoformat()
    return version


# 1. Every path to live --------------------------------------------------------------------------------


def test_publish_in_the_editor_by_an_administrator_is_versioned_and_recorded_as_direct(
    client, procedure, administrator
):
    response = post_as(client, administrator, procedure, **{"action-publish": "1", "title": "Klager, rettet"})

    assert response.status_code == 302
    version = assert_versioned(procedure, "1.1", administrator, directly=True)
    assert list(version.authors.all()) == [administrator]
    assert version.change_summary == "Formålet er skrevet om."
    assert PageLogEntry.objects.filter(page=procedure, action=DIRECT_PUBLISH_ACTION, user=administrator).exists()


def test_the_last_approval_of_the_workflow_is_versioned_with_author_reviewer_and_approver(
    client,
    procedure,
    handbook_roles,
    reviewer,
):
    editor, approver = handbook_roles
    submit_for_approval(client, editor, procedure)

    workflow_action(client, approver, procedure, "approve")

    version = assert_versioned(procedure, "1.1", approver, directly=False)
    assert version.reviewed_by == reviewer
    assert list(version.authors.all()) == [editor]


def test_a_scheduled_go_live_is_versioned_when_it_goes_live(client, procedure, handbook_roles, reviewer):
    editor, approver = handbook_roles
    submit_for_approval(client, editor, procedure, effective_date="2099-01-01")
    workflow_action(client, approver, procedure, "approve")
    assert live(procedure).version == "1.0"  # approved, waiting for its day
    let_the_day_come(procedure)

    call_command("publish_scheduled")

    page = live(procedure)
    version = latest_version(page)
    assert page.version == version.label == "1.1"
    assert version.approved_by == approver
    assert version.reviewed_by == reviewer
    assert not version.published_directly


def test_a_go_live_scheduled_by_an_administrator_names_the_administrator(client, procedure, administrator):
    post_as(client, administrator, procedure, **{"action-publish": "1", "effective_date": "2099-01-01"})
    assert live(procedure).version == "1.0"
    let_the_day_come(procedure)

    call_command("publish_scheduled")

    version = latest_version(procedure)
    assert version.label == "1.1"
    assert version.approved_by == administrator
    assert version.published_directly


def test_bulk_publish_in_the_page_listing_is_versioned(client, procedure, administrator, handbook_roles):
    editor, _approver = handbook_roles
    post_as(client, editor, procedure, title="Klager, udkast")  # a draft waiting
    client.force_login(administrator)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={procedure.pk}"

    response = client.post(url, {"include_descendants": ""})

    assert response.status_code == 302
    assert live(procedure).title == "Klager, udkast"
    version = assert_versioned(procedure, "1.1", administrator, directly=True)
    assert list(version.authors.all()) == [editor]


def test_bulk_publish_without_changes_adds_no_version(client, procedure, administrator):
    client.force_login(administrator)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={procedure.pk}"

    client.post(url, {"include_descendants": ""})

    assert DocumentVersion.objects.filter(document_id=procedure.pk).count() == 1


def test_reverting_to_an_earlier_revision_and_publishing_it_is_versioned(client, procedure, administrator):
    first = procedure.live_revision
    post_as(client, administrator, procedure, **{"action-publish": "1", "title": "Klager, ny titel"})
    client.force_login(administrator)
    url = reverse("wagtailadmin_pages:revisions_revert", args=[procedure.pk, first.pk])
    data = edit_form(live(procedure), title="Klager over støj", change_summary="Tilbage til 1.0.")

    response = client.post(url, {**data, "action-publish": "1"})

    assert response.status_code == 302
    page = live(procedure)
    assert page.title == "Klager over støj"
    version = assert_versioned(procedure, "1.2", administrator, directly=True)
    assert version.change_summary == "Tilbage til 1.0."


def test_copying_a_document_with_publish_gives_the_copy_its_own_number_and_first_version(
    client, procedure, administrator, site_tree
):
    client.force_login(administrator)

    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[procedure.pk]),
        {
            "new_title": "Klager over lugt",
            "new_slug": "klager-lugt",
            "new_parent_page": site_tree.section.pk,
            "publish_copies": "on",
        },
    )

    assert response.status_code == 302
    copy = ProcedurePage.objects.get(slug="klager-lugt")
    assert copy.live
    assert copy.document_number != procedure.document_number
    version = assert_versioned(copy, "1.0", administrator, directly=True)
    assert version.document_id == copy.pk


def test_publishing_through_the_admin_api_is_versioned(client, procedure, administrator, handbook_roles):
    editor, _approver = handbook_roles
    post_as(client, editor, procedure, title="Klager, via API")
    client.force_login(administrator)

    response = client.post(f"/admin/api/main/pages/{procedure.pk}/action/publish/", content_type="application/json")

    assert response.status_code == 200, response.content
    assert_versioned(procedure, "1.1", administrator, directly=True)


# 2. Separation of duties -------------------------------------------------------------------------------


def test_an_approver_cannot_publish_in_the_editor(client, procedure, handbook_roles):
    _editor, approver = handbook_roles

    post_as(client, approver, procedure, **{"action-publish": "1", "title": "Udgivet af godkender?"})

    assert live(procedure).title == "Klager over støj"
    assert DocumentVersion.objects.filter(document_id=procedure.pk).count() == 1


def test_an_approver_cannot_bulk_publish_or_publish_through_the_api(client, procedure, handbook_roles):
    editor, approver = handbook_roles
    post_as(client, editor, procedure, title="Udkast")
    client.force_login(approver)

    client.post(
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={procedure.pk}",
        {"include_descendants": ""},
    )
    api = client.post(f"/admin/api/main/pages/{procedure.pk}/action/publish/", content_type="application/json")

    assert api.status_code == 403
    assert live(procedure).title == "Klager over støj"
    assert DocumentVersion.objects.filter(document_id=procedure.pk).count() == 1


def test_the_author_cannot_approve_the_review_step(client, procedure, handbook_roles, reviewer):
    # The reviewer writes the change and submits it: the review needs another reviewer of the section.
    post_as(client, reviewer, procedure, **{"action-submit": "1", "title": "Skrevet af fagpersonen"})
    client.force_login(reviewer)
    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[procedure.pk])).content.decode()

    workflow_action(client, reviewer, procedure, "approve")

    assert "data-workflow-action-url" not in edit_page or "/approve/" not in edit_page
    assert current_task_state(procedure).task.name == roles.REVIEW_TASK_NAME
    colleague = UserFactory(username="fagperson2")
    colleague.groups.add(*reviewer.groups.all())
    workflow_action(client, colleague, procedure, "approve")
    assert current_task_state(procedure).task.name == roles.APPROVAL_TASK_NAME


def test_the_author_cannot_approve_the_last_step(client, procedure, handbook_roles, reviewer):
    _editor, approver = handbook_roles
    # The unit manager edits the document and submits it: someone else must approve it.
    post_as(client, approver, procedure, **{"action-submit": "1", "title": "Skrevet af enhedslederen"})
    review(client, procedure)

    workflow_action(client, approver, procedure, "approve")

    assert live(procedure).version == "1.0"
    assert current_task_state(procedure).task.name == roles.APPROVAL_TASK_NAME
    other = UserFactory(username="enhedsleder2")
    other.groups.add(*approver.groups.all())
    workflow_action(client, other, procedure, "approve")
    version = latest_version(procedure)
    assert version.label == "1.1"
    assert version.approved_by == other
    assert list(version.authors.all()) == [approver]


def test_a_reviewer_who_edits_during_the_review_becomes_an_author_and_cannot_approve(
    client, procedure, handbook_roles, reviewer
):
    editor, _approver = handbook_roles
    post_as(client, editor, procedure, **{"action-submit": "1"})

    # “Approve with changes” in the editor: the reviewer's edit is kept as a draft, the approval not given.
    response = post_as(
        client,
        reviewer,
        procedure,
        **{"action-workflow-action": "1", "workflow-action-name": "approve", "title": "Rettet af fagpersonen"},
    )

    assert response.status_code == 302
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("kan ikke godkendes af den, der har skrevet den" in message for message in messages), messages
    assert current_task_state(procedure).task.name == roles.REVIEW_TASK_NAME
    assert live(procedure).get_latest_revision_as_object().title == "Rettet af fagpersonen"
    assert live(procedure).version == "1.0"
    # Another reviewer of the section approves the edited text.
    colleague = UserFactory(username="fagperson2")
    colleague.groups.add(*reviewer.groups.all())
    workflow_action(client, colleague, procedure, "approve")
    assert current_task_state(procedure).task.name == roles.APPROVAL_TASK_NAME


def test_a_rejection_goes_back_to_the_author_with_its_comment(client, procedure, handbook_roles, reviewer):
    editor, _approver = handbook_roles
    post_as(client, editor, procedure, **{"action-submit": "1"})

    workflow_action(client, reviewer, procedure, "reject", comment="Henvis til vejledningen.")

    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(procedure.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.requested_by == editor
    assert live(procedure).version == "1.0"


def test_the_review_task_offers_approval_only_to_reviewers_with_rights_on_the_section(
    client,
    site_tree,
    procedure,
    handbook_roles,
    reviewer,
):
    editor, _approver = handbook_roles
    post_as(client, editor, procedure, **{"action-submit": "1"})
    task = current_task_state(procedure).task.specific
    # Another section's reviewers: in the review step's groups, with rights on their own section only.
    other_section = site_tree.handbook.add_child(instance=SectionPage(title="Natur", slug="natur"))
    nature_reviewers = Group.objects.create(name="Faglige reviewere, Natur")
    GroupPagePermission.objects.create(
        group=nature_reviewers, page=other_section, permission=Permission.objects.get(codename="change_page")
    )
    task.groups.add(nature_reviewers)
    outsider = UserFactory(username="fagperson-natur")
    outsider.groups.add(nature_reviewers)

    assert task.get_actions(procedure, reviewer)
    assert not task.get_actions(procedure, editor)
    assert not task.get_actions(procedure, outsider)


# 4. Clean roles -----------------------------------------------------------------------------------------


def test_no_default_group_or_workflow_of_wagtail_is_left(site_tree):
    from wagtail.models import Task, Workflow, WorkflowPage

    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()
    assert not WorkflowPage.objects.filter(page=Page.get_first_root_node()).exists()


def test_setup_roles_leaves_publishing_to_administrators_alone(site_tree):
    stray = Group.objects.create(name="Gammel gruppe")
    GroupPagePermission.objects.create(
        group=stray, page=site_tree.home, permission=Permission.objects.get(codename="publish_page")
    )

    roles.ensure_roles(site_tree.handbook)

    publishers = set(
        GroupPagePermission.objects.filter(permission__codename="publish_page").values_list("group__name", flat=True)
    )
    assert publishers == {roles.ADMINISTRATORS}


def test_setup_roles_moves_a_one_step_workflow_to_the_two_independent_steps(site_tree):
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

    workflow = Workflow.objects.create(name=roles.WORKFLOW_NAME)
    old = GroupApprovalTask.objects.create(name=roles.APPROVAL_TASK_NAME)
    WorkflowTask.objects.create(workflow=workflow, task=old, sort_order=0)

    roles.ensure_roles(site_tree.handbook)
    roles.ensure_roles(site_tree.handbook)

    tasks = [task.specific for task in Workflow.objects.get(name=roles.WORKFLOW_NAME).tasks]
    assert [task.name for task in tasks] == [roles.REVIEW_TASK_NAME, roles.APPROVAL_TASK_NAME]
    assert {type(task).__name__ for task in tasks} == {"IndependentApprovalTask"}
    old.refresh_from_db()
    assert not old.active


def test_the_version_register_is_only_written_at_go_live(client, procedure, handbook_roles):
    editor, _approver = handbook_roles

    post_as(client, editor, procedure, title="Et udkast")
    post_as(client, editor, procedure, **{"action-submit": "1"})

    assert DocumentVersion.objects.filter(document_id=procedure.pk).count() == 1
    assert json.loads(json.dumps(live(procedure).latest_revision.content))["version_major"] == 1
    assert ControlledDocumentPage.objects.get(pk=procedure.pk).version == "1.0"
