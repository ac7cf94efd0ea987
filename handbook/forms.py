import datetime

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

PEOPLE_FIELDS = ("responsible_person", "approver")
# The editor's buttons that send a revision on its way to readers.
RELEASING_ACTIONS = ("action-publish", "action-submit", "action-workflow-action")


def person_label(user):
    full_name = user.get_full_name()
    return f"{full_name} ({user.get_username()})" if full_name else user.get_username()


class ControlledDocumentForm(WagtailAdminPageForm):
    """The editor's form for a controlled document.

    People are chosen by name among active users; a person already named on the document stays a valid choice
    after leaving, so an old document can still be saved. Each new revision starts with an empty change
    summary, which is required before the revision is submitted or published. A future effective date
    schedules the publication for that day.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_people_to_active_users()
        if self.instance.pk and self.instance.live and not self.instance.has_unpublished_changes:
            # A new working copy of a published document: its own summary and, by default, today's date.
            self.initial.update(change_summary="", is_significant_change=False, effective_date=None)

    def _limit_people_to_active_users(self):
        current = [getattr(self.instance, f"{name}_id") for name in PEOPLE_FIELDS]
        choices = (
            get_user_model()
            .objects.filter(Q(is_active=True) | Q(pk__in=[pk for pk in current if pk]))
            .order_by("first_name", "last_name", "username")
        )
        for name in PEOPLE_FIELDS:
            if name in self.fields:
                self.fields[name].queryset = choices
                self.fields[name].label_from_instance = person_label

    def clean(self):
        cleaned_data = super().clean()
        releasing = any(self.data.get(action) for action in RELEASING_ACTIONS)
        if releasing and "change_summary" in self.fields and not (cleaned_data.get("change_summary") or "").strip():
            self.add_error(
                "change_summary",
                _("Describe what changed in this version before it is sent for approval or published."),
            )
        effective = cleaned_data.get("effective_date")
        schedulable = "go_live_at" in self.fields and not cleaned_data.get("go_live_at")
        if effective and effective > timezone.localdate() and schedulable:
            start_of_day = datetime.datetime.combine(effective, datetime.time.min)
            cleaned_data["go_live_at"] = timezone.make_aware(start_of_day)
        return cleaned_data
