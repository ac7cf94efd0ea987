"""The outline of a controlled document's body: its table of contents and the anchor of each headed block.

The same pass gives both, so every entry of the table of contents links to an anchor that the body renders.
"""

from dataclasses import dataclass

from django.utils.text import slugify

# Body blocks that render a heading of their own, and where the heading's text is.
HEADED_BLOCKS = {"purpose", "scope", "responsibilities", "steps", "documents"}
# Element ids the page templates use themselves; a heading's anchor never takes one of them.
RESERVED_IDS = frozenset(
    {
        "main-content",
        "document-metadata-heading",
        "toc-heading",
        "attachments-heading",
        "related-heading",
    }
)
DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


@dataclass(frozen=True)
class OutlineEntry:
    anchor: str
    title: str
    level: int


@dataclass
class Outline:
    entries: list  # OutlineEntry per headed block, for the table of contents
    blocks: list  # (block, anchor or None) per block of the body, to render it with the same anchors

    @property
    def has_contents(self):
        """A table of contents is worth showing from three headed parts."""
        return len(self.entries) >= 3


def heading_of(block):
    """The (text, level) of the heading a body block renders, or None when it renders none."""
    if block.block_type == "heading":
        return block.value["text"], 3 if block.value["level"] == "h3" else 2
    if block.block_type in ("purpose", "scope"):
        return block.block.heading, 2
    if block.block_type in HEADED_BLOCKS:
        return block.value.get("heading"), 2
    return None


def anchor_for(text, taken):
    """A readable Danish slug of the text ("Fremgangsmåde" gives "fremgangsmaade"), made unique among
    ``taken`` with -2, -3, ...; adds it to ``taken``."""
    base = slugify(str(text).translate(DANISH_LETTERS)) or "afsnit"
    anchor, number = base, 1
    while anchor in taken:
        number += 1
        anchor = f"{base}-{number}"
    taken.add(anchor)
    return anchor


def build_outline(body):
    """The outline of a document's body: ``entries`` (anchor, title, level) for the table of contents and
    ``blocks``, the body's blocks paired with their anchor (or None), so that each entry links to its block."""
    taken = set(RESERVED_IDS)
    entries, blocks = [], []
    for block in body or []:
        heading = heading_of(block)
        anchor = None
        if heading and str(heading[0] or "").strip():
            title, level = str(heading[0]).strip(), heading[1]
            anchor = anchor_for(title, taken)
            entries.append(OutlineEntry(anchor=anchor, title=title, level=level))
        blocks.append((block, anchor))
    return Outline(entries=entries, blocks=blocks)
