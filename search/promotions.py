"""Recommended results: the pages editors have pinned to a query with Wagtail's search promotions."""

from django.utils.html import escape
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from search.hits import load_hits
from search.results import Hit


class _Plain:
    """Recommended documents are shown with their summary, not an excerpt."""

    def body_excerpt(self, page, text):
        return ""

    def attachment_excerpt(self, page, document_id, text):
        return ""


def recommended(text, http_request=None):
    """Hits for the promotions of this query, in the editors' order; only live pages anyone may see."""
    promotions = list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(text)).order_by("sort_order", "pk")
    )
    page_ids = [promotion.page_id for promotion in promotions if promotion.page_id]
    visible = set(Page.objects.live().public().filter(id__in=page_ids).values_list("id", flat=True))
    # load_hits keeps the handbook documents; any other page is shown by its title.
    shown = [page_id for page_id in page_ids if page_id in visible]
    document_hits = {hit.page_id: hit for hit in load_hits(shown, _Plain(), http_request)}
    other_pages = Page.objects.in_bulk(visible - set(document_hits))
    hits = []
    for promotion in promotions:
        if promotion.page_id in document_hits:
            hit = document_hits[promotion.page_id]
        elif promotion.page_id in other_pages:
            page = other_pages[promotion.page_id]
            hit = _link_hit(page.id, page.title, page.get_url(http_request))
        elif not promotion.page_id and promotion.external_link_url:
            hit = _link_hit(0, promotion.external_link_text or promotion.external_link_url, promotion.external_link_url)
        else:
            continue  # a draft, private or deleted page is recommended to no one
        if promotion.description:
            hit.excerpt = escape(promotion.description)
        hit.recommended = True
        hits.append(hit)
    return hits


def _link_hit(page_id, title, url):
    return Hit(page_id, title, url, document_number="", type_label="", section="", version="", date=None, excerpt="")
