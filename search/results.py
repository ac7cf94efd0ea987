"""What every search backend returns, so the page and the contract tests need not know which one ran."""

import datetime
from dataclasses import dataclass, field


@dataclass
class AttachmentHit:
    title: str
    url: str
    excerpt: str  # safe HTML: escaped text with the matched words in <mark>


@dataclass
class Hit:
    page_id: int
    title: str
    url: str
    document_number: str
    type_label: str
    section: str
    version: str
    date: datetime.date | None
    excerpt: str  # safe HTML, as above; empty when nothing matched outside the title
    attachments: list[AttachmentHit] = field(default_factory=list)
    recommended: bool = False


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str  # the query parameter: type, section, tag or owner
    label: str
    options: list[FacetOption]


@dataclass
class SearchResult:
    request: object  # the SearchRequest answered
    hits: list[Hit]
    total: int
    facets: list[Facet]
    recommended: list[Hit] = field(default_factory=list)

    @property
    def page_count(self):
        return max(1, -(-self.total // self.request.per_page))

    def facet(self, name):
        return next(facet for facet in self.facets if facet.name == name)


@dataclass
class Suggestion:
    title: str
    document_number: str
    url: str
