"""Turns the ids a backend found into hits for the page: metadata, section and excerpts, in a fixed number
of queries however many documents matched."""

from django.utils import timezone
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.models import Page

from handbook.models import AttachmentText, ControlledDocumentPage
from search.facets import document_types, type_name
from search.results import AttachmentHit, Hit


def page_text(page):
    """The document's own words as a reader sees them: summary and body, without markup."""
    return " ".join([page.summary, *page.body.stream_block.get_searchable_content(page.body)])


def _attachment_ids(page):
    return [block["value"].get("document") for block in page.attachments.raw_data if block["value"].get("document")]


def _attachments(pages):
    ids = {document_id for page in pages for document_id in _attachment_ids(page)}
    documents = get_document_model().objects.in_bulk(ids)
    texts = dict(AttachmentText.objects.filter(document_id__in=ids).values_list("document_id", "text"))
    return documents, texts


def _sections(pages):
    paths = {page.path[: -Page.steplen] for page in pages}
    return dict(Page.objects.filter(path__in=paths).values_list("path", "title"))


def load_hits(page_ids, highlighter, http_request=None):
    """Hits in the order of `page_ids`; `highlighter` marks the words that matched in each text."""
    pages = ControlledDocumentPage.objects.in_bulk(page_ids)
    pages = [pages[page_id] for page_id in page_ids if page_id in pages]
    documents, texts = _attachments(pages)
    sections = _sections(pages)
    types = document_types()
    hits = []
    for page in pages:
        attachment_hits = []
        for document_id in _attachment_ids(page):
            document = documents.get(document_id)
            excerpt = highlighter.attachment_excerpt(page, document_id, texts.get(document_id, ""))
            if document and excerpt:
                attachment_hits.append(AttachmentHit(document.title, document.url, excerpt))
        published = page.last_published_at
        hits.append(
            Hit(
                page_id=page.id,
                title=page.title,
                url=page.get_url(http_request),
                document_number=page.document_number,
                type_label=str(types.get(type_name(page.content_type_id), "")),
                section=sections.get(page.path[: -Page.steplen], ""),
                version=page.version,
                date=timezone.localdate(published) if published else None,
                excerpt=highlighter.body_excerpt(page, page_text(page)) or escape(page.summary),
                attachments=attachment_hits,
            )
        )
    return hits
