"""Danish text analysis shared by indexing, querying and highlighting.

SQLite's full-text index has no stemming of its own, so the portal stems both what it indexes and what it
searches for with the Snowball stemmer for Danish; the highlighter uses the same stems, so "afvigelserne"
marks "afvigelse" in an excerpt whichever backend found it.
"""

import re
from functools import lru_cache

import Stemmer

WORD = re.compile(r"\w+", re.UNICODE)

_stemmer = Stemmer.Stemmer("danish")


# Snowball's Danish stop words: too common to find anything with, and never worth marking in an excerpt.
_STOP_WORDS = """
    ad af alle alt anden at blev blive bliver da de dem den denne der deres det dette dig din disse dog du efter
    eller en end er et for fra ham han hans har havde have hende hendes her hos hun hvad hvis hvor i ikke ind jeg
    jer jo kunne man mange med meget men mig min mine mit mod ned noget nogle nu når og også om op os over på selv
    sig sin sine sit skal skulle som sådan thi til ud under var vi vil ville vor være været"""
# Question words people type into an intranet search ("hvordan behandler jeg en klage") that no procedure uses.
_QUESTION_WORDS = "hvordan hvornår hvorfor hvem hvilken hvilket hvilke hvorledes kan gør gøre"
STOP_WORDS = frozenset(_STOP_WORDS.split() + _QUESTION_WORDS.split())


@lru_cache(maxsize=50_000)
def stem(word):
    return _stemmer.stemWord(word.lower())


def words(text):
    return WORD.findall(text or "")


def stems(text):
    return [stem(word) for word in words(text)]


def stemmed_text(text):
    """The text as the SQLite index stores it: one stem per word, in order, so phrases still match."""
    return " ".join(stems(text))


def significant(query_words):
    """The words worth searching for: stop words dropped, unless the query is nothing but stop words."""
    kept = [word for word in query_words if word.lower() not in STOP_WORDS]
    return kept or list(query_words)
