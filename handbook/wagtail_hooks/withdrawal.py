"""Withdrawn documents and deletion in the admin: the "Withdraw document" action on a document's header and
listing buttons, the audit log's labels for withdrawal and deletion, and the guards that keep a withdrawn document
from being edited or published again and a controlled document from being deleted by anyone but a superuser.

Deletion is guarded on each of the admin's paths (the page's delete view, covering a section with documents
below it, and the bulk delete) so that the editor gets a message in Danish; ``pre_delete`` in handbook.withdrawal
refuses whatever path is left.
"""

from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter
from wagtail.models import Page

from handbook import withdrawal
from handbook.models import ControlledDocumentPage, DocumentWithdrawal
from handbook.views import withdrawal_admin


@hooks.register("register_admin_urls")
def register_withdrawal_urls():
    urls = [path("<int:page_id>/", withdrawal_admin.WithdrawDocumentView.as_view(), name="withdraw")]
    return [path("handbook/withdraw/", include((urls, "handbook_withdrawal"), namespace="handbook_withdrawal"))]


def _is_document(page):
    return page.specific_class is not None and issubclass(page.specific_class, ControlledDocumentPage)


def _withdraw_button(page, user, next_url, priority, listing):
    """The "Withdraw document" action for a document the user may withdraw, else None. In a listing it is offered
    for live documents only, which costs no query; on a document's own header also for one never published."""
    if not _is_document(page):
        return None
    if not page.live and (listing or withdrawal.is_withdrawn(page)):
        return None
    if not withdrawal.can_withdraw(user, page):
        return None
    return Button(
        _("Withdraw document"),
        withdrawal_admin.withdraw_url(page, next_url or ""),
        icon_name="cross",
        priority=priority,
    )


@hooks.register("register_page_header_buttons")
def withdraw_header_button(page, user, view_name, next_url=None):
    button = _withdraw_button(page, user, next_url, priority=67, listing=False)
    return [button] if button else []


@hooks.register("register_page_listing_more_buttons")
def withdraw_listing_button(page, user, next_url=None):
    button = _withdraw_button(page, user, next_url, priority=46, listing=True)
    return [button] if button else []


# The audit log ---------------------------------------------------------------------------------------------


class WithdrawnFormatter(LogFormatter):
    label = _("Withdrawn")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        replacement = data.get("replaced_by") or {}
        if replacement.get("number"):
            return _("Withdrawn; no longer in force. Replaced by %(number)s %(title)s") % {
                "number": replacement["number"],
                "title": replacement.get("title", ""),
            }
        return _("Withdrawn; no longer in force")

    def format_comment(self, log_entry):
        return (log_entry.data or {}).get("reason", "")


class DocumentDeletedFormatter(LogFormatter):
    label = _("Controlled document deleted")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Controlled document %(number)s «%(title)s» deleted") % {
            "number": data.get("number", ""),
            "title": data.get("title", ""),
        }


@hooks.register("register_log_actions")
def register_withdrawal_log_actions(actions):
    actions.register_action(withdrawal.WITHDRAW_ACTION)(WithdrawnFormatter)
    actions.register_action(withdrawal.DELETE_ACTION)(DocumentDeletedFormatter)


# Guards ----------------------------------------------------------------------------------------------------


def _back(request, page):
    """Back where the user came from, else to the listing the page is in."""
    next_url = get_valid_next_url_from_request(request)
    if next_url:
        return redirect(next_url)
    parent = page.get_parent()
    return redirect(reverse("wagtailadmin_explore", args=[parent.pk if parent else page.pk]))


@hooks.register("before_edit_page")
def refuse_editing_withdrawn_document(request, page):
    """A withdrawn document is closed: editing, submitting or publishing it again would bring it back into force
    behind the archive's back. (Reverting to a revision goes through the edit view too.)"""
    if not isinstance(page, ControlledDocumentPage):
        return None
    record = DocumentWithdrawal.objects.filter(document_id=page.pk).first()
    if record is None:
        return None
    messages.error(
        request,
        gettext("%(document)s was withdrawn on %(date)s and can no longer be edited or published.")
        % {
            "document": page.get_admin_display_title(),
            "date": date_format(record.withdrawn_at, "j. F Y"),
        },
    )
    return _back(request, page)


@hooks.register("before_delete_page")
def refuse_deleting_documents(request, page):
    """Only superusers delete controlled documents, also by deleting a section (or anything) above them."""
    if not withdrawal.deletion_refused(request.user, [page]):
        return None
    if _is_document(page):
        message = gettext(
            "Controlled documents are never deleted. Withdraw %(document)s instead: it then leaves the handbook "
            "and is kept in the archive of withdrawn documents. Only a superuser can delete it."
        ) % {"document": page.get_admin_display_title()}
    else:
        message = gettext(
            "%(page)s contains controlled documents, which are never deleted. Withdraw or move them first; only "
            "a superuser can delete them."
        ) % {"page": page.get_admin_display_title()}
    messages.error(request, message)
    return _back(request, page)


@hooks.register("before_bulk_action")
def refuse_bulk_deleting_or_publishing(request, action_type, objects, action_class_instance):
    pages = [obj for obj in objects if isinstance(obj, Page)]
    if not pages:
        return None
    if action_type == "delete" and withdrawal.deletion_refused(request.user, pages):
        messages.error(
            request,
            gettext(
                "Nothing was deleted: the selection contains controlled documents, or pages with documents below "
                "them, and controlled documents are never deleted. Withdraw them instead; only a superuser can "
                "delete them."
            ),
        )
        return _back(request, pages[0])
    if action_type == "publish":
        withdrawn = DocumentWithdrawal.objects.filter(document_id__in=[page.pk for page in pages])
        if withdrawn.exists():
            messages.error(
                request,
                gettext("Nothing was published: the selection contains withdrawn documents, which stay out of force."),
            )
            return _back(request, pages[0])
    return None
