"""Checks on files attached to a report: what the content is (not what the name says), size and number."""

import unicodedata
import zipfile
from pathlib import PurePosixPath

import filetype
from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

MAX_FILES = 5
MAX_FILE_SIZE = 10 * 1024 * 1024
MAX_NAME_LENGTH = 200
TEXT_SNIFF_BYTES = 64 * 1024

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"

# What may be attached, by the type found in the content, with the file name endings that type may carry.
# Each label carries its own article, which differs between Danish nouns (“et PDF-dokument”, “en præsentation”).
ALLOWED_TYPES = {
    "application/pdf": ({".pdf"}, _("a PDF document")),
    "image/jpeg": ({".jpg", ".jpeg"}, _("a JPEG image")),
    "image/png": ({".png"}, _("a PNG image")),
    "image/gif": ({".gif"}, _("a GIF image")),
    "image/webp": ({".webp"}, _("a WebP image")),
    "image/heic": ({".heic", ".heif"}, _("a HEIC image")),
    "application/msword": ({".doc"}, _("a Word document")),
    DOCX: ({".docx"}, _("a Word document")),
    "application/vnd.ms-excel": ({".xls"}, _("an Excel spreadsheet")),
    XLSX: ({".xlsx"}, _("an Excel spreadsheet")),
    "application/vnd.ms-powerpoint": ({".ppt"}, _("a PowerPoint presentation")),
    PPTX: ({".pptx"}, _("a PowerPoint presentation")),
    ODT: ({".odt"}, _("an OpenDocument text")),
    ODS: ({".ods"}, _("an OpenDocument spreadsheet")),
    "text/plain": ({".txt", ".csv", ".log"}, _("plain text")),
}

# Office documents are zip archives; the part that says which kind, whatever order the writer put them in.
OOXML_MAIN_PARTS = {"word/document.xml": DOCX, "xl/workbook.xml": XLSX, "ppt/presentation.xml": PPTX}
ZIP_TYPES = {"application/zip", DOCX, XLSX, PPTX}


class MultipleFileInput(forms.FileInput):
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
                gettext("You can attach at most %(max)d files; you chose %(count)d. Choose fewer files.")
                % {"max": MAX_FILES, "count": len(files)},
                code="too_many_files",
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
    check_name(name)
    if upload.size == 0:
        raise ValidationError(gettext("The file “%(name)s” is empty.") % {"name": name})
    if upload.size > MAX_FILE_SIZE:
        raise ValidationError(
            gettext("The file “%(name)s” is %(size)s; a file may be at most %(max)s.")
            % {"name": name, "size": filesizeformat(upload.size), "max": filesizeformat(MAX_FILE_SIZE)}
        )
    mime_type = sniff(upload)
    if mime_type not in ALLOWED_TYPES:
        raise ValidationError(
            gettext(
                "The file “%(name)s” cannot be attached: its content is not a PDF, an image, an Office document "
                "or plain text."
            )
            % {"name": name}
        )
    extensions, label = ALLOWED_TYPES[mime_type]
    if PurePosixPath(name).suffix.lower() not in extensions:
        raise ValidationError(
            gettext(
                "The file “%(name)s” is not what its name says: its content is %(type)s. Check that you chose the "
                "right file."
            )
            % {"name": name, "type": label}
        )
    upload.detected_mime_type = mime_type
    return mime_type


def sniff(upload):
    """The MIME type read from the file's content; plain text is recognised as readable UTF-8."""
    upload.seek(0)
    head = upload.read(TEXT_SNIFF_BYTES)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is not None:
        return _office_type(upload) if kind.mime in ZIP_TYPES else kind.mime
    return "text/plain" if _is_text(head, complete=upload.size <= TEXT_SNIFF_BYTES) else None


def _office_type(upload):
    """What a zip archive holds, read from its table of contents (nothing is unpacked)."""
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            mimetype = _declared_mimetype(archive) if "mimetype" in names else ""
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError, ValueError):
        return None
    finally:
        upload.seek(0)
    if mimetype in (ODT, ODS):
        return mimetype
    if "[Content_Types].xml" in names:
        for part, mime_type in OOXML_MAIN_PARTS.items():
            if part in names:
                return mime_type
    return "application/zip"


def _declared_mimetype(archive):
    """An OpenDocument file names its type in a small first entry; read no more than a type's length."""
    with archive.open("mimetype") as entry:
        return entry.read(100).decode("ascii", "replace").strip()


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


def check_name(name):
    """Django strips paths from uploaded names; a name that still holds one was made to deceive."""
    if not name.strip() or "/" in name or "\\" in name or name.startswith(".") or "\x00" in name:
        raise ValidationError(
            gettext(
                "The file name “%(name)s” is not valid. Rename the file, for example to “bilag.pdf”, and try again."
            )
            % {"name": name[:MAX_NAME_LENGTH]}
        )
    if len(name) > MAX_NAME_LENGTH:
        raise ValidationError(
            gettext("The file name is too long: at most %(max)d characters. Rename the file and try again.")
            % {"max": MAX_NAME_LENGTH}
        )
