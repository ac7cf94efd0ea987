"""Many published documents, fast, and as correct as if an editor had published each one.

Publishing one page through Wagtail costs ~70 ms on SQLite (validation, a revision, a publish, the search
index and the reference index, each page alone); ten thousand of them would take a quarter of an hour. Here a
batch of pages is written in one transaction with the same result:

- tree: each page gets the next materialised path below its section, as treebeard's add_child would give it,
  and the sections' child counts are set once per batch;
- document numbers: a block of running numbers is taken from handbook's counter under its row lock, so they
  are unique and never reused, as `next_document_number` would give them one by one;
- publication: live, with one to several published versions (1.0, 1.1, 2.0 …, bench.datagen.history), each
  with a revision holding the page's content as published in it (what Wagtail would store), its entry in the
  version register with its change summary and approver, and its publish in the page's history; the last
  revision is the page's latest and live one;
- search: Wagtail's per-save indexing is held back and the batch is added to the index in one call.

Not done: Wagtail's reference index (the admin's usage counts of the attached files); `manage.py
rebuild_references_index` fills it when wanted.
"""

import datetime
from collections import defaultdict
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models.signals import post_save
from django.utils import timezone
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations, get_serializable_data_for_fields
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update

from bench.datagen.factory import KINDS
from handbook.dates import add_months
from handbook.models import ControlledDocumentPage, DocumentNumberCounter, DocumentTag, DocumentVersion

MODELS = [ControlledDocumentPage] + [model for _kind, model, _weight in KINDS]


def reserve_numbers(prefix, count):
    """`count` consecutive document numbers for a prefix, taken from the counter as next_document_number does."""
    with transaction.atomic():
        counter, _created = DocumentNumberCounter.objects.select_for_update().get_or_create(prefix=prefix)
        first = counter.last_number + 1
        counter.last_number += count
        counter.save(update_fields=["last_number"])
    return [f"{prefix}-{number:03d}" for number in range(first, first + count)]


@contextmanager
def indexing_held_back():
    """Wagtail indexes every page as it is saved; the batch is indexed in one call instead."""
    for model in MODELS:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in MODELS:
            post_save.connect(post_save_signal_handler, sender=model)


def _at_nine(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))


def _place(page, section, position):
    """Puts the page at child position `position` of the section, as treebeard's add_child would."""
    page.depth = section.depth + 1
    page.path = Page._get_path(section.path, page.depth, position)
    page.numchild = 0
    page.url_path = f"{section.url_path}{page.slug}/"
    page._cached_parent_obj = section
    page.first_published_at = _at_nine(page._versions[0].published)
    page.last_published_at = page.latest_revision_created_at = _at_nine(page._versions[-1].published)


def _last_position(section):
    last = Page.objects.filter(path__startswith=section.path, depth=section.depth + 1).order_by("-path").first()
    return last._get_lastpos_in_path() if last else 0


def _save_tags(pages):
    """The pages' tags in one insert; each page keeps its rows for its revision."""
    rows = DocumentTag.objects.bulk_create(
        DocumentTag(content_object_id=page.pk, tag=tag) for page in pages for tag in page._generated_tags
    )
    by_page = defaultdict(list)
    for row in rows:
        by_page[row.content_object_id].append(row)
    for page in pages:
        page._tag_rows = by_page[page.pk]


def _revision_content(page):
    """What Wagtail's serializable_data() stores in a revision, without its query per relation: a new page's
    child and many-to-many relations are empty but for its tags."""
    content = get_serializable_data_for_fields(page)
    for relation in get_all_child_relations(page):
        content[relation.get_accessor_name()] = []
    for field in get_all_child_m2m_relations(page):
        if field.serialize:
            content[field.name] = []
    content["tagged_items"] = [{"pk": row.pk, "tag": row.tag_id, "content_object": page.pk} for row in page._tag_rows]
    return content


def _version_contents(page):
    """The revision content of each version, oldest first: the page's own fields as they were published then."""
    current = page._versions[-1]
    contents = []
    for version in page._versions:
        _show_version(page, version)
        contents.append(_revision_content(page))
    _show_version(page, current)
    return contents


def _show_version(page, version):
    page.body = version.body
    page.version_major, page.version_minor = version.major, version.minor
    page.effective_date = version.published
    page.next_review_date = add_months(version.published, page.review_interval_months)
    page.change_summary = version.summary
    page.is_significant_change = version.significant
    page.last_published_at = _at_nine(version.published)


def _record_publication(pages):
    """A revision per published version, the last one set as the page's latest and live revision, each version
    in the register (significant ones asking the owner team, or all staff, to confirm), and each publish in the
    page's history."""
    page_type = ContentType.objects.get_for_model(Page)
    planned = [
        (page, version, content)
        for page in pages
        for version, content in zip(page._versions, _version_contents(page), strict=True)
    ]
    revisions = Revision.objects.bulk_create(
        Revision(
            content_type=ContentType.objects.get_for_model(page),
            base_content_type=page_type,
            object_id=str(page.pk),
            created_at=_at_nine(version.published),
            user_id=page.responsible_person_id,
            object_str=page.title,
            content=content,
        )
        for page, version, content in planned
    )
    for (page, _version, _content), revision in zip(planned, revisions, strict=True):
        page.latest_revision = page.live_revision = revision  # the last version's wins
    Page.objects.bulk_update(
        [Page(pk=p.pk, latest_revision=p.latest_revision, live_revision=p.live_revision) for p in pages],
        ["latest_revision", "live_revision"],
    )
    _register_versions(planned, revisions)
    PageLogEntry.objects.bulk_create(
        PageLogEntry(
            page_id=page.pk,
            content_type=ContentType.objects.get_for_model(page),
            label=page.title,
            action="wagtail.publish",
            timestamp=_at_nine(version.published),
            user_id=page.approver_id,
            revision=revision,
            content_changed=True,
        )
        for (page, version, _content), revision in zip(planned, revisions, strict=True)
    )


def _register_versions(planned, revisions):
    records = DocumentVersion.objects.bulk_create(
        DocumentVersion(
            document_id=page.pk,
            revision=revision,
            major=version.major,
            minor=version.minor,
            published_at=_at_nine(version.published),
            effective_date=version.published,
            approved_by_id=page.approver_id,
            change_summary=version.summary,
            is_significant=version.significant,
        )
        for (page, version, _content), revision in zip(planned, revisions, strict=True)
    )
    audience = DocumentVersion.audience.through
    audience.objects.bulk_create(
        audience(documentversion_id=record.pk, group_id=page.owner_team_id)
        for (page, version, _content), record in zip(planned, records, strict=True)
        # Half of the significant versions ask the owner team to confirm, the others all staff.
        if version.significant and page.owner_team_id and page.pk % 2
    )


def index(pages):
    """Adds the pages to every configured search backend, one bulk call per page type."""
    by_model = defaultdict(list)
    for page in pages:
        by_model[type(page)].append(page)
    for backend in get_search_backends(with_auto_update=True):
        for model, objs in by_model.items():
            backend.add_bulk(model, objs)


def create_batch(factory, sections, count):
    """Creates `count` published, indexed documents spread over `sections` [(section, theme, tags)]."""
    plan = defaultdict(list)  # model -> [(section, theme, tags, kind)]
    for _ in range(count):
        kind, model, _weight = factory.kind()
        plan[model].append((*factory.rng.choice(sections), kind))
    pages = []
    with transaction.atomic(), indexing_held_back():
        positions = {}
        for model, items in plan.items():
            numbers = reserve_numbers(model.number_prefix, len(items))
            for (section, theme, tags, kind), number in zip(items, numbers, strict=True):
                page = factory.build(section, theme, tags, kind, model, number)
                if section.pk not in positions:
                    positions[section.pk] = _last_position(section)
                positions[section.pk] += 1
                _place(page, section, positions[section.pk])
                page.save(clean=False, log_action=None)  # the publish is logged with the batch
                pages.append(page)
        for section, *_rest in sections:
            if section.pk in positions:
                Page.objects.filter(pk=section.pk).update(numchild=Page.objects.child_of(section).count())
        _save_tags(pages)
        _record_publication(pages)
        index(pages)
    return pages


def refresh_statistics():
    """Fresh planner statistics after a bulk load, as autovacuum gives a database in use (VACUUM cannot run
    inside a transaction, as in a test)."""
    vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
