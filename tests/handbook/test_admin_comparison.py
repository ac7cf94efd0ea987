"""The admin's comparison of two revisions of a controlled document reads as the document does
(handbook.admin_comparison): tables as tables, Danish dates, people and documents by name, blocks by label."""

import copy
import datetime
import json
import zoneinfo
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from wagtail.admin import compare
from wagtail.admin.panels import FieldPanel
from wagtail.documents import get_document_model
from wagtail.models import Revision

import handbook.wagtail_hooks  # noqa: F401 (registers the comparison classes, as the admin does on start)
from handbook.admin_comparison import DateFieldComparison, StreamComparison, date_text
from handbook.models import IsoClause, ProcedurePage
from tests.factories import GroupFactory, UserFactory, build_site, make_document

pytestmark = pytest.mark.django_db

COPENHAGEN = zoneinfo.ZoneInfo("Europe/Copenhagen")


def body_block(raw, block_type):
    return next(block for block in raw if block["type"] == block_type)


@pytest.fixture(scope="module")
def versions(django_db_setup, django_db_blocker):
    """A published procedure (revision a) and a draft (revision b) that changes every field an approver checks;
    built once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        site = build_site()
        related = make_document(site.section, title="Tilsyn med virksomheder", slug="tilsyn")
        page = make_document(site.section, slug="klager")
        published = page.live_revision
        nature = GroupFactory(name="Team Natur")
        template = get_document_model().objects.create(
            title="Skabelon til partshøring", file=ContentFile(b"Skabelon", name="partshoering.docx")
        )

        body = copy.deepcopy(list(page.body.raw_data))
        body_block(body, "paragraph")["value"] = (
            "<p>Natarbejde kræver altid en særlig vurdering.</p><p>Ring til vagten.</p>"
        )
        body_block(body, "note")["value"]["kind"] = "info"
        body_block(body, "table")["value"]["data"] = [
            ["Sagstype", "Grænseværdi"],
            ["Dag", "55 dB(A)"],
            ["Nat", "35 dB(A)"],
            ["Weekend", "40 dB(A)"],
        ]
        body_block(body, "steps")["value"]["steps"].append(
            {
                "type": "item",
                "id": "0b4e7a8e-1111-4c5e-9d7a-3f0c2b8e9a01",
                "value": {"title": "Afgørelse", "text": "<p>Træf afgørelse.</p>", "responsible": "Enhedsleder"},
            }
        )
        body.remove(body_block(body, "heading"))
        legal_basis = copy.deepcopy(list(page.legal_basis.raw_data))
        legal_basis[0]["value"]["provision"] = "§ 42, stk. 2"

        page.title = "Behandling af klager over støj og lugt"
        page.body = json.dumps(body)
        page.legal_basis = json.dumps(legal_basis)
        page.attachments = json.dumps(
            [
                {
                    "type": "attachment",
                    "value": {"document": template.pk, "kind": "template", "description": "Bruges ved partshøring"},
                }
            ]
        )
        page.effective_date = datetime.date(2026, 12, 15)
        page.next_review_date = datetime.date(2028, 12, 15)
        page.review_interval_months = 24
        page.go_live_at = datetime.datetime(2026, 12, 15, 8, 0, tzinfo=COPENHAGEN)
        page.owner_team = nature
        page.approver = UserFactory(username="bo", first_name="Bo", last_name="Lund")
        page.change_summary = "Nye frister for natarbejde."
        page.is_significant_change = True
        page.acknowledgement_groups.set([nature])
        page.tags.add("lugt")
        page.tags.remove("klager")
        page.iso_clauses.set(IsoClause.objects.filter(number__in=["7.5", "8.5"]))
        page.related_documents.set([related])
        draft = page.save_revision()

        yield SimpleNamespace(page=page, related=related, template=template, a=published.pk, b=draft.pk)
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def danish():
    with translation.override("da"):
        yield


def compared(versions, field_name):
    """The field's comparison between the two revisions, as the admin's compare view makes it."""
    old, new = (Revision.objects.get(pk=pk).as_object() for pk in (versions.a, versions.b))
    comparison_class = FieldPanel(field_name).bind_to_model(ProcedurePage).get_comparison_class()
    return comparison_class(ProcedurePage._meta.get_field(field_name), old, new)


def read(html):
    """What a person reads: the text, and the words marked added and removed."""
    soup = BeautifulSoup(str(html), "html.parser")
    return SimpleNamespace(
        soup=soup,
        text=soup.get_text(" ", strip=True),
        added=[span.get_text() for span in soup.select("span.addition")],
        removed=[span.get_text() for span in soup.select("span.deletion")],
    )


# Document control ---------------------------------------------------------------------------------------------


def test_dates_read_in_danish(versions):
    comparison = compared(versions, "effective_date")
    html = comparison.htmldiff()

    assert comparison.has_changed()
    assert read(html).removed == ["1. marts 2026"]
    assert read(html).added == ["15. december 2026"]
    assert read(compared(versions, "next_review_date").htmldiff()).added == ["15. december 2028"]


def test_a_moment_reads_in_danish_in_copenhagen_time(versions):
    page = read(compared(versions, "go_live_at").htmldiff())

    assert page.added == ["15. december 2026 kl. 08:00"]
    assert page.removed == []
    assert "None" not in page.text
    assert date_text(datetime.datetime(2026, 6, 1, 22, 30, tzinfo=datetime.UTC)) == "2. juni 2026 kl. 00:30"


def test_an_empty_date_in_both_versions_reads_as_not_set():
    field = ProcedurePage._meta.get_field("effective_date")
    comparison = DateFieldComparison(field, ProcedurePage(effective_date=None), ProcedurePage(effective_date=None))

    assert not comparison.has_changed()
    assert read(comparison.htmldiff()).text == "Ikke angivet"


def test_people_read_by_full_name(versions):
    approver = read(compared(versions, "approver").htmldiff())

    assert approver.removed == ["Anne Holm"]
    assert approver.added == ["Bo Lund"]
    assert not compared(versions, "responsible_person").has_changed()
    assert read(compared(versions, "responsible_person").htmldiff()).text == "Rasmus Nielsen"


def test_a_deleted_person_leaves_the_rest_readable(versions, admin_client):
    get_user_model().objects.filter(username="bo").delete()

    approver = read(compared(versions, "approver").htmldiff())

    assert approver.removed == ["Anne Holm"]
    assert approver.added == []
    response = admin_client.get(compare_url(versions))
    assert response.status_code == 200


def test_the_owner_team_reads_by_name(versions):
    owner = read(compared(versions, "owner_team").htmldiff())

    assert (owner.removed, owner.added) == (["Team Miljø"], ["Team Natur"])


def test_the_groups_asked_to_confirm_read_by_name(versions):
    groups = read(compared(versions, "acknowledgement_groups").htmldiff())

    assert groups.added == ["Team Natur"]
    assert groups.text == "Team Natur"


def test_iso_clauses_read_by_their_label_in_clause_order(versions):
    clauses = read(compared(versions, "iso_clauses").htmldiff())

    assert clauses.added == [str(IsoClause.objects.get(number="7.5"))]
    assert clauses.removed == [str(IsoClause.objects.get(number="9.1"))]
    assert clauses.text.startswith("7.5 ")
    assert str(IsoClause.objects.get(number="8.5")) in clauses.text


def test_tags_read_by_name(versions):
    tags = read(compared(versions, "tags").htmldiff())

    assert (tags.added, tags.removed) == (["lugt"], ["klager"])
    assert "støj" in tags.text


def test_related_documents_read_by_number_and_title(versions):
    related = read(compared(versions, "related_documents").htmldiff())

    assert related.added == [f"{versions.related.document_number} Tilsyn med virksomheder"]


def test_booleans_read_as_yes_and_no(versions):
    significant = read(compared(versions, "is_significant_change").htmldiff())

    assert (significant.removed, significant.added) == (["Nej"], ["Ja"])


def test_numbers_and_text_fields(versions):
    assert read(compared(versions, "review_interval_months").htmldiff()).added == ["24"]
    assert "Nye frister for natarbejde." in read(compared(versions, "change_summary").htmldiff()).added
    assert not compared(versions, "version_major").has_changed()


# StreamField blocks -------------------------------------------------------------------------------------------


def test_a_table_block_reads_as_a_table(versions):
    body = read(compared(versions, "body").htmldiff())
    table = body.soup.select_one("table.handbook-comparison-table")

    assert "{'data'" not in str(body.soup)
    assert table.caption.get_text() == "Vejledende støjgrænser"
    header = table.select("tr")[0]
    assert [cell.name for cell in header.find_all(["th", "td"])] == ["th", "th"]
    assert "Sagstype" in header.get_text() and "Tidspunkt" in header.get_text()
    assert [span.get_text() for span in header.select("span.addition")] == ["Sagstype"]
    rows = {row.get_text(" ", strip=True): row.get("class") or [] for row in table.select("tr")[1:]}
    assert "addition" not in rows["Dag 55 dB(A)"] and "deletion" not in rows["Dag 55 dB(A)"]
    assert rows["Weekend 40 dB(A)"] == ["addition"]
    night = next(row for row in table.select("tr") if "Nat" in row.get_text())
    assert [span.get_text() for span in night.select("span.deletion")] == ["40"]
    assert [span.get_text() for span in night.select("span.addition")] == ["35"]


def test_rich_text_is_compared_paragraph_by_paragraph_and_word_by_word(versions):
    body = read(compared(versions, "body").htmldiff())

    assert "altid en" in body.added
    assert "Ring til vagten." in body.added
    assert "<p>" not in body.text


def test_blocks_read_by_label_and_choices_by_name(versions):
    body = read(compared(versions, "body").htmldiff())

    labels = [label.get_text(" ", strip=True) for label in body.soup.select(".handbook-comparison-label")]
    assert "Overskrift (fjernet)" in labels  # the heading block taken out
    assert "Tabel" in labels
    assert "Trin (tilføjet)" in labels  # a step added to the numbered steps
    assert "Advarsel" in body.removed and "Bemærk" in body.added
    assert "warning" not in body.text


def test_the_legal_basis_reads_field_by_field(versions):
    legal = read(compared(versions, "legal_basis").htmldiff())

    assert "Miljøbeskyttelsesloven" in legal.text
    assert "stk" in " ".join(legal.added)
    assert "https://www.retsinformation.dk/eli/lta/2024/1093" in legal.text


def test_an_attachment_reads_by_title_and_kind(versions):
    attachments = read(compared(versions, "attachments").htmldiff())

    assert "Skabelon til partshøring" in attachments.text
    assert "Skabelon" in [dd.get_text() for dd in attachments.soup.select("dd")]
    assert "Bruges ved partshøring" in attachments.text
    assert "(tilføjet)" in attachments.text
    assert "template" not in attachments.text


def test_a_deleted_attachment_is_said_to_be_deleted(versions, admin_client):
    get_document_model().objects.filter(pk=versions.template.pk).delete()

    attachments = read(compared(versions, "attachments").htmldiff())

    assert "(slettet)" in attachments.text
    assert admin_client.get(compare_url(versions)).status_code == 200


def test_documents_fields_get_these_comparisons_and_other_models_keep_wagtails():
    edit_handler = ProcedurePage.get_edit_handler()
    chosen = {
        comparison.args[0].name: comparison.func
        for comparison in edit_handler.get_bound_panel(instance=ProcedurePage(), form=None).get_comparison()
    }

    assert chosen["effective_date"].__module__ == "handbook.admin_comparison"
    assert chosen["body"].__module__ == "handbook.admin_comparison"
    assert chosen["approver"].__module__ == "handbook.admin_comparison"
    # Models other than controlled documents keep Wagtail's own comparison.
    user_field = FieldPanel("date_joined").bind_to_model(get_user_model())
    assert user_field.get_comparison_class() is compare.FieldComparison


def test_blocks_stored_without_ids_or_values_still_compare():
    stream_block = ProcedurePage._meta.get_field("body").stream_block
    old = stream_block.to_python([{"type": "table", "value": None}, {"type": "heading", "value": {"text": "Frister"}}])
    new = stream_block.to_python(
        [{"type": "table", "value": {"data": [["Sagstype", None]]}}, {"type": "paragraph", "value": "<p>Ny</p>"}]
    )

    body = read(StreamComparison(stream_block, True, True, old, new).htmldiff())

    assert "Sagstype" in body.added
    assert "Overskrift (fjernet)" in body.text and "Tekst (tilføjet)" in body.text
    assert "None" not in body.text


# The admin's compare view -------------------------------------------------------------------------------------


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="admin", is_superuser=True, is_staff=True))
    return client


def compare_url(versions):
    return reverse("wagtailadmin_pages:revisions_compare", args=[versions.page.pk, versions.a, versions.b])


def test_the_admin_compare_view_reads_as_the_document(versions, admin_client):
    response = admin_client.get(compare_url(versions))

    assert response.status_code == 200
    page = read(response.content.decode())
    assert "{'data'" not in response.content.decode()
    assert "15. december 2026" in page.text
    assert "Sagstype" in page.text
    assert "Bo Lund" in page.added
    assert "Skabelon til partshøring" in page.text
    assert "admin_comparison.css" in response.content.decode()
    changes = page.soup.select_one("table.listing").get_text(" ", strip=True)
    assert "None" not in changes
