"""axe-core finds no WCAG 2.1 A/AA violation on a document's version history, an old version, a comparison and
the print view, and the comparison works without JavaScript from the history's form."""

from django.contrib.auth import get_user_model
from django.db.models import Count
from playwright.sync_api import expect

from handbook.models import ControlledDocumentPage, DocumentVersion, ProcedurePage
from tests.e2e.test_accessibility import violations


def document_with_versions():
    """A demo document with at least two published versions; one is revised here if the demo has none."""
    revised = (
        DocumentVersion.objects.exclude(revision=None)
        .values("document")
        .annotate(count=Count("pk"))
        .filter(count__gte=2)
        .values_list("document", flat=True)
    )
    document = ControlledDocumentPage.objects.live().filter(pk__in=list(revised)).first()
    if document is not None:
        return document.specific
    document = ProcedurePage.objects.live().first()
    approver = get_user_model().objects.get(username="enhedsleder")
    body = document.body.raw_data
    body.append({"type": "paragraph", "value": "<p>Afgørelsen sendes også til klageren med kopi til Team Natur.</p>"})
    document.body = list(body)
    document.change_summary = "Afgørelsen sendes nu også til klageren."
    document.save_revision(user=approver).publish(user=approver, skip_permission_checks=True)
    return ProcedurePage.objects.get(pk=document.pk)


def test_history_old_version_and_comparison_pages(reader_page, demo_site):
    document = document_with_versions()
    oldest = document.versions.order_by("major", "minor").first()
    base = demo_site.url + document.url
    old_version = document.reverse_subpage("version", kwargs={"major": oldest.major, "minor": oldest.minor})
    pages = {
        "versionshistorik": base + document.reverse_subpage("history"),
        "gammel version": base + old_version,
        "sammenligning": base + document.reverse_subpage("compare") + f"?fra={oldest.label}&til={document.version}",
        "sammenligning med fejl": base + document.reverse_subpage("compare") + "?fra=abc&til=",
        "udskrift": base + document.reverse_subpage("print"),
    }

    found = {name: violations(reader_page, url) for name, url in pages.items()}

    assert found == dict.fromkeys(pages, [])


def test_history_form_compares_two_versions(reader_page, demo_site):
    document = document_with_versions()
    reader_page.goto(demo_site.url + document.url)

    reader_page.get_by_role("link", name="Versionshistorik").click()
    expect(reader_page.get_by_role("heading", level=1)).to_contain_text("Versionshistorik")
    reader_page.get_by_role("button", name="Sammenlign").click()

    comparison = reader_page.locator("section.comparison")
    expect(comparison).to_contain_text(f"til version {document.version}")
    expect(comparison.locator("ins").first).to_be_visible()
