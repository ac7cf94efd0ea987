"""Plain text from attached PDF and Word files, for the search index.

A file that cannot be read (broken, encrypted, not what its name says) gives no text and a log line: the
document it is attached to is still published and indexed.
"""

import io
import logging

import docx
import pypdf
from pypdf.errors import PyPdfError

from handbook.models.attachments import AttachmentText

logger = logging.getLogger(__name__)

MAX_TEXT_LENGTH = 200_000  # a huge appendix must not swell the index: its first pages say what it is


def _pdf_text(data):
    reader = pypdf.PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        raise PyPdfError("encrypted")
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _docx_text(data):
    document = docx.Document(io.BytesIO(data))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(paragraphs + cells)


def _plain_text(data):
    return data.decode("utf-8", errors="replace")


EXTRACTORS = {"pdf": _pdf_text, "docx": _docx_text, "txt": _plain_text}


def extract_text(name, data):
    """The text of a file by its extension; '' for a kind we do not read or a file we cannot."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    extractor = EXTRACTORS.get(extension)
    if extractor is None:
        return ""
    try:
        text = extractor(data)
    except Exception:  # any broken file is skipped, whatever the library raises
        logger.warning("Skipped the text of %s: the file could not be read", name, exc_info=True)
        return ""
    return " ".join(text.split())[:MAX_TEXT_LENGTH]


def document_text(document):
    """The text of a Wagtail document, extracted again only when its file has changed."""
    try:
        file_hash = document.get_file_hash()
        stored = AttachmentText.objects.filter(document=document).first()
        if stored and stored.file_hash == file_hash:
            return stored.text
        with document.file.open("rb") as file:
            data = file.read()
    except OSError:
        logger.warning("Skipped the text of %s: the file is missing", document.file.name)
        return ""
    text = extract_text(document.file.name, data)
    AttachmentText.objects.update_or_create(document=document, defaults={"file_hash": file_hash, "text": text})
    return text
