"""Excerpts with the matched words marked, found by their Danish stems, so "afvigelserne" marks "afvigelse"."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.text import WORD, stem

EXCERPT_WORDS = 30


class StemHighlighter:
    def __init__(self, query_words):
        self.stems = {stem(word) for word in query_words}

    def body_excerpt(self, page, text):
        return self.excerpt(text)

    def attachment_excerpt(self, page, document_id, text):
        return self.excerpt(text)

    def excerpt(self, text):
        """About thirty words around the densest run of matches; '' when nothing in the text matches."""
        tokens = list(WORD.finditer(text or ""))
        hits = [i for i, token in enumerate(tokens) if stem(token.group()) in self.stems]
        if not hits:
            return ""
        start = max(self._densest_start(hits) - 5, 0)
        end = min(start + EXCERPT_WORDS, len(tokens))
        begin, finish = tokens[start].start(), tokens[end - 1].end()
        parts = ["… " if start else ""]
        position = begin
        for token in tokens[start:end]:
            if stem(token.group()) in self.stems:
                parts.append(escape(text[position : token.start()]))
                parts.append(f"<mark>{escape(token.group())}</mark>")
                position = token.end()
        parts.append(escape(text[position:finish]))
        parts.append(" …" if end < len(tokens) else "")
        return mark_safe("".join(parts))  # noqa: S308 - every piece of text above is escaped

    @staticmethod
    def _densest_start(hits):
        """The first match of the window of EXCERPT_WORDS words that holds the most matches."""
        best, best_count = hits[0], 0
        for i, first in enumerate(hits):
            count = sum(1 for other in hits[i:] if other < first + EXCERPT_WORDS)
            if count > best_count:
                best, best_count = first, count
        return best
