from .documents import (
    ControlledDocumentPage,
    DocumentTag,
    InstructionPage,
    PolicyPage,
    ProcedurePage,
)
from .numbering import DocumentNumberCounter
from .references import IsoClause
from .structure import HandbookIndexPage, SectionPage

__all__ = [
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
