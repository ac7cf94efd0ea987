"""The case editor's buttons, named for what they do to what the reporter sees.

Wagtail's snippet editor offers «Gem skitse» (save draft) as its main button and «Offentliggør» (publish) under
«More actions». For a case that is backwards: the reporter follows the published version (state, handler, due
date, cause, action), so saving the step and showing it to the reporter is the main thing the handler does, and
saving a draft that nobody else sees is the exception. Cases are records, not publications, so the words
“publish” and “unpublish” appear nowhere on them: “Unpublish” is not offered at all (a case is never withdrawn;
it is closed or rejected).

Proposals are moderated (“Moderering af forbedringsforslag”): their buttons speak of sending the public text for
approval and of approving it, whatever the task type behind the workflow (``forms/roles.py``) names its actions.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets import action_menu as wagtail_menu

from forms.models import Deviation, ImprovementProposal

CASE_MODELS = (Deviation, ImprovementProposal)

SAVE_AND_SHOW = _("Save and show to the reporter")
SAVE_DRAFT = _("Save draft without showing the reporter")
SEND_FOR_APPROVAL = _("Send the public text for approval")
SEND_FOR_APPROVAL_AGAIN = _("Send the public text for approval again")
APPROVE = _("Approve: show to the reporter and on the board")
APPROVE_WITH_COMMENT = _("Approve with comment: show to the reporter and on the board")
REQUEST_CHANGES = _("Request changes to the public text")
RESTART_APPROVAL = _("Start the approval again")
CANCEL_APPROVAL = _("Withdraw from approval")


class SaveAndShowMenuItem(wagtail_menu.PublishMenuItem):
    """Wagtail's publish button (``action-publish``), in the case's own words."""

    label = SAVE_AND_SHOW
    icon_name = "view"
    template_name = "forms/admin/action_menu/save_and_show.html"


class SaveDraftMenuItem(wagtail_menu.SaveMenuItem):
    """Wagtail's save button: a new draft revision that the reporter does not see."""

    label = SAVE_DRAFT
    template_name = "forms/admin/action_menu/save_draft.html"


class SendForApprovalMenuItem(wagtail_menu.SubmitForModerationMenuItem):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        state = getattr(parent_context.get("instance"), "current_workflow_state", None)
        needs_changes = state is not None and state.status == state.STATUS_NEEDS_CHANGES
        context["label"] = SEND_FOR_APPROVAL_AGAIN if needs_changes else SEND_FOR_APPROVAL
        return context


# Wagtail's items replaced on a case, by class; the replacement keeps the place (order) of the one it replaces.
REPLACEMENTS = {
    wagtail_menu.PublishMenuItem: SaveAndShowMenuItem,
    wagtail_menu.SaveMenuItem: SaveDraftMenuItem,
    wagtail_menu.SubmitForModerationMenuItem: SendForApprovalMenuItem,
}
# The order of the main button and the draft button: Wagtail shows the first item as the main button.
FIRST, SECOND = -20, -10
WORKFLOW_LABELS = {
    ("approve", False): APPROVE,
    ("approve", True): APPROVE_WITH_COMMENT,
    ("reject", True): REQUEST_CHANGES,
    ("reject", False): REQUEST_CHANGES,
}
RELABELLED = {
    wagtail_menu.RestartWorkflowMenuItem: RESTART_APPROVAL,
    wagtail_menu.CancelWorkflowMenuItem: CANCEL_APPROVAL,
}


def construct_case_action_menu(menu_items, request, context):
    """Rewrites the editor's menu in place for a case (other snippets keep Wagtail's)."""
    if context.get("model") not in CASE_MODELS:
        return
    rebuilt = []
    for item in menu_items:
        if isinstance(item, wagtail_menu.UnpublishMenuItem):
            continue
        replacement = REPLACEMENTS.get(type(item))
        if replacement is not None:
            item = replacement(order=item.order)
        if isinstance(item, SaveAndShowMenuItem):
            item.order = FIRST
        elif isinstance(item, SaveDraftMenuItem):
            item.order = SECOND
        elif isinstance(item, wagtail_menu.WorkflowMenuItem):
            label = WORKFLOW_LABELS.get((item.name, bool(item.launch_modal)))
            if label is not None:
                item.label = label
        elif type(item) in RELABELLED:
            item = relabelled(item, RELABELLED[type(item)])
        rebuilt.append(item)
    rebuilt.sort(key=lambda item: item.order)
    menu_items[:] = rebuilt


def relabelled(item, label):
    """A copy of ``item`` with another label (Wagtail's items are shared between requests: never change one)."""
    copy = type(item)(order=item.order)
    copy.label = label
    return copy
