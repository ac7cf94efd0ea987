"""Keeps the readers' Elasticsearch index in step with the handbook: publish, unpublish, move, delete, and view
restrictions put on or taken off a part of the tree.

Connected only when ELASTICSEARCH_URL is set. The index is updated after the database transaction commits, so
it never holds what was rolled back; an Elasticsearch that fails is logged and never costs an editor a
publish (`manage.py rebuild_search_index` catches up once it is back).
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from elasticsearch import ApiError, TransportError
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from handbook.models import ControlledDocumentPage
from search import es_index
from search.backends.database import visible_documents

logger = logging.getLogger(__name__)

ERRORS = (ApiError, TransportError)


def sync(page_ids):
    """Indexes each document as readers may now see it, or takes it out when they may not (any more)."""
    visible = {page.pk: page for page in visible_documents().filter(pk__in=page_ids)}
    for page_id in page_ids:
        try:
            if page_id in visible:
                es_index.index_page(visible[page_id])
            else:
                es_index.remove_page(page_id)
        except ERRORS as error:
            logger.warning("Elasticsearch did not update document %s (%s); run rebuild_search_index", page_id, error)


def sync_subtree(page_id):
    """Every document at or below a page: a move or a view restriction changes them all."""
    page = Page.objects.filter(pk=page_id).only("path").first()
    if page is not None:
        sync(list(ControlledDocumentPage.objects.filter(path__startswith=page.path).values_list("pk", flat=True)))


def _after_commit(function, *args):
    transaction.on_commit(lambda: function(*args), robust=True)


def document_changed(sender, instance, **kwargs):
    if isinstance(instance, ControlledDocumentPage):
        _after_commit(sync, [instance.pk])


def page_moved(sender, instance, **kwargs):
    _after_commit(sync_subtree, instance.pk)


def restriction_changed(sender, instance, **kwargs):
    _after_commit(sync_subtree, instance.page_id)


# (signal, receiver, sender): Django's own signals are sent once per model in a page's inheritance chain, so
# deletion is heard from ControlledDocumentPage alone, whichever document type or ancestor was deleted.
RECEIVERS = [
    (page_published, document_changed, None),
    (page_unpublished, document_changed, None),
    (post_page_move, page_moved, None),
    (post_delete, document_changed, ControlledDocumentPage),
    (post_save, restriction_changed, PageViewRestriction),
    (post_delete, restriction_changed, PageViewRestriction),
]


_state = {"connected": False}


def _uid(signal, receiver):
    return f"search.es_signals.{receiver.__name__}.{id(signal)}"


def connect():
    for signal, receiver, sender in RECEIVERS:
        signal.connect(receiver, sender=sender, dispatch_uid=_uid(signal, receiver))
    _state["connected"] = True


def disconnect():
    for signal, receiver, sender in RECEIVERS:
        signal.disconnect(receiver, sender=sender, dispatch_uid=_uid(signal, receiver))
    _state["connected"] = False


def connected():
    return _state["connected"]
