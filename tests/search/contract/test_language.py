"""Danish: an inflected word finds the document that says another inflection of it; quotes keep a phrase."""

import pytest

from tests.search.contract.helpers import all_hit_ids, search

# query, the document that says the word only in another inflection, and that inflection
INFLECTIONS = [
    ("afvigelserne", "registration", "afvigelse"),
    ("procedurer", "document_control", "procedure"),
    ("journaliseringen", "journal", "Journalisering"),
    ("klagerne", "noise", "klage"),
    ("tilsynene", "inspection", "tilsyn"),
    ("dispensationer", "dispensation", "dispensation"),
    ("støjmålingerne", "measuring", "støjmålinger"),
    ("kompetencevurderingen", "competence", "Kompetencevurdering"),
]


@pytest.mark.parametrize(("query", "key", "written"), INFLECTIONS, ids=[case[0] for case in INFLECTIONS])
def test_an_inflected_word_finds_the_document_saying_another_form(search_backend, known_handbook, query, key, written):
    document = getattr(known_handbook.docs, key)
    assert query not in document.title.lower() + document.summary.lower()  # the data really says another form

    assert document.pk in all_hit_ids(search_backend, query)


def test_question_words_do_not_stop_a_match(search_backend, known_handbook):
    ids = all_hit_ids(search_backend, "hvordan registreres en afvigelse")

    assert known_handbook.docs.registration.pk in ids[:3]


def test_a_quoted_phrase_matches_only_in_that_order(search_backend, known_handbook):
    docs = known_handbook.docs

    assert all_hit_ids(search_backend, '"intern audit"') == [docs.policy.pk]
    assert all_hit_ids(search_backend, '"audit intern"') == [docs.audit.pk]
    # Unquoted, the words may stand in any order.
    assert {docs.policy.pk, docs.audit.pk} <= set(all_hit_ids(search_backend, "audit intern"))


def test_a_phrase_and_a_word_must_both_match(search_backend, known_handbook):
    docs = known_handbook.docs

    assert all_hit_ids(search_backend, '"intern audit" forbedrer') == [docs.policy.pk]
    assert all_hit_ids(search_backend, '"intern audit" ledelsens') == []


def test_a_word_found_nowhere_finds_nothing(search_backend, known_handbook):
    result = search(search_backend, "blåbærsyltetøj")

    assert (result.total, result.hits) == (0, [])
