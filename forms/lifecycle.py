"""The lifecycle of a case: its states, the moves between them and what each state requires.

ISO 9001 clause 10.2: react, find the cause, act, check that it worked, keep the record. The rules live here
so the admin form, the model's own save and the tests all use the same ones.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    IN_PROGRESS = "in_progress", _("In progress")
    ACTION_TAKEN = "action_taken", _("Action taken")
    CLOSED = "closed", _("Closed")
    REJECTED = "rejected", _("Rejected")


OPEN_STATES = (Status.RECEIVED, Status.IN_PROGRESS, Status.ACTION_TAKEN)
FINAL_STATES = (Status.CLOSED, Status.REJECTED)

# Where a case may go from each state. Action taken may go back to in progress when the check shows that
# the action did not work. Closed and rejected cases stay so: a new problem is a new case.
TRANSITIONS = {
    Status.RECEIVED: {Status.IN_PROGRESS, Status.REJECTED},
    Status.IN_PROGRESS: {Status.ACTION_TAKEN, Status.REJECTED},
    Status.ACTION_TAKEN: {Status.CLOSED, Status.IN_PROGRESS},
    Status.CLOSED: set(),
    Status.REJECTED: set(),
}


def refusal(case, old_status, new_status):
    """The reasons, by field, why ``case`` may not be saved in ``new_status`` coming from ``old_status``.

    Empty if it may. What a state requires is checked on every save in that state, not only on the move into
    it, so a handler or a corrective action cannot be emptied afterwards either.
    """
    if new_status not in Status.values:
        return {"status": gettext("Choose one of the states in the list.")}
    if old_status != new_status and new_status not in TRANSITIONS.get(old_status, set()):
        return {"status": _transition_message(old_status, new_status)}
    errors = {}
    for field, message in case.requirements_for(new_status):
        if not _filled(case, field):
            errors.setdefault(field, str(message))
    return errors


def check_transition(case, old_status, new_status):
    errors = refusal(case, old_status, new_status)
    if errors:
        raise ValidationError(errors)


def _transition_message(old_status, new_status):
    names = {"old": Status(old_status).label, "new": Status(new_status).label}
    if old_status in FINAL_STATES:
        return gettext("A case that is “%(old)s” cannot be changed to “%(new)s”. Report a new case instead.") % names
    return gettext("A case cannot go from “%(old)s” to “%(new)s”.") % names


def _filled(case, field):
    value = getattr(case, case._meta.get_field(field).attname)  # a foreign key's id, without a query
    return bool(value.strip()) if isinstance(value, str) else value is not None
