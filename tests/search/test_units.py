"""The pure parts of search: Danish stems and stop words, reading the query, excerpts and facet counting."""

import pytest
from django.http import QueryDict
from django.utils.safestring import SafeString

from search import facets
from search.highlight import StemHighlighter
from search.query import MAX_QUERY_LENGTH, SearchRequest, clean_text, parse_page, split_query
from search.text import STOP_WORDS, significant, stem, stemmed_text, words

# --- text.py ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("inflected", "base"),
    [
        ("afvigelserne", "afvigelse"),
        ("afvigelser", "afvigelse"),
        ("procedurer", "procedure"),
        ("journaliseringen", "journalisering"),
        ("klagerne", "klage"),
        ("tilsynene", "tilsyn"),
        ("dispensationer", "dispensation"),
        ("Afvigelsen", "afvigelse"),
        ("KLAGER", "klage"),
    ],
)
def test_inflections_share_a_stem(inflected, base):
    assert stem(inflected) == stem(base)


def test_different_words_keep_different_stems():
    assert len({stem(word) for word in ["afvigelse", "tilsyn", "klage", "procedure", "journalisering"]}) == 5


def test_words_are_letters_and_digits_only():
    assert words('Håndtering af "afvigelser", PRO-003!') == ["Håndtering", "af", "afvigelser", "PRO", "003"]
    assert words(None) == [] and words("") == [] and words("* ' ; --") == []


def test_stemmed_text_keeps_the_order_so_phrases_still_match():
    assert stemmed_text("Afvigelserne og klagerne") == stemmed_text("afvigelse og klage")
    assert stemmed_text("klage afvigelse") != stemmed_text("afvigelse klage")
    assert len(stemmed_text("en afvigelse i dag").split()) == 4


def test_stop_words_and_question_words_are_dropped():
    assert {"og", "af", "i", "en", "hvordan", "jeg"} <= STOP_WORDS
    assert significant(["Hvordan", "håndterer", "jeg", "en", "klage"]) == ["håndterer", "klage"]


def test_a_query_of_stop_words_only_is_kept_whole():
    assert significant(["og", "i"]) == ["og", "i"]
    assert significant([]) == []


# --- query.py --------------------------------------------------------------------------------------------


def test_clean_text_removes_control_characters_and_spaces_and_cuts_the_length():
    assert clean_text("  afv\x00igelse \t\n klage\x7f ") == "afv igelse klage"
    assert clean_text(None) == ""
    assert clean_text("a" * 10_000) == "a" * MAX_QUERY_LENGTH


@pytest.mark.parametrize(
    ("text", "phrases", "rest"),
    [
        ('"intern audit" plan', ["intern audit"], ["plan"]),
        ('plan "intern audit"', ["intern audit"], ["plan"]),
        ('"intern audit', [], ["intern", "audit"]),
        ('intern audit"', [], ["intern", "audit"]),
        ('a "b c" "d', ["b c"], ["a", "d"]),
        ('"a" "b c"', ["a", "b c"], []),
        ('""', [], []),
        ('"  "', [], []),
        ('"PRO-003 klage"', ["PRO 003 klage"], []),
        ("afvigelse OR tilsyn", [], ["afvigelse", "OR", "tilsyn"]),
        ("afvigelse AND NOT tilsyn", [], ["afvigelse", "AND", "NOT", "tilsyn"]),
        ("title:x {a b} afv* -klage ^2", [], ["title", "x", "a", "b", "afv", "klage", "2"]),
        ("'; DROP TABLE x; --", [], ["DROP", "TABLE", "x"]),
    ],
)
def test_a_query_splits_into_phrases_and_words(text, phrases, rest):
    assert split_query(text) == (phrases, rest)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("PRO-003", "PRO-003"),
        ("PRO-14", "PRO-014"),
        ("pro 014", "PRO-014"),
        ("PRO014", "PRO-014"),
        ("pro-3", "PRO-003"),
        ("ins-1000", "INS-1000"),
        ("POL 7", "POL-007"),
        ("PRO-003 klage", None),
        ("procedure", None),
        ("PRO-", None),
        ("AB-1", None),
        ("PRO-123456", None),
        ("PRO--3", None),
        ("", None),
    ],
)
def test_a_document_number_is_read_in_any_usual_spelling(text, number):
    assert SearchRequest(text=text).document_number() == number


@pytest.mark.parametrize(
    ("raw", "page_number"),
    [("2", 2), (" 3 ", 3), ("-1", 1), ("0", 1), ("abc", 1), ("", 1), (None, 1), ("1e9", 1), ("2.5", 1)]
    + [("999999", 1000), ("99999999999999999999999", 1000)],
)
def test_page_numbers_are_read_safely(raw, page_number):
    assert parse_page(raw) == page_number


def test_the_request_is_read_from_the_address():
    querydict = QueryDict(
        "q=+afvigelse++klage+&type=procedurepage&type=procedurepage&type=%3Cscript%3E&type=procedure%00page"
        "&section=5&section=abc&section=1.5&owner=3&owner=x&tag=st%C3%B8j&tag=a+b&tag=%3Cb%3E&page=2"
    )

    request = SearchRequest.from_querydict(querydict)

    assert request.text == "afvigelse klage"
    assert request.types == ("procedurepage",)  # once, and the null byte taken out
    assert request.sections == (5,)
    assert request.owners == (3,)
    assert request.tags == ("støj",)
    assert request.page == 2
    assert request.words == ["afvigelse", "klage"] and request.phrases == []


def test_a_facet_takes_at_most_twenty_values():
    querydict = QueryDict("&".join(f"section={n}" for n in range(1, 500)))

    assert len(SearchRequest.from_querydict(querydict).sections) == 20


def test_an_empty_request():
    assert SearchRequest.from_querydict(QueryDict("")) == SearchRequest()
    for text in ["", '""', "*", "' ; --", "   "]:
        assert SearchRequest(text=text).is_empty, text
    assert not SearchRequest(text="afv").is_empty
    assert not SearchRequest().has_filters and SearchRequest(tags=("støj",)).has_filters


def test_the_request_is_changed_by_copy():
    request = SearchRequest(text="afvigelse", types=("procedurepage",), page=3)

    assert request.with_page(1).page == 1 and request.page == 3
    assert request.matching_any().match_any and not request.match_any
    assert request.matching_any() == request  # the fallback is not another request
    assert request.filters() == {"type": ("procedurepage",), "section": (), "tag": (), "owner": ()}


# --- highlight.py ----------------------------------------------------------------------------------------


def test_the_excerpt_marks_every_inflection_as_written():
    excerpt = StemHighlighter(["afvigelserne"]).excerpt("Afvigelsen lukkes. Alle afvigelser skrives ned.")

    assert excerpt == "<mark>Afvigelsen</mark> lukkes. Alle <mark>afvigelser</mark> skrives ned"
    assert isinstance(excerpt, SafeString)


def test_the_excerpt_escapes_the_text():
    excerpt = StemHighlighter(["afvigelse"]).excerpt('Se <b>afvigelse</b> & "x" <script> her')

    assert excerpt == "Se &lt;b&gt;<mark>afvigelse</mark>&lt;/b&gt; &amp; &quot;x&quot; &lt;script&gt; her"


def test_no_match_gives_no_excerpt():
    highlighter = StemHighlighter(["tilsyn"])

    assert highlighter.excerpt("Hver afvigelse registreres.") == ""
    assert highlighter.excerpt("") == "" and highlighter.excerpt(None) == ""


def test_the_excerpt_is_the_densest_window_of_matches():
    filler = [f"ord{n}" for n in range(200)]
    filler[5] = "klage"  # a lone match early on
    filler[150:156] = ["klagen", "og", "klager", "om", "klagerne", "slut"]  # three close together later
    text = " ".join(filler)

    excerpt = StemHighlighter(["klage"]).excerpt(text)

    assert excerpt.count("<mark>") == 3 and "<mark>klage</mark>" not in excerpt
    assert excerpt.startswith("… ") and excerpt.endswith(" …")
    assert len(words(excerpt.replace("<mark>", "").replace("</mark>", ""))) <= 30


def test_an_excerpt_of_a_short_text_has_no_ellipsis():
    assert StemHighlighter(["tilsyn"]).excerpt("Et tilsyn varsles.") == "Et <mark>tilsyn</mark> varsles"


def test_a_phrase_is_marked_word_by_word():
    excerpt = StemHighlighter(["intern", "audit"]).excerpt("En intern audit hvert år.")

    assert excerpt == "En <mark>intern</mark> <mark>audit</mark> hvert år"


def test_body_and_attachment_excerpts_mark_alike():
    highlighter = StemHighlighter(["vægtbroen"])

    assert highlighter.body_excerpt(None, "Kalibrering af vægtbro.") == "Kalibrering af <mark>vægtbro</mark>"
    assert highlighter.attachment_excerpt(None, 1, "Vægtbroerne lukkes.") == "<mark>Vægtbroerne</mark> lukkes"


# --- facets.py -------------------------------------------------------------------------------------------


def row(type_, section, owner=None, tags=()):
    return {"type": {type_}, "section": {section}, "owner": {owner} if owner else set(), "tag": set(tags)}


ROWS = [
    row("procedurepage", 1, 10, ["støj", "klager"]),
    row("procedurepage", 2, 10, ["støj"]),
    row("policypage", 1, 11, []),
    row("instructionpage", 2, None, ["klager"]),
]


def test_passes_is_or_within_a_facet_and_and_across():
    values = ROWS[0]

    assert facets.passes(values, {"type": ("procedurepage", "policypage")})
    assert not facets.passes(values, {"type": ("policypage",)})
    assert facets.passes(values, {"type": ("policypage",)}, skip="type")
    assert facets.passes(values, {"type": ("procedurepage",), "tag": ("klager", "x")})
    assert not facets.passes(values, {"type": ("procedurepage",), "section": (2,)})
    assert facets.passes(values, {"type": (), "section": ()})


def test_counts_without_ticks():
    counts = facets.count(ROWS, {"type": (), "section": (), "tag": (), "owner": ()})

    assert counts["type"] == {"procedurepage": 2, "policypage": 1, "instructionpage": 1}
    assert counts["section"] == {1: 2, 2: 2}
    assert counts["owner"] == {10: 2, 11: 1}
    assert counts["tag"] == {"støj": 2, "klager": 2}


def test_each_facet_is_counted_under_the_other_facets_ticks_only():
    counts = facets.count(ROWS, {"type": ("procedurepage",), "section": (2,), "tag": (), "owner": ()})

    assert counts["type"] == {"procedurepage": 1, "instructionpage": 1}  # in section 2, whatever the type
    assert counts["section"] == {1: 1, 2: 1}  # procedures, whatever the section
    assert counts["tag"] == {"støj": 1}  # procedures in section 2
    assert counts["owner"] == {10: 1}


LABELS = {
    "type": {"procedurepage": "procedure", "policypage": "politik", "instructionpage": "instruks"},
    "section": {1: "Fælles", 2: "Miljø", 3: "Natur"},
    "owner": {10: "Kvalitet", 11: "Team Miljø"},
    "tag": {"støj": "støj", "klager": "klager"},
}


def test_build_offers_ticked_values_first_then_by_count():
    request = SearchRequest(text="x", sections=(3,))
    counts = facets.count(ROWS, {"type": (), "section": (), "tag": (), "owner": ()})

    built = {facet.name: facet for facet in facets.build(counts, request, LABELS)}

    sections = [(o.value, o.label, o.count, o.selected) for o in built["section"].options]
    assert sections == [("3", "Natur", 0, True), ("1", "Fælles", 2, False), ("2", "Miljø", 2, False)]
    assert [option.value for option in built["type"].options] == ["procedurepage", "instructionpage", "policypage"]
    assert [facet.name for facet in facets.build(counts, request, LABELS)] == ["type", "section", "tag", "owner"]


def test_build_never_offers_an_unknown_value():
    request = SearchRequest(text="x", types=("foo",), sections=(99,), tags=("<script>",), owners=(-1,))
    counts = facets.count(ROWS, request.filters())

    built = facets.build(counts, request, LABELS)

    offered = {(facet.name, option.value) for facet in built for option in facet.options}
    assert not offered & {("type", "foo"), ("section", "99"), ("tag", "<script>"), ("owner", "-1")}


def test_the_document_types_are_the_three_kinds():
    assert set(facets.document_types()) == {"policypage", "procedurepage", "instructionpage"}
