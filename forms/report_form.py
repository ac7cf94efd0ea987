"""The form a reporter fills in: fixed core fields, then the questions editors add with the form builder."""

import datetime
import decimal
import re
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from forms.text import offer_cleaned_text, refuse_control_characters
from forms.uploads import AttachmentsField
from handbook.models import ControlledDocumentPage

TITLE_MAX = 200
TEXT_MAX = 10_000
VERSION_PATTERN = re.compile(r"^(\d{1,4})\.(\d{1,4})$")
DOCUMENT_NUMBER_PATTERN = re.compile(r"\b([A-ZÆØÅ]{2,8}-\d{1,6})\b", re.IGNORECASE)
CORE_FIELDS = ("title", "description", "document", "document_version", "attachments", "anonymous", "submission_key")
HIDDEN_FIELDS = ("document_version", "submission_key")


def danish_number(number):
    return f"{number:,}".replace(",", ".")


def validate_length(limit):
    def validator(value):
        if len(value) > limit:
            raise ValidationError(
                gettext(
                    "The text is too long: at most %(limit)s characters, and it has %(length)s. Shorten it, or attach "
                    "the rest as a file."
                )
                % {"limit": danish_number(limit), "length": danish_number(len(value))},
                code="max_length",
            )

    return validator


def validate_readable(value):
    """Text that came with NUL bytes or bytes that are not UTF-8 (which Django turns into U+FFFD)."""
    if "\x00" in value or "\ufffd" in value:
        raise ValidationError(
            gettext(
                "The text contains characters that cannot be read. Remove them (or type the text again) and send it."
            ),
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
        label=_("Handbook document"),
        required=False,
        help_text=_("The document number, for example PRO-014, if it concerns a document in the handbook."),
    )
    # The version the reporter was reading, paired with its document number (“PRO-014@2.1”) so that it is not
    # kept for another document typed into the form instead.
    document_version = forms.CharField(required=False, widget=forms.HiddenInput)
    attachments = AttachmentsField(
        label=_("Attachments"),
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
    # Checked in clean(): a hidden field has nowhere to show its own message.
    submission_key = forms.CharField(required=False, widget=forms.HiddenInput)

    error_css_class = "form-error"
    required_css_class = "form-required"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field, forms.CharField) and name not in HIDDEN_FIELDS:
                make_text_field(field, self._text_limit(name, field))
        refuse_control_characters(self)
        for name in HIDDEN_FIELDS:
            self.fields[name].validators = []  # read leniently below: nobody can see a message on them
        for field in self.fields.values():
            if type(field) is forms.DateField:
                # The browser's date picker; it sends ISO dates, which Django always accepts.
                field.widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
            if not field.widget.is_hidden:
                field.widget.attrs.setdefault("class", widget_class(field.widget))
        self.order_fields([*CORE_FIELDS[:3], *self.builder_field_names(), "attachments", "anonymous"])
        if not self.is_bound:
            self.initial["document_version"] = paired_version(
                self.initial.get("document"), self.initial.get("document_version")
            )

    @staticmethod
    def _text_limit(name, field):
        if name in ("title", "document"):
            return TITLE_MAX
        return min(field.max_length or TEXT_MAX, TEXT_MAX)  # a builder one-line answer keeps its 255

    def builder_field_names(self):
        return [name for name in self.fields if name not in CORE_FIELDS]

    def clean_submission_key(self):
        try:
            return uuid.UUID(self.cleaned_data["submission_key"].strip())
        except ValueError:
            return None

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
                gettext(
                    "We do not know the document “%(value)s”. Write its number, for example PRO-014, or leave the "
                    "field empty."
                )
                % {"value": value[:60]}
            )
        return document

    def clean(self):
        cleaned_data = super().clean()
        offer_cleaned_text(self)
        if cleaned_data.get("submission_key") is None:
            self.add_error(
                None,
                gettext(
                    "The form had expired or was damaged, so it was not sent. Check what you wrote and send it again."
                ),
            )
            self._renew_submission_key()
        document = cleaned_data.get("document")
        cleaned_data["document_version"] = read_version(document, cleaned_data.get("document_version", ""))
        return cleaned_data

    def _renew_submission_key(self):
        """The form shown again gets a valid key, or it could never be sent."""
        self.data = self.data.copy()
        self.data[self.add_prefix("submission_key")] = str(uuid.uuid4())

    def answers(self):
        """The builder questions with their answers, as label and text, in the order of the form."""
        return [
            {"label": str(self.fields[name].label), "value": answer_text(self.cleaned_data.get(name))}
            for name in self.builder_field_names()
        ]


def paired_version(document_number, version):
    """The hidden value that ties the version being read to its document: “PRO-014@2.1”."""
    if document_number and version and VERSION_PATTERN.match(version.strip()):
        return f"{document_number.strip()}@{version.strip()}"
    return ""


def read_version(document, value):
    """The version the reporter was reading: the one they came from, if it belongs to ``document``, else the
    version in force."""
    if document is None:
        return ""
    number, _at, version = (value or "").strip().rpartition("@")
    match = VERSION_PATTERN.match(version)
    if not match or (number and number.upper() != document.document_number.upper()):
        return document.version
    major, minor = int(match.group(1)), int(match.group(2))
    if (major, minor) > (document.version_major, document.version_minor):
        return document.version  # a version the document has not had yet
    return f"{major}.{minor}"


def answer_text(value):
    """An answer as the handlers read it: Danish dates, numbers and yes/no."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "j. F Y H:i")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "j. F Y")
    if isinstance(value, decimal.Decimal):
        return formats.number_format(value)
    return str(value)


class ReportFormBuilder(FormBuilder):
    def get_form_class(self):
        return type("ReportFormWithQuestions", (ReportForm,), self.formfields)
