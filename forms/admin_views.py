"""The views behind the quality group's admin of cases, where they differ from Wagtail's snippet views."""

import datetime
import logging
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, transaction
from django.db.models import Q
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.utils import get_latest_str
from wagtail.log_actions import LogFormatter, log
from wagtail.permissions import policy_registry
from wagtail.search.backends import get_search_backend
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import CreateView, EditView, IndexView, WorkflowActionView

from forms import lifecycle
from forms.admin_listing import EXPORT_VALUES

logger = logging.getLogger(__name__)

STATUS_CHANGE_ACTION = "forms.status_change"
# A spreadsheet program runs a cell that starts like a formula; a reporter's text must never do so.
FORMULA_START = re.compile(r"^[=+\-@\t\r]")
# What all staff see of a proposal once it is on the board: changed only through moderation.
BOARD_FIELDS = ("on_board", "public_title", "public_summary", "public_outcome")
AUTHOR_CANNOT_APPROVE = _(
    "Your changes are saved, but a change cannot be approved by someone who wrote it: another member of the "
    "group must approve it."
)
BOARD_NEEDS_MODERATION = _(
    "What the proposals board shows must be approved first: use “Send the public text for approval” instead."
)
# What the editor says after each of its actions (Wagtail's own speak of publishing).
SUCCESS_MESSAGES = {
    "publish": _("%(object)s is saved and shown to the reporter."),
    "edit": _("The draft of %(object)s is saved. The reporter does not see it."),
    "submit": _("The public text of %(object)s has been sent for approval."),
    "restart-workflow": _("The public text of %(object)s has been sent for approval again."),
    "cancel-workflow": _("%(object)s has been withdrawn from approval."),
    "workflow-action": _("%(object)s is saved."),
}


class CaseIndexView(IndexView):
    """The list of cases: searched through the models' own index, exported in Danish formats."""

    def search_queryset(self, queryset):
        """Words of the title and description through the models' search index, and any part of a reference.

        Wagtail's default would use only the index's autocomplete fields; the full-text fields are searched too,
        so a handler finds a case by a word from its description. The index is asked about all cases, and the
        listing's own filters and order are applied to what it finds: an index only filters and sorts on the
        fields it declares as filter fields. A reference is matched in the database itself: PostgreSQL's text
        search splits “AFV-2026-0001” into “afv”, “-2026” and “-0001”, so the index cannot find it whole.
        """
        if not self.is_searching:
            return queryset
        query = self.search_query.strip()
        found = self.found_in_index(queryset.model, query)
        return queryset.filter(Q(pk__in=found) | Q(reference__icontains=query))

    def found_in_index(self, model, query):
        if query.count('"') % 2:
            query = query.replace('"', " ")  # an unmatched quote is a syntax error to SQLite's full-text search
        if not re.search(r"\w", query):
            return set()  # nothing to look up; the index backends fail on a query of only punctuation
        backend = get_search_backend(self.search_backend_name or "default")
        found = set()
        try:
            with transaction.atomic():  # a query the database refuses must not spoil the request's transaction
                for results in (
                    backend.search(query, model.objects.all(), order_by_relevance=False),
                    backend.autocomplete(query, model.objects.all(), order_by_relevance=False),
                ):
                    found.update(case.pk for case in results)
        except DatabaseError:
            logger.warning("The search index refused the query %r", query, exc_info=True)
        return found

    # Export

    def to_row_dict(self, item):
        return {field: EXPORT_VALUES[field](item) for field in self.list_export}

    def preprocess_field_value(self, field, value, export_format):
        if export_format == self.FORMAT_CSV:
            return csv_value(value)
        return super().preprocess_field_value(field, value, export_format)

    def stream_csv(self, queryset):
        yield "\ufeff".encode()  # the byte order mark makes Excel read æ, ø and å as UTF-8
        yield from super().stream_csv(queryset)


def csv_value(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    text = str(value)
    return f"'{text}" if FORMULA_START.match(text) else text


class CaseCreateView(CreateView):
    """Cases arrive through the report forms, which give them their reference; none is made in the admin."""

    def user_has_permission(self, permission):
        return False if permission == "add" else super().user_has_permission(permission)


class StatusChangeLogMixin:
    """Writes a move of the case into its history, whichever admin action published it (editor, moderation)."""

    def stored_status(self):
        return self.object.stored_status()

    def log_if_moved(self, old_status):
        new_status = self.stored_status()
        if new_status != old_status:
            log_status_change(self.object, old_status, new_status, self.request.user)


class CaseEditView(StatusChangeLogMixin, EditView):
    """Wagtail's snippet editor, with the lifecycle's refusals shown on the form and each move in the history.

    ``Case.clean`` refuses a move while the form is validated. Should the model still refuse it when the
    revision is published (someone else moved the case in the meantime), nothing is kept and the form comes
    back with the reason, instead of an error page. What the proposals board shows changes only through
    moderation.
    """

    def post(self, request, *args, **kwargs):
        # The live case as stored, before the form changes it (Wagtail edits the live object itself when it has
        # no unpublished changes).
        self.stored_case = type(self.object).objects.get(pk=self.object.pk)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except ValidationError as error:
            add_refusal(form, error)
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)

    def get_success_message(self, instance=None):
        message = SUCCESS_MESSAGES.get(self.action)
        if message is None:
            return super().get_success_message(instance)
        return message % {"object": get_latest_str(instance or self.object)}

    def publish_action(self):
        if self.workflow_enabled and changes_the_board(self.stored_case, self.object):
            raise ValidationError({"on_board": BOARD_NEEDS_MODERATION})
        response = super().publish_action()
        self.log_if_moved(self.stored_case.status)
        return response

    def workflow_action_action(self):  # approving while editing publishes too
        try:
            with transaction.atomic():
                response = super().workflow_action_action()
        except PermissionDenied:
            # The edit made the moderator an author of the change (handbook/models/workflow.py): keep it, refuse
            # the approval, and say why.
            messages.error(self.request, AUTHOR_CANNOT_APPROVE)
            return redirect(self.get_edit_url())
        self.log_if_moved(self.stored_case.status)
        return response


class CaseWorkflowActionView(StatusChangeLogMixin, WorkflowActionView):
    """A moderator's approval from the dashboard or the list publishes the case: its move goes in the history."""

    def post(self, request, *args, **kwargs):
        old_status = self.stored_status()
        response = super().post(request, *args, **kwargs)
        self.log_if_moved(old_status)
        return response


def changes_the_board(live, edited):
    """Whether publishing ``edited`` would put new text on the proposals board (taking it off needs no one)."""
    if not getattr(edited, "on_board", False):
        return False
    return any(getattr(live, field) != getattr(edited, field) for field in BOARD_FIELDS)


def add_refusal(form, error):
    """Puts the model's reasons next to the fields they concern (or above the form for any other field)."""
    for field, reasons in error.message_dict.items():
        form.add_error(field if field in form.fields else None, reasons)


def log_status_change(case, old_status, new_status, user):
    """The history line “Status changed from … to …” (also written by the demo loader)."""
    log(instance=case, action=STATUS_CHANGE_ACTION, user=user, data={"old": old_status, "new": new_status})


class StatusChangeFormatter(LogFormatter):
    label = _("Change status")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Status changed from “%(old)s” to “%(new)s”") % {
            "old": _status_label(data.get("old")),
            "new": _status_label(data.get("new")),
        }


def _status_label(value):
    try:
        return lifecycle.Status(value).label
    except ValueError:
        return value or "–"


# The snippet chooser: Wagtail lets anyone with admin access open a snippet chooser. Cases are private, so
# their choosers answer only those who may see cases in the admin.


class CaseChooserPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        policy = policy_registry.get_by_type(self.model_class)
        if not policy.user_has_any_permission(request.user, {"change", "view"}):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class CaseChooseView(CaseChooserPermissionMixin, chooser.ChooseView):
    pass


class CaseChooseResultsView(CaseChooserPermissionMixin, chooser.ChooseResultsView):
    pass


class CaseChosenView(CaseChooserPermissionMixin, chooser.SnippetChosenView):
    pass


class CaseChosenMultipleView(CaseChooserPermissionMixin, chooser.SnippetChosenMultipleView):
    pass


class CaseChooserCreateView(CaseChooserPermissionMixin, chooser.SnippetCreateView):
    pass


class CaseChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = CaseChooseView
    choose_results_view_class = CaseChooseResultsView
    chosen_view_class = CaseChosenView
    chosen_multiple_view_class = CaseChosenMultipleView
    create_view_class = CaseChooserCreateView
