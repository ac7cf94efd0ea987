"""A proposal reaches the staff's board only through moderation: “Moderering af forbedringsforslag”."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.models import (
    ModelLogEntry,
    Workflow,
    WorkflowContentType,
    WorkflowState,
    WorkflowTask,
)

from forms.admin_views import BOARD_NEEDS_MODERATION, STATUS_CHANGE_ACTION
from forms.models import Deviation, ImprovementProposal
from forms.roles import MODERATION_TASK_NAME, MODERATION_WORKFLOW_NAME, ensure_reporting_roles
from handbook import roles
from handbook.models import IndependentApprovalTask
from tests.forms.admin_fixtures import edit_url, handling_form, in_days, member, second_quality_member, url
from tests.forms.factories import make_case, make_proposal

pytestmark = pytest.mark.django_db

PUBLIC_TEXT = {
    "on_board": True,
    "public_title": "Fælles postkasse til klager",
    "public_summary": "Alle klager samles i én postkasse, så ingen bliver glemt.",
}


def on_the_board():
    return ImprovementProposal.objects.filter(live=True, on_board=True)


@pytest.fixture
def proposal(quality_member, colleague):
    return make_proposal(
        title="Klager forsvinder i de personlige indbakker",
        description="Karl Berg foreslår en fælles postkasse.",
        reporter=colleague,
        anonymous=False,
    )


@pytest.fixture
def submitted(client, quality_member, proposal):
    """The proposal with its public text, sent to moderation by a member of the group."""
    client.force_login(quality_member)
    response = client.post(edit_url(proposal), handling_form(proposal, button="action-submit", **PUBLIC_TEXT))
    assert response.status_code == 302
    return ImprovementProposal.objects.get(pk=proposal.pk)


def approve(client, proposal, user, action="approve"):
    client.force_login(user)
    task_state = proposal.current_workflow_task_state
    return client.post(url(ImprovementProposal, "workflow_action", proposal.pk, action, task_state.pk), {"comment": ""})


def test_proposals_are_moderated_and_deviations_are_not(quality_member):
    assert ImprovementProposal().get_workflow().name == MODERATION_WORKFLOW_NAME
    assert Deviation().get_workflow() is None


def test_a_submitted_proposal_waits_off_the_board(submitted, quality_member):
    assert not on_the_board().exists()
    assert submitted.workflow_in_progress
    assert submitted.current_workflow_state.requested_by == quality_member
    draft = submitted.get_latest_revision_as_object()
    assert draft.on_board
    assert draft.public_title == PUBLIC_TEXT["public_title"]


def test_another_member_approves_and_the_proposal_is_on_the_board(client, submitted):
    response = approve(client, submitted, second_quality_member())

    assert response.status_code == 302
    shown = on_the_board().get()
    assert shown.pk == submitted.pk
    assert shown.public_title == PUBLIC_TEXT["public_title"]
    assert shown.public_summary == PUBLIC_TEXT["public_summary"]
    assert WorkflowState.objects.get(object_id=str(submitted.pk)).status == WorkflowState.STATUS_APPROVED


def test_a_move_approved_in_moderation_is_in_the_history(client, quality_member, proposal):
    client.force_login(quality_member)
    data = handling_form(
        proposal,
        button="action-submit",
        status="in_progress",
        handler=quality_member.pk,
        due_date=in_days(30).isoformat(),
        **PUBLIC_TEXT,
    )
    assert client.post(edit_url(proposal), data).status_code == 302
    assert ImprovementProposal.objects.get(pk=proposal.pk).status == "received"  # not before approval
    moderator = second_quality_member()

    approve(client, ImprovementProposal.objects.get(pk=proposal.pk), moderator)

    assert ImprovementProposal.objects.get(pk=proposal.pk).status == "in_progress"
    entry = ModelLogEntry.objects.get(action=STATUS_CHANGE_ACTION, object_id=str(proposal.pk))
    assert entry.user == moderator
    assert entry.data == {"old": "received", "new": "in_progress"}


def test_a_moderator_who_edits_the_public_text_cannot_approve_it_too(client, submitted):
    moderator = second_quality_member()
    client.force_login(moderator)
    without_name = {**PUBLIC_TEXT, "public_summary": "Alle klager samles i én postkasse."}
    data = handling_form(
        submitted.get_latest_revision_as_object(),
        button="action-workflow-action",
        **without_name,
        **{"workflow-action-name": "approve"},
    )

    response = client.post(edit_url(submitted), data)

    assert response.status_code in (302, 403)  # refused: Wagtail's admin sends a refusal home with its message
    assert not on_the_board().exists()
    # The edit is kept, and someone who wrote none of it approves it.
    edited = ImprovementProposal.objects.get(pk=submitted.pk)
    assert edited.get_latest_revision_as_object().public_summary == "Alle klager samles i én postkasse."
    third = member("kvalitet3", roles.EMPLOYEES, roles.QUALITY_GROUP)
    assert approve(client, edited, third).status_code == 302
    assert on_the_board().get().public_summary == "Alle klager samles i én postkasse."


def test_the_author_of_the_public_text_cannot_approve_it(client, submitted, quality_member):
    client.force_login(quality_member)
    edit_page = client.get(edit_url(submitted)).content.decode()

    response = approve(client, submitted, quality_member)

    assert 'value="approve"' not in edit_page
    assert response.status_code in (302, 403)
    assert not on_the_board().exists()
    assert submitted.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_changes_requested_keep_it_off_the_board(client, submitted):
    response = approve(client, submitted, second_quality_member(), action="reject")

    assert response.status_code == 302
    assert not on_the_board().exists()
    assert WorkflowState.objects.get(object_id=str(submitted.pk)).status == WorkflowState.STATUS_NEEDS_CHANGES


def test_publishing_past_the_moderation_is_refused(client, quality_member, proposal):
    client.force_login(quality_member)
    revisions = proposal.revisions.count()

    response = client.post(edit_url(proposal), handling_form(proposal, **PUBLIC_TEXT))

    assert response.status_code == 200
    with translation.override("da"):
        assert str(BOARD_NEEDS_MODERATION) in response.content.decode()
    assert not on_the_board().exists()
    assert proposal.revisions.count() == revisions  # not even the draft is kept


def test_taking_a_proposal_off_the_board_needs_no_moderation(client, submitted):
    approve(client, submitted, second_quality_member())
    shown = on_the_board().get()

    response = client.post(edit_url(shown), handling_form(shown, on_board=False))

    assert response.status_code == 302
    assert not on_the_board().exists()


@pytest.mark.parametrize("button", ["action-submit", "action-publish", None])
@pytest.mark.parametrize("missing", ["public_title", "public_summary"])
def test_a_proposal_on_the_board_needs_a_public_title_and_summary(client, quality_member, proposal, button, missing):
    client.force_login(quality_member)
    with translation.override("da"):
        expected = translation.gettext("A proposal on the board needs a public title and a public summary.")
    revisions = proposal.revisions.count()

    response = client.post(edit_url(proposal), handling_form(proposal, button=button, **{**PUBLIC_TEXT, missing: ""}))

    assert response.status_code == 200
    assert expected in response.content.decode()
    stored = ImprovementProposal.objects.get(pk=proposal.pk)
    assert not stored.workflow_in_progress
    assert stored.revisions.count() == revisions


def test_a_status_change_needs_no_moderation(client, quality_member, proposal):
    client.force_login(quality_member)
    data = handling_form(proposal, status="rejected", rejection_reason="Findes allerede i den nye klageprocedure.")

    response = client.post(edit_url(proposal), data)

    assert response.status_code == 302
    assert ImprovementProposal.objects.get(pk=proposal.pk).status == "rejected"


def test_the_moderation_workflow_is_set_up_once(db):
    ensure_reporting_roles()
    models = (Workflow, IndependentApprovalTask, WorkflowTask, WorkflowContentType)
    counts = [model.objects.count() for model in models]

    ensure_reporting_roles()

    assert [model.objects.count() for model in models] == counts
    task = IndependentApprovalTask.objects.get(name=MODERATION_TASK_NAME)
    assert [group.name for group in task.groups.all()] == [roles.QUALITY_GROUP]


def test_setup_roles_sets_up_the_handbook_and_the_reports(site_tree):
    output = StringIO()

    call_command("setup_roles", stdout=output)

    assert MODERATION_WORKFLOW_NAME in output.getvalue()
    assert roles.WORKFLOW_NAME in output.getvalue()
    assert ImprovementProposal().get_workflow().name == MODERATION_WORKFLOW_NAME
    assert make_case().get_workflow() is None


def test_the_report_pages_are_under_their_own_workflow_that_no_author_can_approve(site_tree, reporting, client):
    from wagtail.models import Page

    from forms.roles import PAGES_WORKFLOW_NAME

    call_command("setup_roles", stdout=StringIO())
    call_command("setup_roles", stdout=StringIO())

    pages = Page.objects.descendant_of(Page.objects.get(slug="indberetninger"), inclusive=True)
    assert {page.get_workflow().name for page in pages} == {PAGES_WORKFLOW_NAME}
    [task] = Workflow.objects.get(name=PAGES_WORKFLOW_NAME).tasks
    assert isinstance(task.specific, IndependentApprovalTask)
    assert [group.name for group in task.specific.groups.all()] == [roles.QUALITY_GROUP]
    assert Workflow.objects.filter(name=PAGES_WORKFLOW_NAME).count() == 1
