from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.admin.forms import WagtailAdminPageForm

PEOPLE_FIELDS = ("responsible_person", "approver")


def person_label(user):
    full_name = user.get_full_name()
    return f"{full_name} ({user.get_username()})" if full_name else user.get_username()


class ControlledDocumentForm(WagtailAdminPageForm):
    """The editor's form: people are chosen by name among active users, not by user name alone.

    A person already named on the document stays a valid choice after leaving, so an old document can still be
    saved; the editor sees the name and can replace it.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
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
