"""E-mail about cases: the reporter's receipt, the quality group's notice, state changes and assignments.

Every mail is sent after the case has been committed, and a failing mail server is logged, never raised:
the report is already safe, and the reporter must never see an error page because of the mail.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.admin.admin_url_finder import AdminURLFinder

from forms import links

logger = logging.getLogger(__name__)


def case_received(case, page):
    """A receipt to a named reporter, and a notice to the quality group (never naming an anonymous one)."""
    if case.reporter is not None and case.reporter.email:
        _send("receipt", [case.reporter.email], case, page=page, case_url=links.case_full_url(case))
    recipients = _quality_group_addresses(page)
    if recipients:
        _send("new_case", recipients, case, page=page, admin_url=_admin_url(case))


def status_changed(case):
    if case.reporter is not None and case.reporter.email and not case.anonymous:
        _send("status_changed", [case.reporter.email], case, case_url=links.case_full_url(case))


def handler_assigned(case):
    if case.handler is not None and case.handler.email:
        _send(
            "handler_assigned",
            [case.handler.email],
            case,
            case_url=links.case_full_url(case),
            admin_url=_admin_url(case),
        )


def _send(name, recipients, case, **context):
    context["case"] = case
    try:
        with translation.override(settings.LANGUAGE_CODE):
            subject = render_to_string(f"forms/emails/{name}_subject.txt", context).strip()
            body = render_to_string(f"forms/emails/{name}.txt", context)
        EmailMessage(" ".join(subject.split()), body, to=recipients).send()
    except Exception:
        # The case is stored; a mail that could not go out must not undo it or reach the user as an error.
        logger.exception("Could not send the %s mail for %s", name, case.reference)


def _quality_group_addresses(page):
    from handbook.roles import QUALITY_GROUP

    if page is not None and page.to_address:
        return [address.strip() for address in page.to_address.split(",") if address.strip()]
    members = get_user_model().objects.filter(groups__name=QUALITY_GROUP, is_active=True).exclude(email="")
    return sorted(set(members.values_list("email", flat=True)))


def _admin_url(case):
    path = AdminURLFinder().get_edit_url(case)
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}" if path else ""
