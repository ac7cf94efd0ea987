"""“Approve with changes” in the page editor, under the rule that no author approves a change.

Wagtail lets a reviewer edit a page and approve it in one go. The edit makes the reviewer one of its authors, so the
approval step refuses it (handbook/models/workflow.py), and Wagtail would answer with its general “no access”. Here
such a post becomes what it can be: the edit is saved as a draft, and the reviewer is told that someone else must
approve it.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages

from handbook.models import IndependentApprovalTask

EDITED_NOT_APPROVED = _(
    "Your changes are saved, but a change cannot be approved by someone who wrote it: another approver must approve it."
)


def approves_with_changes(request, page):
    """Whether ``request`` posts an approval of ``page`` together with changes to it."""
    if request.method != "POST" or not request.POST.get("action-workflow-action"):
        return False
    if request.POST.get("workflow-action-name") != "approve":
        return False
    task = page.current_workflow_task
    if not isinstance(task, IndependentApprovalTask):
        return False
    latest = page.get_latest_revision_as_object()
    form_class = latest.get_edit_handler().get_form_class()
    form = form_class(
        request.POST, request.FILES, instance=latest, parent_page=page.get_parent(), for_user=request.user
    )
    return form.has_changed()


@hooks.register("before_edit_page")
def save_an_edited_approval_as_a_draft(request, page):
    if approves_with_changes(request, page.specific):
        request.POST = request.POST.copy()
        del request.POST["action-workflow-action"]
        messages.error(request, EDITED_NOT_APPROVED)
