"""What a hit shows: its document's details, an excerpt with the matched words marked, and matching attachments."""

import re

from tests.search.contract.helpers import search
from tests.search.factories import ATTACHMENT_PHRASE, EVERYWHERE


def hit_for(result, page):
    return next(hit for hit in result.hits if hit.page_id == page.pk)


def marked(excerpt):
    return [word.lower() for word in re.findall(r"<mark>(.*?)</mark>", str(excerpt))]


def test_a_hit_carries_the_documents_details(search_backend, known_handbook):
    registration = known_handbook.docs.registration

    hit = hit_for(search(search_backend, "afvigelserne"), registration)

    assert hit.title == "Registrering i sagssystemet"
    assert hit.document_number == registration.document_number
    assert hit.url == registration.url
    assert str(hit.type_label) == "instruks"
    assert hit.section == "Fælles"
    assert hit.version == "1.0"
    assert hit.date.isoformat() == "2026-03-01"


def test_the_excerpt_marks_the_inflected_word(search_backend, known_handbook):
    hit = hit_for(search(search_backend, "afvigelserne"), known_handbook.docs.registration)

    assert marked(hit.excerpt) and set(marked(hit.excerpt)) == {"afvigelse"}


def test_the_excerpt_escapes_html_in_the_document(search_backend, known_handbook):
    hit = hit_for(search(search_backend, "støjmålingerne"), known_handbook.docs.measuring)

    excerpt = str(hit.excerpt)
    assert marked(excerpt) == ["støjmålinger"]
    assert "&lt;script&gt;" in excerpt
    assert "<script" not in excerpt and "<b>" not in excerpt
    assert re.sub(r"</?mark>", "", excerpt).count("<") == 0


def test_a_phrase_is_marked_word_by_word(search_backend, known_handbook):
    hit = hit_for(search(search_backend, '"intern audit"'), known_handbook.docs.policy)

    assert "<mark>intern</mark> <mark>audit</mark>" in str(hit.excerpt)


def test_the_text_of_an_attachment_finds_its_document(search_backend, known_handbook):
    waste = known_handbook.docs.waste

    result = search(search_backend, f'"{ATTACHMENT_PHRASE}"')

    assert [hit.page_id for hit in result.hits] == [waste.pk]
    [attachment] = result.hits[0].attachments
    assert attachment.title == "Skabelon: Sorteringsvejledning"
    assert attachment.url == waste.attached_documents()[0].url
    assert "vægtbroen" in marked(attachment.excerpt)


def test_one_word_of_an_attachment_finds_it_in_any_inflection(search_backend, known_handbook):
    result = search(search_backend, "vægtbro")

    assert [hit.page_id for hit in result.hits] == [known_handbook.docs.waste.pk]
    assert marked(result.hits[0].attachments[0].excerpt) == ["vægtbroen"]


def test_an_attachment_that_does_not_match_is_not_listed(search_backend, known_handbook):
    hit = hit_for(search(search_backend, "affaldssortering"), known_handbook.docs.waste)

    assert hit.attachments == []


def test_a_hit_without_a_match_outside_the_title_still_has_text(search_backend, known_handbook):
    # Every hit of a search shows something under its title: an excerpt, or the summary.
    for hit in search(search_backend, EVERYWHERE).hits:
        assert EVERYWHERE in str(hit.excerpt).replace("<mark>", "").replace("</mark>", "")
