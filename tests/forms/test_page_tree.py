"""Where the reporting pages may stand, and that each of them is served to a logged-in employee."""

import pytest

from forms.models import DeviationFormPage, ProposalBoardPage, ProposalFormPage, ReportingIndexPage
from home.models import HomePage

REPORTING_CHILDREN = {DeviationFormPage, ProposalFormPage, ProposalBoardPage}


def test_the_reporting_section_sits_under_the_front_page_once():
    assert set(ReportingIndexPage.allowed_parent_page_models()) == {HomePage}
    assert set(ReportingIndexPage.allowed_subpage_models()) == REPORTING_CHILDREN
    assert ReportingIndexPage.max_count == 1


@pytest.mark.parametrize("page_class", sorted(REPORTING_CHILDREN, key=lambda cls: cls.__name__))
def test_forms_and_board_are_leaves_of_the_reporting_section(page_class):
    assert set(page_class.allowed_parent_page_models()) == {ReportingIndexPage}
    assert page_class.allowed_subpage_models() == []
    assert page_class.max_count == 1


@pytest.mark.django_db
def test_every_reporting_page_is_served_to_an_employee(reporting, reader_client):
    for page in (reporting.index, reporting.deviation_form, reporting.proposal_form, reporting.board):
        response = reader_client.get(page.url)
        assert response.status_code == 200, page.title
        assert page.title in response.content.decode()


@pytest.mark.django_db
def test_reporting_pages_are_closed_to_anonymous_visitors(reporting, client):
    for page in (reporting.index, reporting.deviation_form, reporting.board):
        response = client.get(page.url)
        assert response.status_code == 302
        assert response.url.startswith("/login/")
