from wagtail.blocks import StreamValue

from handbook.blocks import DocumentBodyBlock
from handbook.outline import build_outline


def body(*blocks):
    return StreamValue(DocumentBodyBlock(), [{"type": kind, "value": value} for kind, value in blocks], is_lazy=True)


def test_headed_blocks_become_entries_with_readable_danish_anchors():
    outline = build_outline(
        body(
            ("purpose", "<p>At sikre.</p>"),
            ("paragraph", "<p>Tekst uden overskrift.</p>"),
            ("steps", {"heading": "Fremgangsmåde", "steps": []}),
            ("heading", {"text": "Særlige forhold", "level": "h3"}),
        )
    )

    assert [(entry.anchor, entry.title, entry.level) for entry in outline.entries] == [
        ("formaal", "Formål", 2),
        ("fremgangsmaade", "Fremgangsmåde", 2),
        ("saerlige-forhold", "Særlige forhold", 3),
    ]
    assert [anchor for _block, anchor in outline.blocks] == ["formaal", None, "fremgangsmaade", "saerlige-forhold"]
    assert outline.has_contents


def test_repeated_and_reserved_headings_get_unique_anchors():
    outline = build_outline(
        body(
            ("heading", {"text": "Bilag", "level": "h2"}),
            ("heading", {"text": "Bilag", "level": "h2"}),
            ("heading", {"text": "Main content", "level": "h2"}),
            ("heading", {"text": "   ", "level": "h2"}),
        )
    )

    assert [entry.anchor for entry in outline.entries] == ["bilag", "bilag-2", "main-content-2"]
    assert not build_outline(body(("purpose", "<p>Kort.</p>"))).has_contents
