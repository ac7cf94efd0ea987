import pytest

from handbook.models import ControlledDocumentPage, InstructionPage, PolicyPage, ProcedurePage
from tests.factories import make_document

pytestmark = pytest.mark.django_db


def test_each_type_gets_its_own_prefix_and_running_number(site_tree):
    first_procedure = make_document(site_tree.section, ProcedurePage, title="A", slug="a")
    policy = make_document(site_tree.section, PolicyPage, title="B", slug="b")
    instruction = make_document(site_tree.section, InstructionPage, title="C", slug="c")
    second_procedure = make_document(site_tree.section, ProcedurePage, title="D", slug="d")

    assert first_procedure.document_number == "PRO-001"
    assert second_procedure.document_number == "PRO-002"
    assert policy.document_number == "POL-001"
    assert instruction.document_number == "INS-001"


def test_numbers_are_not_reused_after_deletion(site_tree):
    make_document(site_tree.section, title="A", slug="a")
    deleted = make_document(site_tree.section, title="B", slug="b")
    deleted.delete()

    newest = make_document(site_tree.section, title="C", slug="c")

    assert newest.document_number == "PRO-003"
    assert not ControlledDocumentPage.objects.filter(document_number="PRO-002").exists()


def test_editors_cannot_change_the_number(site_tree):
    page = make_document(site_tree.section, title="A", slug="a")
    form_class = page.get_edit_handler().get_form_class()

    assert "document_number" not in form_class.base_fields
    page.title = "A, revideret"
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.document_number == "PRO-001"


def test_a_copy_gets_a_new_number_and_starts_at_version_one(site_tree):
    original = make_document(site_tree.section, title="A", slug="a")
    ProcedurePage.objects.filter(pk=original.pk).update(version_major=3, version_minor=2)
    original = ProcedurePage.objects.get(pk=original.pk)

    copy = original.copy(update_attrs={"title": "A (kopi)", "slug": "a-kopi"})

    assert copy.document_number == "PRO-002"
    assert copy.version == "1.0"


def test_two_creations_in_a_row_never_share_a_number(site_tree):
    pages = [make_document(site_tree.section, title=f"Dok {i}", slug=f"dok-{i}") for i in range(5)]

    numbers = [page.document_number for page in pages]
    assert numbers == ["PRO-001", "PRO-002", "PRO-003", "PRO-004", "PRO-005"]
