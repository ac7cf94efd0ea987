"""“Did you mean …?” for a search without hits: each word checked against the words of the handbook's titles
and tags, so a misspelt "afvigelsr" offers "afvigelser"."""

import difflib

from django.core.cache import cache

from handbook.models import DocumentTag
from search.backends.database import visible_documents
from search.text import stem, words

VOCABULARY_KEY = "search:vocabulary"
VOCABULARY_SECONDS = 300


def vocabulary():
    known = cache.get(VOCABULARY_KEY)
    if known is None:
        titles = visible_documents().values_list("title", flat=True)
        tags = DocumentTag.objects.filter(content_object__in=visible_documents()).values_list("tag__name", flat=True)
        known = sorted({word.lower() for text in [*titles, *tags] for word in words(text) if len(word) > 2})
        cache.set(VOCABULARY_KEY, known, VOCABULARY_SECONDS)
    return known


def did_you_mean(query_words):
    """One corrected query, or none when every word is known or nothing comes close. A word is known when a
    handbook word shares its stem, so "klage" stands even where the titles say "klager"."""
    if not query_words:
        return []
    known = vocabulary()
    known_stems = {stem(word) for word in known}
    corrected = []
    for word in query_words:
        lower = word.lower()
        close = [] if stem(lower) in known_stems else difflib.get_close_matches(lower, known, n=1, cutoff=0.75)
        corrected.append(close[0] if close else lower)
    suggestion = " ".join(corrected)
    return [suggestion] if suggestion != " ".join(w.lower() for w in query_words) else []
