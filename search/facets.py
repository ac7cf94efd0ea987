"""Facets: document type, section, tags and owner, each counted for the current query.

A facet's counts obey the other facets' ticks but not its own, so ticking "Procedure" does not hide the
other types: several values of one facet widen the search (or), values of different facets narrow it (and).
"""

from collections import Counter

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.models import Page

from handbook.models import ControlledDocumentPage
from search.results import Facet, FacetOption

FACET_LABELS = {"type": _("Document type"), "section": _("Section"), "tag": _("Tags"), "owner": _("Owner")}
MAX_OPTIONS = {"type": 10, "section": 50, "tag": 15, "owner": 30}


def document_types():
    """The model name and label of every document type, e.g. ('procedurepage', 'procedure')."""
    return {model._meta.model_name: model._meta.verbose_name for model in ControlledDocumentPage.__subclasses__()}


def type_name(content_type_id):
    return ContentType.objects.get_for_id(content_type_id).model


def passes(values, filters, skip=None):
    """Whether a document's facet values match every ticked facet but `skip`."""
    return all(values[name] & set(wanted) for name, wanted in filters.items() if wanted and name != skip)


def count(rows, filters):
    """Counts per facet and value over `rows`, each a dict of facet name to the set of the document's values.

    A document that fails no ticked facet counts in every facet; one that fails exactly one counts in that one
    only (its counts ignore their own ticks); one that fails two counts nowhere.
    """
    ticked = {name: set(wanted) for name, wanted in filters.items() if wanted}
    counts = {name: Counter() for name in FACET_LABELS}
    for values in rows:
        failed = [name for name, wanted in ticked.items() if not values[name] & wanted]
        if len(failed) > 1:
            continue
        for name in failed or FACET_LABELS:
            counts[name].update(values[name])
    return counts


def build(counts, request, labels):
    """Facet objects for the page: values with documents, plus every ticked value, most documents first."""
    facets = []
    for name, facet_label in FACET_LABELS.items():
        selected = set(request.filters()[name])
        counted = counts.get(name, {})
        options = [
            FacetOption(str(value), str(labels[name][value]), counted.get(value, 0), value in selected)
            for value in set(counted) | selected
            if value in labels[name]  # an unknown value in the address is not offered back
        ]
        options.sort(key=lambda option: (not option.selected, -option.count, option.label.lower()))
        facets.append(Facet(name, facet_label, options[: max(MAX_OPTIONS[name], len(selected))]))
    return facets


def labels_for(counts, request):
    """Names for the facet values: types from the models, the rest in one query each."""
    section_ids = set(counts["section"]) | set(request.sections)
    owner_ids = set(counts["owner"]) | set(request.owners)
    return {
        "type": {name: capfirst(label) for name, label in document_types().items()},
        "section": dict(Page.objects.filter(id__in=section_ids).values_list("id", "title")),
        "owner": dict(Group.objects.filter(id__in=owner_ids).values_list("id", "name")),
        "tag": tag_names(set(counts["tag"]) | set(request.tags)),
    }


def tag_names(slugs):
    return dict(Tag.objects.filter(slug__in=slugs).values_list("slug", "name"))
