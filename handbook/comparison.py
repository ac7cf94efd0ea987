"""Turning two versions of a controlled document into a readable comparison.

Each version is first read as plain text, one paragraph per heading, paragraph, list item, step, role, note
and table row (``document_text``). The two lists of paragraphs are then aligned with difflib: paragraphs that
are the same are kept, paragraphs that only one version has are added or removed whole, and a paragraph that
was edited is compared word by word, so that the reader sees exactly which words were added and removed.

Only the text is compared, never the markup: a reader asks what the document says differently, and a link
that points elsewhere under the same words is not a change to them.
"""

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from html.parser import HTMLParser

from django.utils.translation import gettext_lazy as _

EQUAL, INSERT, DELETE, CHANGED = "equal", "insert", "delete", "changed"

# Two edited paragraphs are shown as one paragraph changed word by word when at least this share of their
# words is the same; below it, the old one is shown removed and the new one added.
SIMILAR_ENOUGH = 0.4
# Aligning the paragraphs of an edited stretch costs the product of their numbers; above this, they are
# paired in order instead.
MAX_ALIGNMENT_CELLS = 2500

BLOCK_TAGS = frozenset(
    {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div", "blockquote", "pre", "ul", "ol", "table", "tr"}
)
TOKEN = re.compile(r"(\s*)(\w+|[^\w\s]+)")


# Reading a version as text --------------------------------------------------------------------------------


@dataclass(frozen=True)
class TextParagraph:
    """A paragraph of a document read as text. ``label`` says what it is (a step, a role), ``style`` how it is
    shown (a heading stands out); only ``label`` and ``text`` are compared."""

    text: str
    label: str = ""
    style: str = "text"

    @property
    def key(self):
        return (str(self.label), self.text)


class _TextParagraphs(HTMLParser):
    """The text of a rich text value, one string per block element (paragraph, list item, heading)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs = []
        self._words = []

    def _flush(self):
        text = " ".join("".join(self._words).split())
        if text:
            self.paragraphs.append(text)
        self._words = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS or tag == "br":
            self._flush()

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self._flush()

    def handle_data(self, data):
        self._words.append(data)

    def close(self):
        super().close()
        self._flush()


def rich_text_paragraphs(value):
    """The paragraphs of a rich text value (a RichText object or its HTML) as plain strings."""
    source = getattr(value, "source", value) or ""
    parser = _TextParagraphs()
    parser.feed(str(source))
    parser.close()
    return parser.paragraphs


def _plain(value):
    return " ".join(str(value or "").split())


def _heading(text):
    text = _plain(text)
    return [TextParagraph(text, style="heading")] if text else []


def _rich(value, label=""):
    return [TextParagraph(text, label=label) for text in rich_text_paragraphs(value)]


def _attachment_paragraphs(attachment):
    document = attachment.get("document")
    title = _plain(getattr(document, "title", "")) if document else ""
    if not title:
        title = str(_("(document no longer available)"))
    kinds = {"template": _("Template"), "appendix": _("Appendix")}
    paragraphs = [TextParagraph(title, label=kinds.get(attachment.get("kind"), _("Attachment")))]
    if _plain(attachment.get("description")):
        paragraphs.append(TextParagraph(_plain(attachment.get("description"))))
    return paragraphs


def _table_paragraphs(value):
    value = value or {}
    paragraphs = []
    caption = _plain(value.get("table_caption"))
    if caption:
        paragraphs.append(TextParagraph(caption, label=_("Table"), style="heading"))
    for row in value.get("data") or []:
        cells = [_plain(cell) for cell in row or []]
        if any(cells):
            paragraphs.append(TextParagraph(" | ".join(cells), style="row"))
    return paragraphs


def block_paragraphs(block):
    """The text of one block of a document's body, as TextParagraphs."""
    kind, value = block.block_type, block.value
    if kind == "heading":
        return _heading(value.get("text"))
    if kind == "paragraph":
        return _rich(value)
    if kind in ("purpose", "scope"):
        return _heading(block.block.heading) + _rich(value)
    if kind == "responsibilities":
        paragraphs = _heading(value.get("heading"))
        for role in value.get("roles") or []:
            paragraphs += [TextParagraph(_plain(role.get("role")), label=_("Role"), style="term")]
            paragraphs += _rich(role.get("duties"))
        return paragraphs
    if kind == "steps":
        paragraphs = _heading(value.get("heading"))
        for step in value.get("steps") or []:
            paragraphs.append(TextParagraph(_plain(step.get("title")), label=_("Step"), style="term"))
            if _plain(step.get("responsible")):
                paragraphs.append(TextParagraph(_plain(step.get("responsible")), label=_("Who")))
            paragraphs += _rich(step.get("text"))
        return paragraphs
    if kind == "note":
        kinds = {"warning": _("Warning"), "success": _("Good practice")}
        label = kinds.get(value.get("kind"), _("Note"))
        title = _plain(value.get("title"))
        paragraphs = [TextParagraph(title, label=label, style="term")] if title else []
        return paragraphs + _rich(value.get("text"), label="" if title else label)
    if kind == "table":
        return _table_paragraphs(value)
    if kind == "documents":
        paragraphs = _heading(value.get("heading"))
        for attachment in value.get("documents") or []:
            paragraphs += _attachment_paragraphs(attachment)
        return paragraphs
    # A block type added later: the text Wagtail would index for it.
    texts = block.block.get_searchable_content(value)
    return [TextParagraph(_plain(text)) for text in texts if _plain(text)]


def document_text(page):
    """A version of a document as text: ``[(part label, [TextParagraph, ...]), ...]`` for its title, summary,
    body and attachments."""
    body = [paragraph for block in page.body or [] for paragraph in block_paragraphs(block) if paragraph.text]
    attachments = [
        paragraph
        for block in page.attachments or []
        for paragraph in _attachment_paragraphs(block.value)
        if paragraph.text
    ]
    return [
        ("title", _("Title"), [TextParagraph(_plain(page.title), style="heading")] if _plain(page.title) else []),
        (
            "summary",
            _("Summary"),
            [TextParagraph(text) for text in str(page.summary or "").split("\n") if text.strip()],
        ),
        ("body", _("Content"), body),
        ("attachments", _("Templates and appendices"), attachments),
    ]


# Comparing --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """A run of words that is the same in both versions, added or removed. ``lead`` is the space before it,
    kept outside the marking so that only words are marked."""

    kind: str
    text: str
    lead: str = ""


@dataclass
class ComparedParagraph:
    kind: str  # EQUAL, INSERT, DELETE or CHANGED
    segments: list
    label: str = ""
    style: str = "text"
    number: int = 0  # the changes are numbered 1, 2, ... through the document, so that each can be linked to

    @property
    def is_change(self):
        return self.kind != EQUAL


@dataclass
class ComparedPart:
    name: str
    label: str
    paragraphs: list

    @property
    def has_changes(self):
        return any(paragraph.is_change for paragraph in self.paragraphs)


@dataclass
class Comparison:
    parts: list
    added: int = 0
    removed: int = 0
    changed: int = 0
    shown_parts: list = field(default_factory=list)

    @property
    def has_changes(self):
        return bool(self.added or self.removed or self.changed)


def _tokens(text):
    return [(match.group(1), match.group(2)) for match in TOKEN.finditer(text)]


def _segment(kind, tokens):
    lead = tokens[0][0]
    text = tokens[0][1] + "".join(space + word for space, word in tokens[1:])
    return Segment(kind, text, " " if lead else "")


def word_segments(old_text, new_text):
    """The words of two versions of a paragraph as Segments: the same, removed (DELETE) and added (INSERT)."""
    old, new = _tokens(old_text), _tokens(new_text)
    matcher = SequenceMatcher(None, [word for _, word in old], [word for _, word in new], autojunk=False)
    segments = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            # The same words; a space before them in either version separates them from what precedes.
            lead = " " if (old[i1][0] or new[j1][0]) else ""
            segments.append(Segment(EQUAL, _segment(EQUAL, new[j1:j2]).text, lead))
            continue
        if tag in ("delete", "replace"):
            segments.append(_segment(DELETE, old[i1:i2]))
        if tag in ("insert", "replace"):
            inserted = _segment(INSERT, new[j1:j2])
            if tag == "replace" and not inserted.lead:
                inserted = Segment(INSERT, inserted.text, " ")
            segments.append(inserted)
    if segments:
        segments[0] = Segment(segments[0].kind, segments[0].text, "")
    return segments


def _similarity(old, new):
    if old.label != new.label:
        return 0.0
    matcher = SequenceMatcher(None, old.text.split(), new.text.split(), autojunk=False)
    return matcher.ratio()


def _whole(kind, paragraph):
    return ComparedParagraph(kind, [Segment(kind, paragraph.text)], str(paragraph.label), paragraph.style)


def _changed(old, new):
    segments = word_segments(old.text, new.text)
    if all(segment.kind == EQUAL for segment in segments):  # only the spacing of punctuation differs
        return _whole(EQUAL, new)
    return ComparedParagraph(CHANGED, segments, str(new.label), new.style)


def _align(old, new):
    """Pairs the edited paragraphs of a stretch where the versions differ, keeping their order and pairing
    those most alike (a small dynamic programme); unpaired ones are removed or added whole."""
    if len(old) * len(new) > MAX_ALIGNMENT_CELLS:
        return _pair_in_order(old, new)
    similarity = [[_similarity(a, b) for b in new] for a in old]
    # best[i][j]: the best total similarity aligning old[i:] with new[j:]
    best = [[0.0] * (len(new) + 1) for _ in range(len(old) + 1)]
    for i in range(len(old) - 1, -1, -1):
        for j in range(len(new) - 1, -1, -1):
            options = [best[i + 1][j], best[i][j + 1]]
            if similarity[i][j] >= SIMILAR_ENOUGH:
                options.append(similarity[i][j] + best[i + 1][j + 1])
            best[i][j] = max(options)
    result, i, j = [], 0, 0
    while i < len(old) and j < len(new):
        if similarity[i][j] >= SIMILAR_ENOUGH and best[i][j] == similarity[i][j] + best[i + 1][j + 1]:
            result.append(_changed(old[i], new[j]))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            result.append(_whole(DELETE, old[i]))
            i += 1
        else:
            result.append(_whole(INSERT, new[j]))
            j += 1
    result += [_whole(DELETE, paragraph) for paragraph in old[i:]]
    result += [_whole(INSERT, paragraph) for paragraph in new[j:]]
    return result


def _pair_in_order(old, new):
    result = []
    for index in range(max(len(old), len(new))):
        a = old[index] if index < len(old) else None
        b = new[index] if index < len(new) else None
        if a is not None and b is not None and _similarity(a, b) >= SIMILAR_ENOUGH:
            result.append(_changed(a, b))
            continue
        if a is not None:
            result.append(_whole(DELETE, a))
        if b is not None:
            result.append(_whole(INSERT, b))
    return result


def compare_paragraphs(old, new):
    """Two lists of TextParagraphs as a list of ComparedParagraphs, in the newer version's order."""
    matcher = SequenceMatcher(None, [p.key for p in old], [p.key for p in new], autojunk=False)
    result = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            result += [_whole(EQUAL, paragraph) for paragraph in new[j1:j2]]
        elif tag == "delete":
            result += [_whole(DELETE, paragraph) for paragraph in old[i1:i2]]
        elif tag == "insert":
            result += [_whole(INSERT, paragraph) for paragraph in new[j1:j2]]
        else:
            result += _align(old[i1:i2], new[j1:j2])
    return result


def compare_documents(old_page, new_page):
    """A Comparison of two versions of a document (the page as it was in each): its parts, each a list of
    ComparedParagraphs, and how many paragraphs were added, removed and changed."""
    parts = []
    for (name, label, old), (_name, _label, new) in zip(document_text(old_page), document_text(new_page), strict=True):
        parts.append(ComparedPart(name, label, compare_paragraphs(old, new)))
    comparison = Comparison(parts=parts)
    for part in parts:
        for paragraph in part.paragraphs:
            if paragraph.is_change:
                paragraph.number = comparison.added + comparison.removed + comparison.changed + 1
            if paragraph.kind == INSERT:
                comparison.added += 1
            elif paragraph.kind == DELETE:
                comparison.removed += 1
            elif paragraph.kind == CHANGED:
                comparison.changed += 1
    # Parts that neither version has (a document without a summary or attachments) are not shown.
    comparison.shown_parts = [part for part in parts if part.paragraphs]
    return comparison
