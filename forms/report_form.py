"""The form a reporter fills in: fixed core fields, then the questions editors add with the form builder."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from forms.uploads import AttachmentsField
from handbook.models import ControlledDocumentPage

TITLE_MAX = 200
TEXT_MAX = 10_000
VERSION_PATTERN = re.compile(r"^\d{1,4}\.\d{1,4}$")
DOCUMENT_NUMBER_PATTERN = re.compile(r"\b([A-ZÆØÅ]{2,8}-\d{1,6})\b", re.IGNORECASE)
CORE_FIELDS = ("title", "description", "document", "document_version", "attachments", "anonymous", "submission_key")


def validate_length(limit):
    def validator(value):
        if len(value) > limit:
            raise ValidationError(
                _(
                    "The text is too long: at most %(limit)s characters, and it has %(length)s. Shorten it, or attach "
                    "the rest as a file."
                )
                % {"limit": f"{limit:,}".replace(",", "."), "length": f"{len(value):,}".replace(",", ".")},
                code="max_length",
            )

    return validator


def validate_readable(value):
    """Text that came with NUL bytes or bytes that are not UTF-8 (which Django turns into U+FFFD)."""
    if "\x00" in value or "\ufffd" in value:
        raise ValidationError(
            _("The text contains characters that cannot be read. Remove them (or type the text again) and send it."),
            code="unreadable",
        )


def make_text_field(field, limit):
    """Our own length and readability checks replace Django's, whose messages are less clear."""
    field.max_length = None
    field.validators = [
        v
        for v in field.validators
        if not isinstance(v, ProhibitNullCharactersValidator) and getattr(v, "code", None) != "max_length"
    ]
    field.validators += [validate_readable, validate_length(limit)]
    field.widget.attrs.pop("maxlength", None)
    return field


def widget_class(widget):
    """Det Fælles Designsystem's class for a widget."""
    if isinstance(widget, forms.CheckboxInput | forms.CheckboxSelectMultiple):
        return "form-checkbox"
    if isinstance(widget, forms.RadioSelect):
        return "form-radio"
    if isinstance(widget, forms.Select):
        return "form-select"
    if isinstance(widget, forms.FileInput):
        return "form-file-input"
    return "form-input"


class ReportForm(BaseForm):
    title = forms.CharField(label=_("Short title"), help_text=_("A few words that say what it is about."))
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 8}))
    document = forms.CharField(
        label=_("Handbook document (optional)"),
        required=False,
        help_text=_("The document number, for example PRO-014, if it concerns a document in the handbook."),
    )
    document_version = forms.CharField(required=False, widget=forms.HiddenInput)
    attachments = AttachmentsField(
        label=_("Attachments (optional)"),
        help_text=_("Up to 5 files of at most 10 MB each: PDF, images, Office documents or plain text."),
    )
    anonymous = forms.BooleanField(
        label=_("Report anonymously"),
        required=False,
        help_text=_(
            "Your name is then not stored with the report, and you get no receipt by e-mail and cannot follow "
            "the case under “My reports”."
        ),
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput)

    error_css_class = "form-error"
    required_css_class = "form-required"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field, forms.CharField) and name not in ("document_version", "submission_key"):
                make_text_field(field, TITLE_MAX if name in ("title", "document") else TEXT_MAX)
        self.fields["submission_key"].error_messages["required"] = _(
            "The form had expired. Check what you wrote and send it again."
        )
        self.fields["submission_key"].error_messages["invalid"] = self.fields["submission_key"].error_messages[
            "required"
        ]
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", widget_class(field.widget))
        self.order_fields([*CORE_FIELDS[:3], *self.builder_field_names(), "attachments", "anonymous"])

    def builder_field_names(self):
        return [name for name in self.fields if name not in CORE_FIELDS]

    def clean_document(self):
        value = self.cleaned_data["document"].strip()
        if not value:
            return None
        match = DOCUMENT_NUMBER_PATTERN.search(value)
        document = None
        if match:
            document = ControlledDocumentPage.objects.live().filter(document_number__iexact=match.group(1)).first()
        if document is None:
            raise ValidationError(
                _(
                    "We do not know the document “%(value)s”. Write its number, for example PRO-014, or leave the "
                    "field empty."
                )
                % {"value": value[:60]}
            )
        return document

    def clean_document_version(self):
        value = self.cleaned_data["document_version"].strip()
        return value if VERSION_PATTERN.match(value) else ""

    def answers(self):
        """The builder questions with their answers, as label and text, in the order of the form."""
        answers = []
        for name in self.builder_field_names():
            value = self.cleaned_data.get(name)
            if isinstance(value, list):
                value = ", ".join(str(item) for item in value)
            elif isinstance(value, bool):
                value = str(_("Yes") if value else _("No"))
            answers.append({"label": str(self.fields[name].label), "value": "" if value is None else str(value)})
        return answers


class ReportFormBuilder(FormBuilder):
    def get_form_class(self):
        return type("ReportFormWithQuestions", (ReportForm,), self.formfields)
