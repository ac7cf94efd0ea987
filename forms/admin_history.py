"""A case's history in the admin, in the case's own words: a case is shown to its reporter, not published."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic.history import ActionColumn, HistoryFilterSet
from wagtail.snippets.views.snippets import HistoryView

# Wagtail's log actions whose labels speak of publishing or of workflows; the others keep Wagtail's label.
LABELS = {
    "wagtail.create": _("Reported"),
    "wagtail.publish": _("Saved and shown to the reporter"),
    "wagtail.unpublish": _("Hidden from the reporter"),
    "wagtail.workflow.start": _("Public text sent for approval"),
    "wagtail.workflow.approve": _("Public text approved"),
    "wagtail.workflow.reject": _("Changes requested to the public text"),
    "wagtail.workflow.cancel": _("Withdrawn from approval"),
    "wagtail.workflow.resume": _("Public text sent for approval again"),
}


class CaseActionColumn(ActionColumn):
    def get_value(self, instance):
        label = LABELS.get(instance.action)
        return label if label is not None else super().get_value(instance)

    def get_status(self, instance, parent_context):
        if instance.action == "wagtail.publish" and instance.revision_id == self.object.live_revision_id:
            return _("Shown to the reporter")
        latest = instance.revision_id == self.object.latest_revision_id != self.object.live_revision_id
        if instance.content_changed and latest:
            return _("Latest draft")
        return None


class CaseHistoryFilterSet(HistoryFilterSet):
    def get_action_choices(self):
        return [(action, LABELS.get(action, label)) for action, label in super().get_action_choices()]


class CaseHistoryView(HistoryView):
    filterset_class = CaseHistoryFilterSet

    @cached_property
    def columns(self):
        columns = list(super().columns)
        action = columns[0]
        columns[0] = CaseActionColumn(
            action.name,
            label=action.label,
            object=action.object,
            url_names=action.url_names,
            user_can_unschedule=action.user_can_unschedule,
        )
        return columns
