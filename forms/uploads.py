"""Checks on files attached to a report: what the content is (not what the name says), size and number."""

import unicodedata
from pathlib import PurePosixPath

import filetype
from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

MAX_FILES = 5
MAX_FILE_SIZE = 10 * 1024 * 1024
TEXT_SNIFF_BYTES = 64 * 1024

# What may be attached, by the type found in the content, with the file name endings that type may carry.
ALLOWED_TYPES = {
    "application/pdf": ({".pdf"}, _("PDF document")),
    "image/jpeg": ({".jpg", ".jpeg"}, _("JPEG image")),
    "image/png": ({".png"}, _("PNG image")),
    "image/gif": ({".gif"}, _("GIF image")),
    "image/webp": ({".webp"}, _("WebP image")),
    "image/heic": ({".heic", ".heif"}, _("HEIC image")),
    "application/msword": ({".doc"}, _("Word document")),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ({".docx"}, _("Word document")),
    "application/vnd.ms-excel": ({".xls"}, _("Excel spreadsheet")),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ({".xlsx"}, _("Excel spreadsheet")),
    "application/vnd.ms-powerpoint": ({".ppt"}, _("PowerPoint presentation")),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": (
        {".pptx"},
        _("PowerPoint presentation"),
    ),
    "application/vnd.oasis.opendocument.text": ({".odt"}, _("OpenDocument text")),
    "application/vnd.oasis.opendocument.spreadsheet": ({".ods"}, _("OpenDocument spreadsheet")),
    "text/plain": ({".txt", ".csv", ".log"}, _("plain text")),
}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several files in one field, each checked by its content; at most ``MAX_FILES`` of them."""

    widget = MultipleFileInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)
        extensions = sorted({extension for names, _label in ALLOWED_TYPES.values() for extension in names})
        self.widget.attrs.setdefault("accept", ",".join(extensions))

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > MAX_FILES:
            raise ValidationError(
                _("You can attach at most %(max)d files; you chose %(count)d.")
                % {"max": MAX_FILES, "count": len(files)}
            )
        errors = []
        for upload in files:
            try:
                validate_upload(upload)
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return files


def validate_upload(upload):
    """Refuses a file whose name, size or content is not acceptable; returns the MIME type found."""
    name = upload.name or ""
    _check_name(name)
    if upload.size == 0:
        raise ValidationError(_("The file “%(name)s” is empty.") % {"name": name})
    if upload.size > MAX_FILE_SIZE:
        raise ValidationError(
            _("The file “%(name)s” is %(size)s; a file may be at most %(max)s.")
            % {"name": name, "size": filesizeformat(upload.size), "max": filesizeformat(MAX_FILE_SIZE)}
        )
    mime_type = sniff(upload)
    if mime_type not in ALLOWED_TYPES:
        raise ValidationError(
            _(
                "The file “%(name)s” cannot be attached: its content is not a PDF, an image, an Office document "
                "or plain text."
            )
            % {"name": name}
        )
    extensions, label = ALLOWED_TYPES[mime_type]
    if PurePosixPath(name).suffix.lower() not in extensions:
        raise ValidationError(
            _("The file “%(name)s” is named as another type than it is: its content is a %(type)s.")
            % {"name": name, "type": label}
        )
    upload.detected_mime_type = mime_type
    return mime_type


def sniff(upload):
    """The MIME type read from the file's first bytes; plain text is recognised as readable UTF-8."""
    upload.seek(0)
    head = upload.read(TEXT_SNIFF_BYTES)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is not None:
        return kind.mime
    return "text/plain" if _is_text(head, complete=upload.size <= TEXT_SNIFF_BYTES) else None


def _is_text(head, complete):
    if b"\x00" in head:
        return False
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A file longer than the sample may be cut inside a character; only the very end may be incomplete.
        if complete or error.start < len(head) - 3:
            return False
        text = head[: error.start].decode("utf-8")
    return not any(unicodedata.category(c) == "Cc" and c not in "\t\n\r\f" for c in text)


def _check_name(name):
    """Django strips paths from uploaded names; a name that still holds one was made to deceive."""
    if not name.strip() or "/" in name or "\\" in name or name.startswith(".") or "\x00" in name:
        raise ValidationError(
            _("The file name “%(name)s” is not valid. Rename the file, for example to “bilag.pdf”, and try again.")
            % {"name": name}
        )
    if len(name) > 200:
        raise ValidationError(_("The file name is too long: at most 200 characters."))
