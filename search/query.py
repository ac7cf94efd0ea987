"""What a reader asked for: the query text and the ticked facets, read safely from the address.

Anything may arrive here (null bytes, ten thousand characters, FTS operators, `page=abc`): it is cleaned to
words and quoted phrases, so no backend ever sees query syntax of its own, and nothing raises.
"""

import re
from dataclasses import dataclass, field, replace

from search.text import WORD, words

MAX_QUERY_LENGTH = 200
PER_PAGE = 10
MAX_PAGE = 1000
MAX_FILTER_VALUES = 20
FACET_PARAMETERS = ("type", "section", "tag", "owner")

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
PHRASE = re.compile(r'"([^"]*)"')
DOCUMENT_NUMBER = re.compile(r"^([A-Za-z]{3})[- ]?(\d{1,5})$")


def clean_text(raw):
    """The query as shown back to the reader: no control characters, single spaces, at most 200 characters."""
    text = CONTROL_CHARACTERS.sub(" ", raw or "")
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def split_query(text):
    """Quoted phrases and the remaining words. An unmatched quote is ignored; operators are just text."""
    phrases = [" ".join(words(p)) for p in PHRASE.findall(text)]
    rest = PHRASE.sub(" ", text).replace('"', " ")
    return [p for p in phrases if p], words(rest)


def parse_page(raw):
    try:
        return min(max(int(raw), 1), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


def _values(querydict, name, convert=str):
    values = []
    for raw in querydict.getlist(name)[:MAX_FILTER_VALUES]:
        raw = CONTROL_CHARACTERS.sub("", raw).strip()[:100]
        try:
            value = convert(raw)
        except (TypeError, ValueError):
            continue  # an id that is not a number cannot match anything
        if value not in values:
            values.append(value)
    return tuple(values)


MAX_ID = 2**31 - 1  # a larger number names no page, and the databases refuse it as an id


def _id(raw):
    value = int(raw)
    if not 0 < value <= MAX_ID:
        raise ValueError(raw)
    return value


def _slug(raw):
    if not raw or not all(WORD.fullmatch(part) for part in raw.split("-")):
        raise ValueError(raw)
    return raw


@dataclass(frozen=True)
class SearchRequest:
    text: str = ""
    types: tuple = ()  # model names: policypage, procedurepage, instructionpage
    sections: tuple = ()  # section page ids
    tags: tuple = ()  # tag slugs
    owners: tuple = ()  # owner team (group) ids
    page: int = 1
    per_page: int = PER_PAGE
    match_any: bool = field(default=False, compare=False)  # set when no document had every word

    @classmethod
    def from_querydict(cls, querydict):
        return cls(
            text=clean_text(querydict.get("q", "")),
            types=_values(querydict, "type", _slug),
            sections=_values(querydict, "section", _id),
            tags=_values(querydict, "tag", _slug),
            owners=_values(querydict, "owner", _id),
            page=parse_page(querydict.get("page", 1)),
        )

    @property
    def phrases(self):
        return split_query(self.text)[0]

    @property
    def words(self):
        return split_query(self.text)[1]

    @property
    def is_empty(self):
        return not (self.phrases or self.words)

    @property
    def has_filters(self):
        return bool(self.types or self.sections or self.tags or self.owners)

    def document_number(self):
        """'PRO-14', 'pro 014' and 'PRO014' all name PRO-014; None when the query is not a document number."""
        match = DOCUMENT_NUMBER.match(self.text)
        if not match:
            return None
        return f"{match.group(1).upper()}-{int(match.group(2)):03d}"

    def filters(self):
        return {"type": self.types, "section": self.sections, "tag": self.tags, "owner": self.owners}

    def with_page(self, page):
        return replace(self, page=page)

    def matching_any(self):
        return replace(self, match_any=True)
