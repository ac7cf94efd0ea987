"""The approval step of document control: approved by someone in the step's groups who did not write the change.

Used by every workflow of the portal (documents and the moderation of proposals), so that no person can
approve their own change at any step (ISO 9001 7.5.2: documents are reviewed and approved for adequacy).
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Page, Revision
from wagtail.permission_policies.pages import PagePermissionPolicy


def author_ids(obj):
    """The ids of everyone who saved a revision of ``obj`` since its live revision (all of them if never live)."""
    revisions = Revision.objects.for_instance(obj)
    if obj.live_revision_id:
        revisions = revisions.filter(pk__gt=obj.live_revision_id)
    return set(revisions.exclude(user=None).values_list("user_id", flat=True).distinct())


class IndependentApprovalTask(AbstractGroupApprovalTask):
    """A group approval that the authors of the change cannot give, superusers included.

    On a page, the approver must also hold editing rights on it: rights are granted per section, so a section's
    reviewer reviews that section's documents only.
    """

    def may_approve(self, obj, user):
        if not user.is_active or user.pk in author_ids(obj):
            return False
        if user.is_superuser:
            return True
        if not self._user_in_groups(user):
            return False
        if isinstance(obj, Page):
            return PagePermissionPolicy().user_has_permission_for_instance(user, "change", obj)
        return True

    def get_actions(self, obj, user):
        if self.may_approve(obj, user):
            return super().get_actions(obj, user)
        return []

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        # The admin offers only what get_actions allows; this refuses any other path (a crafted POST, a script).
        if action_name in ("approve", "reject") and not self.may_approve(task_state.revision.as_object(), user):
            raise PermissionDenied(_("The author of a change cannot approve it; someone else must."))
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        return states.exclude(workflow_state__in=self._states_written_by(user, states))

    def _states_written_by(self, user, states):
        written = []
        for state in states.select_related("workflow_state"):
            obj = state.workflow_state.content_object
            if obj is not None and user.pk in author_ids(obj):
                written.append(state.workflow_state_id)
        return written

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups approve; the authors of the change cannot.")

    class Meta:
        verbose_name = _("approval by someone other than the author")
        verbose_name_plural = _("approvals by someone other than the author")
