"""Document control in Wagtail's audit log, labelled for Danish editors.

Submitting, approving, asking for changes and publishing are Wagtail's own log actions; Wagtail's Danish
catalogue lacks most of their labels, so they are registered again here, after Wagtail's (a higher hook
order), with our own source strings that locale/da translates. The handbook's own actions (review without
change, read confirmation) are registered by the modules that perform them.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from handbook.versioning import DIRECT_PUBLISH_ACTION


class WorkflowLogFormatter(LogFormatter):
    def format_comment(self, log_entry):
        return log_entry.data.get("comment", "")


def _workflow_data(log_entry, *keys):
    value = log_entry.data.get("workflow") or {}
    for key in keys:
        value = (value or {}).get(key) or {}
    return value.get("title", "") if isinstance(value, dict) else ""


class SubmittedFormatter(WorkflowLogFormatter):
    label = _("Submitted for approval")

    def format_message(self, log_entry):
        task = _workflow_data(log_entry, "next")
        return _("Submitted for approval: %(task)s") % {"task": task} if task else self.label


class ApprovedFormatter(WorkflowLogFormatter):
    label = _("Approved")

    def format_message(self, log_entry):
        task = _workflow_data(log_entry, "task")
        return _("Approved: %(task)s") % {"task": task} if task else self.label


class ChangesRequestedFormatter(WorkflowLogFormatter):
    label = _("Changes requested")

    def format_message(self, log_entry):
        task = _workflow_data(log_entry, "task")
        return _("Changes requested at: %(task)s") % {"task": task} if task else self.label


def replace_action(actions, action, formatter_cls):
    """Registers the formatter for a log action, taking the place of an earlier registration and its choice."""
    actions.choices = [choice for choice in actions.choices if choice[0] != action]
    actions.register_action(action)(formatter_cls)


def simple_formatter(label, message):
    return type("DocumentControlLogFormatter", (LogFormatter,), {"label": label, "message": message})


@hooks.register("register_log_actions", order=100)
def register_document_control_log_actions(actions):
    replace_action(actions, "wagtail.workflow.start", SubmittedFormatter)
    replace_action(actions, "wagtail.workflow.approve", ApprovedFormatter)
    replace_action(actions, "wagtail.workflow.reject", ChangesRequestedFormatter)
    replace_action(actions, "wagtail.publish", simple_formatter(_("Publish"), _("Published")))
    replace_action(
        actions, "wagtail.publish.schedule", simple_formatter(_("Schedule publication"), _("Publication scheduled"))
    )
    replace_action(
        actions, "wagtail.publish.scheduled", simple_formatter(_("Publish at the effective date"), _("Published"))
    )
    replace_action(
        actions,
        DIRECT_PUBLISH_ACTION,
        simple_formatter(
            _("Publish outside the workflow"), _("Published directly by an administrator, without approval")
        ),
    )
