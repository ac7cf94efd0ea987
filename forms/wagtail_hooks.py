"""The administration of deviations and improvement proposals (“Indberetninger”), for the WorkSmarter group.

Only the group (and superusers) has permissions on cases (forms/roles.py), so no one else sees the menu, the
lists, the editor, the history, the exports or the chooser. Links to a case's editor come from
``AdminURLFinder().get_edit_url(case)`` or the URL names ``Deviation.snippet_viewset.get_url_name("edit")``
(``wagtailsnippets_forms_deviation:edit``) and ``wagtailsnippets_forms_improvementproposal:edit``.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from forms import admin_actions, admin_bulk, admin_history, admin_listing, admin_panels, admin_views
from forms.models import Deviation, ImprovementProposal


class CaseViewSet(SnippetViewSet):
    """What the two lists share. ``search_fields`` stays unset: the models' own search index serves the search."""

    index_view_class = admin_views.CaseIndexView
    add_view_class = admin_views.CaseCreateView
    edit_view_class = admin_views.CaseEditView
    workflow_action_view_class = admin_views.CaseWorkflowActionView
    history_view_class = admin_history.CaseHistoryView
    chooser_viewset_class = admin_views.CaseChooserViewSet
    copy_view_enabled = False  # a case is reported, never copied
    inspect_view_enabled = False  # the editor shows the report read-only already
    # Cases are private: kept out of the reference index, so a document's usage never lists its deviations.
    add_to_reference_index = False
    list_per_page = 50
    ordering = "-received_at"

    def get_queryset(self, request):
        # The handler column draws an avatar from the user profile: fetched with the row, not once per row.
        return self.model.objects.select_related("section", "handler__wagtail_userprofile", "reporter", "document")

    @property
    def list_display(self):
        return admin_listing.listing_columns()

    @property
    def filterset_class(self):
        return admin_listing.case_filterset(self.model)

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(add_url_name=None, **kwargs)


class DeviationViewSet(CaseViewSet):
    model = Deviation
    icon = "warning"
    menu_label = _("Deviations")
    list_export = admin_listing.DEVIATION_EXPORT
    export_headings = {**admin_listing.EXPORT_HEADINGS, "action": _("Correction / corrective action")}
    export_filename = "afvigelser"
    edit_handler = admin_panels.deviation_edit_handler()


class ImprovementProposalViewSet(CaseViewSet):
    model = ImprovementProposal
    icon = "comment"
    menu_label = _("Improvement proposals")
    list_export = admin_listing.PROPOSAL_EXPORT
    export_headings = {
        **admin_listing.EXPORT_HEADINGS,
        "action": pgettext_lazy("handling of a proposal", "What we did"),
    }
    export_filename = "forbedringsforslag"
    edit_handler = admin_panels.proposal_edit_handler()


class ReportsViewSetGroup(SnippetViewSetGroup):
    items = (DeviationViewSet, ImprovementProposalViewSet)
    menu_icon = "clipboard-list"
    # Not Wagtail's own “Reports” (Rapporter): with a context of its own it becomes “Indberetninger”.
    menu_label = pgettext_lazy("deviations and proposals", "Reports")
    menu_name = "indberetninger"
    menu_order = 250


register_snippet(ReportsViewSetGroup)

# Wagtail's bulk actions, replaced for cases by guarded ones (forms/admin_bulk.py): registered with a later order
# than Wagtail's own hooks, so that the registry keeps these for the case models.
for case_bulk_action in admin_bulk.case_bulk_actions((Deviation, ImprovementProposal)):
    hooks.register("register_bulk_action", case_bulk_action, order=1)

hooks.register("construct_snippet_action_menu", admin_actions.construct_case_action_menu)


@hooks.register("register_log_actions")
def register_case_log_actions(actions):
    actions.register_action(admin_views.STATUS_CHANGE_ACTION)(admin_views.StatusChangeFormatter)
