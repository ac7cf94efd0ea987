"""Autocomplete: titles of visible documents that begin with what the reader has typed."""

import pytest


def titles(backend, text, **kwargs):
    return [suggestion.title for suggestion in backend.autocomplete(text, **kwargs)]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("afv", "Håndtering af afvigelser"),
        ("Afvig", "Håndtering af afvigelser"),
        ("håndt", "Håndtering af afvigelser"),
        ("journ", "Journalisering af post"),
        ("kompetence", "Kompetencevurdering"),
        ("dispensation naturbes", "Dispensation fra naturbeskyttelsesloven"),
    ],
)
def test_a_title_is_offered_for_its_first_letters(search_backend, known_handbook, text, title):
    assert title in titles(search_backend, text)


def test_only_visible_documents_are_offered(search_backend, known_handbook):
    visible = {page.title for page in vars(known_handbook.docs).values()}

    for text in ["afv", "af", "for", "rutine", "udkast", "fortrolig", "tidligere", "forslag"]:
        assert set(titles(search_backend, text)) <= visible, text


def test_a_suggestion_has_the_number_and_address(search_backend, known_handbook):
    deviations = known_handbook.docs.deviations

    [suggestion] = [s for s in search_backend.autocomplete("afv") if s.title == deviations.title]

    assert suggestion.document_number == deviations.document_number
    assert suggestion.url == deviations.url


def test_the_number_of_suggestions_is_limited(search_backend, known_handbook):
    assert len(titles(search_backend, "af")) > 2  # "Håndtering af ...", "Affaldssortering ...", "Måling af lyd"

    assert len(titles(search_backend, "af", limit=2)) == 2


def test_nothing_is_offered_for_a_word_no_title_begins_with(search_backend, known_handbook):
    assert titles(search_backend, "blåbær") == []
