"""How a workflow ends: the last approval publishes. Named by ``WAGTAIL_FINISH_WORKFLOW_ACTION``.

Wagtail imports this while it defines its own models, so it imports no models itself.
"""


def publish_approved(workflow_state, user=None):
    """The end of every workflow (``WAGTAIL_FINISH_WORKFLOW_ACTION``): the last approval publishes the change.

    The approval itself is the authority, so the approver needs no publish permission of their own: only
    administrators hold that, to publish outside the workflow. Should the latest revision be newer than the one
    the last step started on, the approvals are carried over to it, so that its version names who approved it.
    """
    obj = workflow_state.content_object
    revision = obj.get_latest_revision()
    current = workflow_state.current_task_state
    if current is not None and current.revision_id != revision.pk:
        workflow_state.copy_approved_task_states_to_revision(revision)
    revision.publish(user=user, skip_permission_checks=True)
