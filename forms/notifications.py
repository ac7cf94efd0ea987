"""E-mail about cases: the reporter's receipt, the quality group's notice, state changes and assignments.

Every mail is sent after the case has been committed, and any failure on the way (the mail server, a
template, a lookup) is logged, never raised: the report is already safe, and the reporter must never see an
error page because of the mail.
"""

import functools
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.admin.admin_url_finder import AdminURLFinder

from forms import links

logger = logging.getLogger(__name__)


def never_raises(notify):
    @functools.wraps(notify)
    def wrapper(case, *args, **kwargs):
        try:
            notify(case, *args, **kwargs)
        except Exception:
            logger.exception("Could not send the %s mail for %s", notify.__name__, case.reference)

    return wrapper


@never_raises
def case_received(case, page):
    """A receipt to a named reporter, and a notice to the quality group (never naming an anonymous one)."""
    case_url = links.case_full_url(case)
    sender = (page.from_address or "").strip() or None
    reporter = _reachable(None if case.anonymous else case.reporter)
    if reporter is not None:
        _send("receipt", [reporter.email], case, sender, page=page, case_url=case_url)
    recipients = _quality_group_addresses(page)
    if recipients:
        reporter_name = "" if case.anonymous or case.reporter is None else _name(case.reporter)
        context = {"page": page, "case_url": case_url, "admin_url": _admin_url(case), "reporter_name": reporter_name}
        _send("new_case", recipients, case, sender, **context)


@never_raises
def status_changed(case):
    reporter = _reachable(None if case.anonymous else case.reporter)
    if reporter is not None:
        _send("status_changed", [reporter.email], case, case_url=links.case_full_url(case))


@never_raises
def handler_assigned(case):
    handler = _reachable(case.handler)
    if handler is not None:
        context = {"case_url": links.case_full_url(case), "admin_url": _admin_url(case)}
        _send("handler_assigned", [handler.email], case, **context)


def _send(name, recipients, case, sender=None, **context):
    context["case"] = case
    try:
        with translation.override(settings.LANGUAGE_CODE):
            subject = render_to_string(f"forms/emails/{name}_subject.txt", context)
            body = render_to_string(f"forms/emails/{name}.txt", context)
        EmailMessage(" ".join(subject.split()), body, from_email=sender, to=recipients).send()
    except Exception:
        # The case is stored; a mail that could not go out must not undo it or reach the user as an error.
        logger.exception("Could not send the %s mail for %s", name, case.reference)


def _reachable(user):
    return user if user is not None and user.is_active and user.email else None


def _name(user):
    return user.get_full_name() or user.get_username()


def _quality_group_addresses(page):
    from handbook.roles import QUALITY_GROUP

    if page is not None and page.to_address:
        return [address.strip() for address in page.to_address.split(",") if address.strip()]
    members = get_user_model().objects.filter(groups__name=QUALITY_GROUP, is_active=True).exclude(email="")
    return sorted(set(members.values_list("email", flat=True)))


def _admin_url(case):
    path = AdminURLFinder().get_edit_url(case)
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}" if path else ""
