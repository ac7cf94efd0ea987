import pytest
from wagtail.models import Page

from forms.models import ReportingIndexPage
from handbook.models import (
    ControlledDocumentPage,
    HandbookIndexPage,
    InstructionPage,
    PolicyPage,
    ProcedurePage,
    SectionPage,
)
from home.models import HomePage

DOCUMENT_TYPES = {PolicyPage, ProcedurePage, InstructionPage}


def test_home_page_sits_at_the_root_and_holds_the_handbook_and_the_reporting_section():
    assert set(HomePage.allowed_parent_page_models()) == {Page}
    assert set(HomePage.allowed_subpage_models()) == {HandbookIndexPage, ReportingIndexPage}


def test_handbook_holds_sections_only():
    assert set(HandbookIndexPage.allowed_parent_page_models()) == {HomePage}
    assert set(HandbookIndexPage.allowed_subpage_models()) == {SectionPage}


def test_sections_hold_the_three_document_types():
    assert set(SectionPage.allowed_parent_page_models()) == {HandbookIndexPage}
    assert set(SectionPage.allowed_subpage_models()) == DOCUMENT_TYPES


@pytest.mark.parametrize("page_class", sorted(DOCUMENT_TYPES, key=lambda cls: cls.__name__))
def test_documents_live_in_sections_and_are_leaves(page_class):
    assert set(page_class.allowed_parent_page_models()) == {SectionPage}
    assert page_class.allowed_subpage_models() == []


def test_the_shared_base_is_not_a_page_type_editors_can_create():
    assert not ControlledDocumentPage.is_creatable


@pytest.mark.django_db
def test_one_handbook_and_one_front_page_per_site(site_tree):
    assert not HandbookIndexPage.can_create_at(site_tree.home)
    assert not HomePage.can_create_at(site_tree.root)
    assert SectionPage.can_create_at(site_tree.handbook)
    assert ProcedurePage.can_create_at(site_tree.section)
    assert not ProcedurePage.can_create_at(site_tree.handbook)
