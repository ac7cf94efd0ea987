"""Test data for reporting: the section with its pages, and cases made the way the form makes them."""

import uuid
from types import SimpleNamespace

from forms.models import (
    Deviation,
    DeviationFormField,
    DeviationFormPage,
    ImprovementProposal,
    ProposalBoardPage,
    ProposalFormPage,
    ReportingIndexPage,
)


def build_reporting(home):
    """“Indberetninger” with both forms (the deviation form has one extra question) and the board."""
    index = home.add_child(instance=ReportingIndexPage(title="Indberetninger", slug="indberetninger"))
    deviation_form = index.add_child(
        instance=DeviationFormPage(
            title="Indberet en afvigelse",
            slug="indberet-en-afvigelse",
            next_steps="<p>WorkSmarter-gruppen ser på sagen inden for fem arbejdsdage.</p>",
            to_address="kvalitet@kommune.example",
        )
    )
    DeviationFormField.objects.create(
        page=deviation_form, sort_order=0, label="Hvornår skete det?", field_type="singleline", required=False
    )
    proposal_form = index.add_child(
        instance=ProposalFormPage(title="Foreslå en forbedring", slug="foreslaa-en-forbedring")
    )
    board = index.add_child(instance=ProposalBoardPage(title="Forbedringsforslag", slug="forbedringsforslag"))
    return SimpleNamespace(index=index, deviation_form=deviation_form, proposal_form=proposal_form, board=board)


def make_case(model=Deviation, reporter=None, **fields):
    """A received, live case with its first revision, as a submission leaves it."""
    from forms.models.numbering import next_case_reference

    defaults = {
        "title": "Skabelonen mangler en dato",
        "description": "Der er intet felt til afgørelsesdatoen.",
        "reporter": reporter,
        "anonymous": reporter is None,
        "submission_key": uuid.uuid4(),
    }
    defaults.update(fields)
    case = model(**defaults)
    case.reference = next_case_reference(model.reference_prefix)
    case.live = True
    case.save()
    case.save_revision().publish(skip_permission_checks=True)
    return model.objects.get(pk=case.pk)


def make_proposal(reporter=None, **fields):
    return make_case(ImprovementProposal, reporter=reporter, **fields)
