"""Wagtail's comparison of two revisions of a controlled document (admin: History > Compare), as people read it.

Wagtail chooses a comparison class for each field of the edit form from a registry keyed by field type, and out
of the box it shows what Python holds: a table block as ``{'data': [[...]]}``, a date as ``2026-12-15``, a
person by user name, a block's choice by its code, an empty field as ``None``. The classes here show each value
as the document shows it to a reader: tables as tables, dates in Danish ("15. december 2026"; moments in local
time), people by full name, documents by number and title, files by title, groups by name, ISO clauses by their
label, tags by name, rich text paragraph by paragraph, and the blocks of a StreamField each under its label.

``register()`` puts them in Wagtail's registry for the fields of controlled documents and the Page fields they
inherit (scheduled publishing, menus); every other model keeps Wagtail's own comparison. The registry is
Wagtail's documented extension point (``register_comparison_class``); nothing of Wagtail's is patched.
"""

import datetime
from collections.abc import Sequence
from difflib import SequenceMatcher

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import Group
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape, format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TagBase
from wagtail import blocks
from wagtail.admin import compare
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.fields import StreamField
from wagtail.models import Page

from handbook.comparison import (
    DELETE,
    EQUAL,
    INSERT,
    TextParagraph,
    compare_paragraphs,
    rich_text_paragraphs,
    word_segments,
)
from handbook.models import ControlledDocumentPage
from handbook.templatetags.handbook_tags import person_name

ADDITION, DELETION = "addition", "deletion"  # Wagtail's classes for what was added and removed (its CSS colours them)
MARKS = {INSERT: ADDITION, DELETE: DELETION}


# Values as text ---------------------------------------------------------------------------------------------


def date_text(value):
    """A date as it is written in Danish, "15. december 2026"; a moment also with its time of day, in local time
    (Europe/Copenhagen)."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        moment = timezone.localtime(value) if timezone.is_aware(value) else value
        return str(
            _("%(date)s at %(time)s") % {"date": date_format(moment, "j. F Y"), "time": date_format(moment, "H:i")}
        )
    return date_format(value, "j. F Y")


def yes_no(value):
    return str(_("Yes") if value else _("No"))


def object_text(obj):
    """What a person calls a chosen object: a user by full name, a controlled document by number and title, a page
    or a file by title, a group or a tag by name, anything else (an ISO clause: "7.5 Dokumenteret information") as
    it names itself."""
    if obj is None:
        return ""
    if isinstance(obj, AbstractBaseUser):
        return person_name(obj)
    if isinstance(obj, ControlledDocumentPage):
        return f"{obj.document_number} {obj.title}".strip()
    if isinstance(obj, (Page, AbstractDocument)):
        return obj.title
    if isinstance(obj, (Group, TagBase)):
        return obj.name
    return str(obj)


def _is_blank(value):
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if hasattr(value, "source"):  # RichText
        return not rich_text_paragraphs(value)
    if isinstance(value, Sequence):  # a list, a stream
        return len(value) == 0
    return False


# HTML -----------------------------------------------------------------------------------------------------


def marked(kind, text):
    """Text marked added or removed, as Wagtail marks it."""
    return format_html('<span class="{}">{}</span>', kind, text)


def old_and_new(old, new):
    """A value that changed: the old one removed, the new one added; an empty side shows nothing."""
    parts = [marked(DELETION, old)] if old else []
    parts += [marked(ADDITION, new)] if new else []
    return format_html_join(" ", "{}", ((part,) for part in parts)) if parts else plain("")


def plain(text):
    return escape(text) if text else escape(_("Not set"))


def definition_list(rows):
    return format_html("<dl>{}</dl>", format_html_join("", "<dt>{}</dt><dd>{}</dd>", rows))


def segments_html(segments):
    """handbook.comparison's Segments as HTML, the words added and removed marked."""
    return format_html_join(
        "",
        "{}{}",
        (
            (segment.lead, segment.text if segment.kind == EQUAL else marked(MARKS[segment.kind], segment.text))
            for segment in segments
        ),
    )


def words_html(old, new):
    """Two versions of a line of text, the words added and removed marked as the readers' comparison marks them."""
    return segments_html(word_segments(old, new))


def compared_paragraphs_html(compared):
    """handbook.comparison's ComparedParagraphs as HTML paragraphs."""
    return format_html_join("", "<p>{}</p>", ((segments_html(paragraph.segments),) for paragraph in compared))


# Model fields ---------------------------------------------------------------------------------------------


class ReadableFieldComparison(compare.FieldComparison):
    """A field shown as the text its value reads as (``value_text``): the old value removed, the new one added."""

    def value_text(self, value):
        return "" if value is None else str(value)

    def htmldiff(self):
        if not self.has_changed():
            return plain(self.value_text(self.val_b))
        return old_and_new(self.value_text(self.val_a), self.value_text(self.val_b))


class DateFieldComparison(ReadableFieldComparison):
    def value_text(self, value):
        return date_text(value)


class BooleanFieldComparison(ReadableFieldComparison):
    def value_text(self, value):
        return yes_no(value)


class ForeignKeyComparison(ReadableFieldComparison):
    """A chosen object by name. Both are fetched in one query; one deleted since is said to be so."""

    def htmldiff(self):
        ids = {self.val_a, self.val_b} - {None}
        found = self.field.related_model._default_manager.in_bulk(ids) if ids else {}

        def text(pk):
            if pk is None:
                return ""
            return object_text(found[pk]) if pk in found else str(_("(deleted)"))

        if not self.has_changed():
            return plain(text(self.val_b))
        return old_and_new(text(self.val_a), text(self.val_b))


class ManyToManyComparison(compare.M2MFieldComparison):
    """Chosen objects by name, in their own order (ISO clauses by clause number), else by name; those kept plain,
    those removed and added marked. The order they were chosen in is no change."""

    def item_key(self, item):
        return item.pk

    def item_text(self, item):
        return object_text(item)

    def _keyed(self):
        items_a, items_b = self.get_items()
        return {self.item_key(item): item for item in items_a}, {self.item_key(item): item for item in items_b}

    def has_changed(self):
        keyed_a, keyed_b = self._keyed()
        return keyed_a.keys() != keyed_b.keys()

    def htmldiff(self):
        keyed_a, keyed_b = self._keyed()
        items = {**keyed_a, **keyed_b}
        if not items:
            return plain("")
        order = sorted(items, key=lambda key: (getattr(items[key], "sort_key", 0), self.item_text(items[key]).lower()))
        shown = []
        for key in order:
            text = self.item_text(items[key])
            if key not in keyed_a:
                shown.append(marked(ADDITION, text))
            elif key not in keyed_b:
                shown.append(marked(DELETION, text))
            else:
                shown.append(escape(text))
        return format_html_join(", ", "{}", ((item,) for item in shown))


class TagsComparison(ManyToManyComparison):
    """Tags by name; a tag added in a draft has no id yet, so they are told apart by name."""

    def item_key(self, tag):
        return tag.name.lower()


class ReadableStreamFieldComparison(compare.StreamFieldComparison):
    def htmldiff(self):
        return StreamComparison(self.field.stream_block, True, True, self.val_a, self.val_b).htmldiff()


# StreamField blocks -----------------------------------------------------------------------------------------


def block_comparison_class(block):
    """The comparison class for a block: the block's own if it names one (an image chooser shows the images),
    else one of those below."""
    if hasattr(block, "get_comparison_class"):
        return block.get_comparison_class()
    for block_class, comparison_class in BLOCK_COMPARISONS:
        if isinstance(block, block_class):
            return comparison_class
    return compare.get_comparison_class_for_block(block)


def readable(comparison):
    """A comparison Wagtail made for a child block, as the comparison class here for that block."""
    comparison_class = block_comparison_class(comparison.block)
    return comparison_class(
        comparison.block, comparison.exists_a, comparison.exists_b, comparison.val_a, comparison.val_b
    )


class ValueBlockComparison(compare.BlockComparison):
    """A block whose value is one thing (a date, a choice, a chosen document), shown as its text."""

    def value_text(self, value):
        return "" if value is None else str(value)

    def htmlvalue(self, value):
        return escape(self.value_text(value))

    def htmldiff(self):
        return old_and_new(self.value_text(self.val_a), self.value_text(self.val_b))


class TextBlockComparison(ValueBlockComparison):
    """A line of text (also a link, a number): the words added and removed marked."""

    def htmldiff(self):
        return words_html(self.value_text(self.val_a), self.value_text(self.val_b))


class DateBlockComparison(ValueBlockComparison):
    def value_text(self, value):
        return date_text(value)


class BooleanBlockComparison(ValueBlockComparison):
    def value_text(self, value):
        return yes_no(value)


class ChoiceBlockComparison(ValueBlockComparison):
    """A choice by its label ("Advarsel"), not its code ("warning")."""

    def value_text(self, value):
        if value in (None, ""):
            return ""
        labels = {}
        for key, label in self.block.field.choices:
            labels.update(dict(label) if isinstance(label, (list, tuple)) else {key: label})  # a group, or one
        return str(labels.get(value, value))


class ChosenBlockComparison(ValueBlockComparison):
    """A chosen document, page or snippet by name; a required one that is gone was deleted since."""

    def value_text(self, value):
        if value is None:
            return str(_("(deleted)")) if self.block.required else ""
        return object_text(value)


class RichTextComparison(compare.BlockComparison):
    """Rich text paragraph by paragraph, an edited paragraph word by word, as the readers' comparison shows it."""

    @staticmethod
    def paragraphs(value):
        return [TextParagraph(text) for text in rich_text_paragraphs(value)]

    def htmlvalue(self, value):
        return format_html_join("", "<p>{}</p>", ((paragraph.text,) for paragraph in self.paragraphs(value)))

    def htmldiff(self):
        return compared_paragraphs_html(compare_paragraphs(self.paragraphs(self.val_a), self.paragraphs(self.val_b)))


class TableBlockComparison(compare.BlockComparison):
    """A table as a table. Rows are aligned as the readers' comparison aligns paragraphs: rows kept, rows added
    and removed whole, and an edited row cell by cell."""

    @staticmethod
    def rows(value):
        rows = [[" ".join(str(cell or "").split()) for cell in row or []] for row in (value or {}).get("data") or []]
        return [row for row in rows if any(row)]

    @staticmethod
    def caption(value):
        return " ".join(str((value or {}).get("table_caption") or "").split())

    def table(self, value, caption, rows):
        """``rows``: (class, [cell HTML, ...]) each; the first row or column is headers if the table says so."""
        value = value or {}
        header_row, header_column = value.get("first_row_is_table_header"), value.get("first_col_is_header")

        def cell(row_index, column_index, html):
            if header_row and row_index == 0:
                return format_html('<th scope="col">{}</th>', html)
            if header_column and column_index == 0:
                return format_html('<th scope="row">{}</th>', html)
            return format_html("<td>{}</td>", html)

        body = format_html_join(
            "",
            '<tr class="{}">{}</tr>',
            (
                (kind, format_html_join("", "{}", ((cell(r, c, html),) for c, html in enumerate(cells))))
                for r, (kind, cells) in enumerate(rows)
            ),
        )
        caption = format_html("<caption>{}</caption>", caption) if caption else ""
        return format_html('<table class="handbook-comparison-table">{}<tbody>{}</tbody></table>', caption, body)

    def htmlvalue(self, value):
        rows = [("", [escape(cell) for cell in row]) for row in self.rows(value)]
        return self.table(value, self.caption(value), rows)

    def htmldiff(self):
        old, new = self.rows(self.val_a), self.rows(self.val_b)
        rows = []

        def whole(kind, row):
            rows.append((kind, [marked(kind, cell) if cell else "" for cell in row]))

        matcher = SequenceMatcher(None, [tuple(row) for row in old], [tuple(row) for row in new], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                rows += [("", [escape(cell) for cell in row]) for row in new[j1:j2]]
                continue
            paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
            for old_row, new_row in zip(old[i1 : i1 + paired], new[j1 : j1 + paired], strict=True):
                width = max(len(old_row), len(new_row))
                old_row, new_row = old_row + [""] * (width - len(old_row)), new_row + [""] * (width - len(new_row))
                rows.append(("", [words_html(a, b) for a, b in zip(old_row, new_row, strict=True)]))
            for row in old[i1 + paired : i2]:
                whole(DELETION, row)
            for row in new[j1 + paired : j2]:
                whole(ADDITION, row)
        caption = words_html(self.caption(self.val_a), self.caption(self.val_b))
        return self.table(self.val_b or self.val_a, caption, rows)


class StructComparison(compare.StructBlockComparison):
    """A block of named parts, each under its label; optional parts empty in both versions are left out (a required
    one that is empty was chosen and deleted since, which is said)."""

    def parts(self):
        for name, child in self.block.child_blocks.items():
            yield name, child, block_comparison_class(child)

    def htmlvalue(self, value):
        rows = [
            (child.label, comparison_class(child, True, True, value[name], value[name]).htmlvalue(value[name]))
            for name, child, comparison_class in self.parts()
            if child.required or not _is_blank(value[name])
        ]
        return definition_list(rows)

    def htmldiff(self):
        rows = []
        for name, child, comparison_class in self.parts():
            old, new = self.val_a[name], self.val_b[name]
            if not child.required and _is_blank(old) and _is_blank(new):
                continue
            comparison = comparison_class(child, True, True, old, new)
            rows.append((child.label, comparison.htmldiff() if comparison.has_changed() else comparison.htmlvalue(new)))
        return definition_list(rows)


class SequenceComparison:
    """The blocks of a stream or the items of a list, each in a box under its label, with those added and removed
    said to be so in words as well as in colour. Which block is which is Wagtail's (by block id)."""

    # The items of a list are all of one kind (steps, roles): their label is said only of one added or removed.
    always_labelled = True

    def get_block_comparisons(self):
        return [readable(comparison) for comparison in super().get_block_comparisons()]

    def child(self, label, kind, html):
        notes = {ADDITION: _("added"), DELETION: _("removed")}
        heading = ""
        if kind in notes:
            heading = format_html("<strong>{}</strong> ({})", label, notes[kind])
        elif self.always_labelled:
            heading = format_html("<strong>{}</strong>", label)
        if heading:
            heading = format_html('<p class="handbook-comparison-label">{}</p>', heading)
        return format_html('<div class="comparison__child-object {}">{}{}</div>', kind, heading, html)

    def htmldiff(self):
        shown = []
        for comparison in self.get_block_comparisons():
            if comparison.is_new():
                kind, html = ADDITION, comparison.htmlvalue(comparison.val_b)
            elif comparison.is_deleted():
                kind, html = DELETION, comparison.htmlvalue(comparison.val_a)
            elif comparison.has_changed():
                kind, html = "", comparison.htmldiff()
            else:
                kind, html = "", comparison.htmlvalue(comparison.val_b)
            shown.append(self.child(comparison.block.label, kind, html))
        return format_html_join("", "{}", ((child,) for child in shown))

    def htmlvalue(self, value):
        shown = []
        for child in self.get_blocks_from_value(value):
            comparison = block_comparison_class(child.block)(child.block, True, True, child.value, child.value)
            shown.append(self.child(child.block.label, "", comparison.htmlvalue(child.value)))
        return format_html_join("", "{}", ((child,) for child in shown))


class StreamComparison(SequenceComparison, compare.StreamBlockComparison):
    @staticmethod
    def get_blocks_from_value(value):
        return list(value or [])

    def get_block_comparisons(self):
        old, new = self.get_blocks_from_value(self.val_a), self.get_blocks_from_value(self.val_b)
        if all(child.id for child in old + new):
            return super().get_block_comparisons()
        # Stored without block ids (data older than Wagtail 1.11, or written by a script): paired by place.
        comparisons = []
        for index in range(max(len(old), len(new))):
            a = old[index] if index < len(old) else None
            b = new[index] if index < len(new) else None
            if a is not None and b is not None and a.block_type == b.block_type:
                comparisons.append((b.block, True, True, a.value, b.value))
                continue
            if a is not None:
                comparisons.append((a.block, True, False, a.value, None))
            if b is not None:
                comparisons.append((b.block, False, True, None, b.value))
        return [block_comparison_class(arguments[0])(*arguments) for arguments in comparisons]


class ListComparison(SequenceComparison, compare.ListBlockComparison):
    always_labelled = False

    @staticmethod
    def get_blocks_from_value(value):
        return list(value.bound_blocks) if value is not None else []


BLOCK_COMPARISONS = [
    (TableBlock, TableBlockComparison),
    (blocks.ChooserBlock, ChosenBlockComparison),
    ((blocks.DateBlock, blocks.DateTimeBlock), DateBlockComparison),
    (blocks.BooleanBlock, BooleanBlockComparison),
    (blocks.ChoiceBlock, ChoiceBlockComparison),
    (blocks.RichTextBlock, RichTextComparison),
    (blocks.StructBlock, StructComparison),
    (blocks.StreamBlock, StreamComparison),
    (blocks.ListBlock, ListComparison),
    (blocks.FieldBlock, TextBlockComparison),  # text, link, e-mail, number
]


# Registration -----------------------------------------------------------------------------------------------


def is_document_field(field):
    """A field of a controlled document: its own, or one it inherits from Page."""
    model = getattr(field, "model", None)
    return model is Page or (isinstance(model, type) and issubclass(model, ControlledDocumentPage))


def for_documents(comparison_class, otherwise=None):
    """A registry entry: ``comparison_class`` for a controlled document's field, ``otherwise`` (Wagtail's own;
    None lets Wagtail choose as it would) for any other model's."""

    def choose(field):
        return comparison_class if is_document_field(field) else otherwise

    return choose


def register():
    """Registers the comparisons with Wagtail (idempotent). Fields with choices never reach the registry: Wagtail
    shows them by label itself."""
    for field_class, comparison_class, wagtail_own in [
        (models.DateField, DateFieldComparison, None),  # and DateTimeField, a subclass
        (models.BooleanField, BooleanFieldComparison, None),
        (models.IntegerField, ReadableFieldComparison, None),  # never "None" for an empty number
        (models.ManyToManyField, ManyToManyComparison, None),
        (TaggableManager, TagsComparison, compare.TagsFieldComparison),
        (StreamField, ReadableStreamFieldComparison, compare.StreamFieldComparison),
    ]:
        compare.register_comparison_class(field_class, comparison_class=for_documents(comparison_class, wagtail_own))
    for target in (get_user_model(), Group, get_document_model(), Page):
        compare.register_comparison_class(
            models.ForeignKey, to=target, comparison_class=for_documents(ForeignKeyComparison)
        )
