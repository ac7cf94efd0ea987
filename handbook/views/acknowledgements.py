"""Read and acknowledge: the reader's confirmation, and the read status that editors and approvers follow.

The rules live in handbook.acknowledgements; these views only check who is asking and present the answer.
"""

import csv

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from handbook import acknowledgements as service

# A spreadsheet would run a cell beginning with one of these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _document_url(request, page):
    return page.get_url(request=request) or "/"


def acknowledge(request, page):
    """POST: records that the logged-in reader has read and understood the current significant version.

    Only ever for the person posting: whatever else the form holds, no one can confirm for someone else."""
    document_url = _document_url(request, page)
    if request.method != "POST":
        return redirect(document_url)
    if not request.user.is_authenticated:
        return redirect_to_login(document_url)

    result = service.acknowledge(page, request.user, seen_version=request.POST.get("version"))
    outcome = result.outcome
    if outcome is service.Outcome.RECORDED:
        messages.success(
            request,
            _("Thank you. You have confirmed that you have read and understood version %(version)s of %(number)s.")
            % {"version": result.version.label, "number": page.document_number},
        )
    elif outcome is service.Outcome.ALREADY_CONFIRMED:
        messages.info(
            request,
            _("You had already confirmed that you have read version %(version)s.") % {"version": result.version.label},
        )
    elif outcome is service.Outcome.OUTDATED:
        messages.warning(
            request,
            _(
                "The document has changed since you opened it: version %(version)s is now in force. Read it, "
                "then confirm again."
            )
            % {"version": result.version.label},
        )
    else:
        messages.info(request, _("There is nothing for you to confirm on this document."))
    return redirect(document_url)


def _require_read_status_access(request, page):
    """None when the person may see the document's read status; the login redirect for anyone not logged in.
    Raises PermissionDenied (403) for everyone else."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not service.may_view_read_status(request.user, page):
        raise PermissionDenied
    return None


def _chosen_version(request, page):
    """The significant version asked for with ?version=2.0, else the current one; 404 for one that does not
    exist. None when the document has no significant version at all."""
    label = request.GET.get("version", "").strip()
    if label:
        version = service.find_significant_version(page, label)
        if version is None:
            raise Http404(_("The document has no significant version %(version)s.") % {"version": label[:20]})
        return version
    return service.current_significant_version(page)


def read_status(request, page):
    """Who in the audience of a significant version has confirmed having read it, and who has not."""
    denied = _require_read_status_access(request, page)
    if denied is not None:
        return denied
    version = _chosen_version(request, page)
    status = service.read_status(version) if version is not None else None
    document_url = _document_url(request, page)
    context = {
        "page": page,
        "self": page,
        "version": version,
        "status": status,
        "versions": service.significant_versions(page) if version is not None else [],
        "document_url": document_url,
        "read_status_url": document_url + page.reverse_subpage("read_status"),
        "csv_url": document_url + page.reverse_subpage("read_status_csv"),
        "audience_groups": list(version.audience.order_by("name")) if version is not None else [],
    }
    return TemplateResponse(request, "handbook/acknowledgements/read_status.html", context)


def _cell(value):
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _local_time(moment):
    return date_format(timezone.localtime(moment), "d-m-Y H:i")


def read_status_csv(request, page):
    """The read status as a spreadsheet for Danish Excel: UTF-8 with BOM, semicolons between the columns."""
    denied = _require_read_status_access(request, page)
    if denied is not None:
        return denied
    version = _chosen_version(request, page)
    if version is None:
        raise Http404(_("The document has no version that asks readers to confirm it."))
    status = service.read_status(version)

    filename = f"laesestatus-{page.document_number}-version-{version.label}.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # the byte order mark tells Excel the file is UTF-8
    writer = csv.writer(response, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [_("Document number"), _("Version"), _("Name"), _("User name"), _("E-mail"), _("Status"), _("Confirmed on")]
    )

    def row(person, state, confirmed_at=""):
        name, username, email = service.display_name(person), person.get_username(), person.email
        return [page.document_number, version.label, _cell(name), _cell(username), _cell(email), state, confirmed_at]

    for confirmation in status.confirmed:
        writer.writerow(row(confirmation.user, _("Confirmed"), _local_time(confirmation.confirmed_at)))
    for person in status.unconfirmed:
        writer.writerow(row(person, _("Not confirmed")))
    return response
