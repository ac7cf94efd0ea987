"""Two versions of a document's text, compared paragraph by paragraph and word by word (handbook.comparison)."""

from types import SimpleNamespace

import pytest
from django.utils import translation
from wagtail import blocks

from handbook.comparison import (
    CHANGED,
    DELETE,
    EQUAL,
    INSERT,
    TextParagraph,
    block_paragraphs,
    compare_paragraphs,
    document_text,
    rich_text_paragraphs,
    word_segments,
)
from handbook.models import ProcedurePage
from tests.factories import procedure_body


def marked(segments):
    """A compact rendering of segments: [-removed-] and {+added+}, as git's word diff writes them."""
    marks = {EQUAL: "{}", DELETE: "[-{}-]", INSERT: "{{+{}+}}"}
    return "".join(segment.lead + marks[segment.kind].format(segment.text) for segment in segments)


def paragraphs(*texts):
    return [TextParagraph(text) for text in texts]


def test_rich_text_is_read_one_paragraph_per_block_element():
    html = (
        '<p>Ring til <a linktype="page" id="3">vagten</a> &amp; skriv en note.</p>'
        "<ul><li>Første punkt</li><li>Andet\n   punkt</li></ul><h3>Frister</h3><p>Linje et<br/>Linje to</p><p> </p>"
    )

    assert rich_text_paragraphs(html) == [
        "Ring til vagten & skriv en note.",
        "Første punkt",
        "Andet punkt",
        "Frister",
        "Linje et",
        "Linje to",
    ]


def test_words_are_marked_added_and_removed_within_a_paragraph():
    segments = word_segments("Svar klageren inden 14 dage.", "Svar altid klageren inden 10 arbejdsdage.")

    assert marked(segments) == "Svar {+altid+} klageren inden [-14 dage-] {+10 arbejdsdage+}."


def test_words_removed_at_the_start_keep_the_space_before_what_follows():
    assert marked(word_segments("Altid svar klageren.", "Svar klageren.")) == "[-Altid svar-] {+Svar+} klageren."
    assert marked(word_segments("Svar nu.", "Svar nu.")) == "Svar nu."


def test_paragraphs_added_removed_and_edited_are_told_apart():
    old = paragraphs("Formål", "Gammel tekst om støj fra virksomheder.", "Fjernet afsnit om noget helt andet.")
    new = paragraphs("Formål", "Ny tekst om støj fra virksomheder.", "Et helt nyt afsnit.")

    result = compare_paragraphs(old, new)

    assert [paragraph.kind for paragraph in result] == [EQUAL, CHANGED, DELETE, INSERT]
    assert marked(result[1].segments) == "[-Gammel-] {+Ny+} tekst om støj fra virksomheder."
    assert result[2].segments[0].text == "Fjernet afsnit om noget helt andet."


def test_an_inserted_paragraph_does_not_shift_the_rest_into_changes():
    old = paragraphs("Et", "To", "Tre")
    new = paragraphs("Et", "Halvanden", "To", "Tre")

    assert [paragraph.kind for paragraph in compare_paragraphs(old, new)] == [EQUAL, INSERT, EQUAL, EQUAL]


def test_a_renamed_step_is_compared_with_the_step_not_with_a_role():
    old = [TextParagraph("Modtag klagen", label="Trin"), TextParagraph("Sagsbehandler", label="Rolle")]
    new = [TextParagraph("Modtag klagen i dag", label="Trin"), TextParagraph("Sagsbehandler", label="Rolle")]

    result = compare_paragraphs(old, new)

    assert [paragraph.kind for paragraph in result] == [CHANGED, EQUAL]
    assert result[0].label == "Trin"


def test_long_stretches_of_edits_are_compared_without_blowing_up():
    old = paragraphs(*[f"Afsnit nummer {number} i den gamle udgave" for number in range(300)])
    new = paragraphs(*[f"Afsnit nummer {number} i den nye udgave" for number in range(300)])

    result = compare_paragraphs(old, new)

    assert len(result) == 300
    assert all(paragraph.kind == CHANGED for paragraph in result)


@pytest.mark.django_db  # a page instance looks up its content type
def test_document_text_reads_every_kind_of_block():
    page = ProcedurePage(title="Klager over støj", summary="Sådan behandles en klage.", body=procedure_body())

    with translation.override("da"):
        parts = {name: [(str(p.label), p.text) for p in found] for name, _label, found in document_text(page)}

    assert parts["title"] == [("", "Klager over støj")]
    assert parts["summary"] == [("", "Sådan behandles en klage.")]
    body = parts["body"]
    for expected in [
        ("", "Formål"),
        ("", "At sikre ensartet behandling af klager over støj fra virksomheder."),
        ("Rolle", "Sagsbehandler"),
        ("", "Registrerer og journaliserer klagen."),
        ("Trin", "Partshøring"),
        ("Hvem", "Sagsbehandler"),
        ("", "Særlige forhold"),
        ("Advarsel", "Frist"),
        ("", "Svar klageren inden 14 dage."),
        ("Tabel", "Vejledende støjgrænser"),
        ("", "Nat | 40 dB(A)"),
    ]:
        assert expected in body, expected
    assert parts["attachments"] == []


def test_document_text_names_a_missing_attachment_instead_of_failing():
    page = SimpleNamespace(
        title="Tilsyn",
        summary="",
        body=[],
        attachments=[SimpleNamespace(value={"document": None, "kind": "template", "description": "Til tilsyn"})],
    )

    with translation.override("da"):
        attachments = {name: found for name, _label, found in document_text(page)}["attachments"]

    assert [(str(p.label), p.text) for p in attachments] == [
        ("Skabelon", "(dokumentet findes ikke længere)"),
        ("", "Til tilsyn"),
    ]


def test_a_block_type_without_its_own_reading_gives_the_text_wagtail_indexes():
    block = blocks.StructBlock([("title", blocks.CharBlock()), ("text", blocks.RichTextBlock())])
    stream = blocks.StreamBlock([("future", block)])
    value = stream.to_python([{"type": "future", "value": {"title": "Ny blok", "text": "<p>Med tekst</p>"}}])

    assert [paragraph.text for paragraph in block_paragraphs(value[0])] == ["Ny blok", "Med tekst"]
