"""Facets over the known handbook: counts per value, or within a facet, and across facets, own ticks ignored."""

from tests.search.contract.helpers import search
from tests.search.factories import EVERYWHERE

ALL_TYPES = {"policypage": 3, "procedurepage": 5, "instructionpage": 4}
TAG_COUNTS = {"kvalitet": 4, "audit": 2, "støj": 2, "afvigelser": 1, "it": 1, "sagsbehandling": 1, "klager": 1}
TAG_COUNTS |= {"tilsyn": 1, "affald": 1, "natur": 1, "kompetence": 1}


def counts(result, name):
    return {option.value: option.count for option in result.facet(name).options}


def selected(result, name):
    return {option.value for option in result.facet(name).options if option.selected}


def ids_of(*pages):
    return {str(page.pk) for page in pages}


def test_counts_for_the_whole_handbook(search_backend, known_handbook):
    s, o, tag = known_handbook.sections, known_handbook.owners, known_handbook.tag_slugs

    result = search(search_backend, EVERYWHERE)

    assert result.total == 12
    assert counts(result, "type") == ALL_TYPES
    assert counts(result, "section") == {str(s.common.pk): 4, str(s.environment.pk): 5, str(s.nature.pk): 3}
    assert counts(result, "owner") == {str(o.quality.pk): 4, str(o.environment.pk): 5, str(o.nature.pk): 2}
    assert counts(result, "tag") == {tag[name]: count for name, count in TAG_COUNTS.items()}


def test_facet_options_are_labelled(search_backend, known_handbook):
    result = search(search_backend, EVERYWHERE)

    labels = {facet.name: {option.label for option in facet.options} for facet in result.facets}
    assert labels["section"] == {"Fælles", "Miljø", "Natur"}
    assert labels["owner"] == {"Kvalitet", "Team Miljø", "Team Natur"}
    assert {"kvalitet", "støj", "audit"} <= labels["tag"]
    assert len(labels["type"]) == 3


def test_counts_follow_the_query(search_backend, known_handbook):
    s = known_handbook.sections

    result = search(search_backend, "afvigelse")  # "Håndtering af afvigelser" and "Registrering i sagssystemet"

    assert result.total == 2
    assert counts(result, "type") == {"procedurepage": 1, "instructionpage": 1}
    assert counts(result, "section") == {str(s.common.pk): 2}


def test_values_of_one_facet_widen_the_search(search_backend, known_handbook):
    result = search(search_backend, EVERYWHERE, types=("procedurepage", "instructionpage"))

    assert result.total == 9
    assert selected(result, "type") == {"procedurepage", "instructionpage"}


def test_values_of_different_facets_narrow_it(search_backend, known_handbook):
    docs, s = known_handbook.docs, known_handbook.sections

    result = search(search_backend, EVERYWHERE, types=("procedurepage",), sections=(s.environment.pk,))

    assert {str(hit.page_id) for hit in result.hits} == ids_of(docs.journal, docs.noise)
    assert result.total == 2


def test_each_facet_ignores_its_own_ticks(search_backend, known_handbook):
    s, o = known_handbook.sections, known_handbook.owners

    result = search(search_backend, EVERYWHERE, types=("procedurepage",))

    assert result.total == 5
    assert counts(result, "type") == ALL_TYPES  # the other types stay on offer, with their own counts
    assert counts(result, "section") == {str(s.common.pk): 2, str(s.environment.pk): 2, str(s.nature.pk): 1}
    assert counts(result, "owner") == {str(o.quality.pk): 2, str(o.environment.pk): 2, str(o.nature.pk): 1}


def test_counts_under_ticks_in_two_facets(search_backend, known_handbook):
    s, o = known_handbook.sections, known_handbook.owners

    result = search(search_backend, EVERYWHERE, types=("procedurepage",), owners=(o.quality.pk,))

    assert result.total == 2  # "Håndtering af afvigelser" and "Audit og ledelsens gennemgang"
    assert counts(result, "type") == {"procedurepage": 2, "policypage": 1, "instructionpage": 1}
    assert counts(result, "owner") == {str(o.quality.pk): 2, str(o.environment.pk): 2, str(o.nature.pk): 1}
    assert counts(result, "section") == {str(s.common.pk): 2}


def test_a_tag_filter(search_backend, known_handbook):
    docs, tag = known_handbook.docs, known_handbook.tag_slugs

    result = search(search_backend, EVERYWHERE, tags=(tag["støj"],))

    assert {str(hit.page_id) for hit in result.hits} == ids_of(docs.noise, docs.measuring)
    assert selected(result, "tag") == {tag["støj"]}


def test_a_ticked_value_without_matches_stays_on_offer_and_ticked(search_backend, known_handbook):
    s = known_handbook.sections

    result = search(search_backend, "afvigelse", sections=(s.nature.pk,))

    assert result.total == 0
    assert selected(result, "section") == {str(s.nature.pk)}
    assert counts(result, "section")[str(s.nature.pk)] == 0


def test_hidden_documents_are_not_counted(search_backend, known_handbook):
    # The draft, the private and the unpublished document all say "afvigelse", with tag "kvalitet"/"støj".
    result = search(search_backend, "afvigelse")

    assert sum(counts(result, "type").values()) == 2
    assert counts(result, "tag") == {known_handbook.tag_slugs[name]: 1 for name in ("kvalitet", "afvigelser", "it")}


def test_an_unknown_value_is_not_an_error_and_not_offered(search_backend, known_handbook):
    unfiltered = search(search_backend, EVERYWHERE)

    for fields in [{"types": ("foo",)}, {"sections": (999_999,)}, {"owners": (-1,)}, {"tags": ("findes-ikke",)}]:
        result = search(search_backend, EVERYWHERE, **fields)

        assert result.total in (0, unfiltered.total), fields  # matches nothing, or the value is ignored
        assert len(result.hits) == min(result.total, 10)
        for facet in result.facets:
            assert {option.value for option in facet.options} <= {o.value for o in unfiltered.facet(facet.name).options}


def test_an_unknown_value_beside_a_known_one_leaves_the_known_one(search_backend, known_handbook):
    result = search(search_backend, EVERYWHERE, types=("procedurepage", "foo"))

    assert result.total == 5
