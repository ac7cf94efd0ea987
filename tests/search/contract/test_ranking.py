"""Ranking: a document number typed as the query comes first; a title match ranks above body matches."""

import pytest

from tests.search.contract.helpers import all_hit_ids


@pytest.mark.parametrize("form", ["as written", "lower case", "with a space", "without a dash", "without zeros"])
def test_a_document_number_finds_that_document_first(search_backend, known_handbook, form):
    journal = known_handbook.docs.journal
    prefix, number = journal.document_number.split("-")
    query = {
        "as written": journal.document_number,
        "lower case": journal.document_number.lower(),
        "with a space": f"{prefix} {number}",
        "without a dash": f"{prefix}{number}",
        "without zeros": f"{prefix}-{int(number)}",
    }[form]

    ids = all_hit_ids(search_backend, query)

    assert ids and ids[0] == journal.pk


def test_the_document_number_leads_even_when_another_document_mentions_it(search_backend, known_handbook):
    docs = known_handbook.docs
    assert docs.journal.document_number in docs.audit.body.raw_data[0]["value"]  # the audit names the journal

    ids = all_hit_ids(search_backend, docs.journal.document_number)

    assert ids[0] == docs.journal.pk


def test_the_word_in_the_title_ranks_above_the_word_often_in_the_body(search_backend, known_handbook):
    docs = known_handbook.docs  # "Håndtering af afvigelser" vs "Registrering ...", whose body says it four times

    ids = all_hit_ids(search_backend, "afvigelser")

    assert ids.index(docs.deviations.pk) < ids.index(docs.registration.pk)
