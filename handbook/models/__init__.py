from .attachments import AttachmentText
from .documents import (
    ControlledDocumentPage,
    DocumentTag,
    InstructionPage,
    PolicyPage,
    ProcedurePage,
)
from .numbering import DocumentNumberCounter
from .references import IsoClause
from .review import DocumentReview, ReviewReminder
from .structure import HandbookIndexPage, SectionPage
from .versions import Acknowledgement, DocumentVersion
from .withdrawal import DocumentWithdrawal
from .workflow import IndependentApprovalTask

__all__ = [
    "Acknowledgement",
    "AttachmentText",
    "DocumentReview",
    "DocumentVersion",
    "DocumentWithdrawal",
    "IndependentApprovalTask",
    "ReviewReminder",
    "ControlledDocumentPage",
    "DocumentNumberCounter",
    "DocumentTag",
    "HandbookIndexPage",
    "InstructionPage",
    "IsoClause",
    "PolicyPage",
    "ProcedurePage",
    "SectionPage",
]

# Versioning first: the page cache and the search index then read a live page that carries its new version.
from handbook import page_cache, versioning  # noqa: E402

versioning.connect()
# The rendered parts of handbook pages are cached until the handbook changes: listen for changes from the start.
page_cache.connect()
