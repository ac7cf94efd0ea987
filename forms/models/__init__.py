from .cases import CaseAttachment, Deviation, ImprovementProposal, StatusChange
from .numbering import CaseNumberCounter
from .pages import (
    DeviationFormField,
    DeviationFormPage,
    ProposalBoardPage,
    ProposalFormField,
    ProposalFormPage,
    ReportingIndexPage,
)

__all__ = [
    "CaseAttachment",
    "CaseNumberCounter",
    "Deviation",
    "DeviationFormField",
    "DeviationFormPage",
    "ImprovementProposal",
    "ProposalBoardPage",
    "ProposalFormField",
    "ProposalFormPage",
    "ReportingIndexPage",
    "StatusChange",
]
