"""The handler's form for a case in the administration: the report as sent, read-only, then its handling.

The panels are set on the viewsets (forms/wagtail_hooks.py), not on the models: cases are made by the report
forms, and only the quality group edits them, here.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, Panel

from forms import lifecycle, links
from forms.text import offer_cleaned_text, refuse_control_characters
from handbook.forms import person_label
from handbook.models import SectionPage


class SubmissionPanel(Panel):
    """What the reporter sent: reference, reporter (or that it was anonymous), document, text, answers, files."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "forms/admin/submission_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            case = self.instance
            index = links.reporting_index()
            context.update(
                {
                    "case": case,
                    "attachments": [
                        (attachment, _attachment_url(index, attachment)) for attachment in case.attachments.all()
                    ],
                    "case_path": links.case_path(case, index) if index else "",
                }
            )
            return context


def _attachment_url(index, attachment):
    """The portal's private route for the file, which checks who may see the case (never MEDIA_URL)."""
    if index is None:
        return ""
    return index.url + index.reverse_subpage("attachment", args=[attachment.pk])


# Form fields whose name, sent as is, would hide a property of the HTML form element: ``form.action`` would be
# the textarea “action” instead of the form's address, and Wagtail's autosave posts to ``form.action``. They
# keep their model field's name in Python; only the name in the HTML (and the id made from it) differs.
HTML_NAMES = {"action": "handling_action"}


class CaseAdminForm(WagtailAdminModelForm):
    """Handlers are chosen by name among active users; the status field says where the case may go next.

    The lifecycle itself is checked by the model (``Case.clean``), so a refused move comes back as an error on
    the field concerned, in the same words everywhere. Text with control characters is refused, and shown again
    without them.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        refuse_control_characters(self)
        if "handler" in self.fields:
            self._limit_handlers_to_active_users()
        if "section" in self.fields:
            self.fields["section"].queryset = SectionPage.objects.order_by("path")
        if "status" in self.fields and self.instance.pk:
            self.fields["status"].help_text = self._next_states_help()

    def add_prefix(self, field_name):
        return super().add_prefix(HTML_NAMES.get(field_name, field_name))

    def clean(self):
        cleaned_data = super().clean()
        offer_cleaned_text(self)
        return cleaned_data

    def _limit_handlers_to_active_users(self):
        current = self.instance.handler_id
        field = self.fields["handler"]
        field.queryset = (
            get_user_model()
            .objects.filter(Q(is_active=True) | Q(pk=current or 0))
            .order_by("first_name", "last_name", "username")
        )
        field.label_from_instance = person_label

    def _next_states_help(self):
        stored = self.instance.stored_status()
        moves = sorted(lifecycle.TRANSITIONS.get(stored, ()), key=list(lifecycle.Status).index)
        if not moves:
            return _("The case is finished and stays so: a new problem is reported as a new case.")
        return _("From “%(current)s” the case may go to: %(moves)s.") % {
            "current": lifecycle.Status(stored).label,
            "moves": ", ".join(str(lifecycle.Status(move).label) for move in moves),
        }


def _handling_fields(action_label, extra=()):
    return [
        FieldPanel("status"),
        FieldPanel("kind"),
        FieldPanel("section", widget=forms.Select),
        FieldPanel("handler"),
        FieldPanel("due_date"),
        FieldPanel("cause", widget=forms.Textarea(attrs={"rows": 4})),
        FieldPanel("action", heading=action_label, widget=forms.Textarea(attrs={"rows": 4})),
        *extra,
        FieldPanel("rejection_reason", widget=forms.Textarea(attrs={"rows": 3})),
    ]


def deviation_edit_handler():
    return ObjectList(
        [
            SubmissionPanel(heading=pgettext_lazy("case", "Report")),
            MultiFieldPanel(
                _handling_fields(
                    _("Correction / corrective action"),
                    extra=[FieldPanel("effectiveness_check", widget=forms.Textarea(attrs={"rows": 4}))],
                ),
                heading=_("Handling"),
            ),
        ],
        base_form_class=CaseAdminForm,
    )


def proposal_edit_handler():
    return ObjectList(
        [
            SubmissionPanel(heading=pgettext_lazy("case", "Report")),
            MultiFieldPanel(
                _handling_fields(pgettext_lazy("handling of a proposal", "What we did")), heading=_("Handling")
            ),
            MultiFieldPanel(
                [
                    FieldPanel("on_board"),
                    FieldPanel("public_title"),
                    FieldPanel("public_summary", widget=forms.Textarea(attrs={"rows": 4})),
                    FieldPanel("public_outcome", widget=forms.Textarea(attrs={"rows": 4})),
                ],
                heading=_("Proposals board"),
                help_text=_(
                    "Only this text is shown to all staff, once a moderator has approved it: leave out names and "
                    "other personal data."
                ),
            ),
        ],
        base_form_class=CaseAdminForm,
    )
