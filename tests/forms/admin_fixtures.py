"""Helpers for the admin tests of cases: the people in each role, the admin's URLs and its edit form's data."""

import datetime

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data

from forms.admin_panels import HTML_NAMES
from forms.models import Deviation
from handbook import roles
from tests.factories import UserFactory


def member(username, *group_names, **fields):
    """A user in the named groups (which ``roles.ensure_roles`` or ``ensure_reporting_roles`` has set up)."""
    user = UserFactory(username=username, **fields)
    user.groups.add(*[Group.objects.get_or_create(name=name)[0] for name in group_names])
    return user


def second_quality_member():
    return member("kvalitet2", roles.EMPLOYEES, roles.QUALITY_GROUP, first_name="Birgit", last_name="Lund")


def url(model, name, *args):
    return reverse(model.snippet_viewset.get_url_name(name), args=args)


def edit_url(case):
    return url(type(case), "edit", case.pk)


def move(case, status, **fields):
    """Moves a case the way the admin does: a new revision, published (the model checks the move)."""
    for name, value in fields.items():
        setattr(case, name, value)
    case.status = status
    case.save_revision().publish()
    return type(case).objects.get(pk=case.pk)


def handling_form(case, button="action-publish", **overrides):
    """The edit form as the handler would send it: the case's current handling, with ``overrides``."""
    data = {
        "status": case.status,
        "kind": case.kind,
        "section": case.section_id or "",
        "handler": case.handler_id or "",
        "due_date": case.due_date.isoformat() if case.due_date else "",
        "cause": case.cause,
        "action": case.action,
        "rejection_reason": case.rejection_reason,
    }
    if isinstance(case, Deviation):
        data["effectiveness_check"] = case.effectiveness_check
    else:
        data.update(
            on_board="on" if case.on_board else "",
            public_title=case.public_title,
            public_summary=case.public_summary,
            public_outcome=case.public_outcome,
        )
    data.update(overrides)
    # Posted under the names the form gives them in the HTML (the model's “action” is “handling_action” there).
    data = {HTML_NAMES.get(name, name): value for name, value in data.items() if value not in ("", None, False)}
    if button:  # none: “Save draft”
        data[button] = button
    return nested_form_data(data)


def in_days(days):
    return timezone.localdate() + datetime.timedelta(days=days)
