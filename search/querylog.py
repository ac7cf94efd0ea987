"""Records a reader's query, never the reader: the query string, the day, and whether anything was found."""

import logging

from django.db import DatabaseError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query

from search.models import QueryOutcome

logger = logging.getLogger(__name__)


def record(text, hit_count):
    """Counts the search; a failure to count is logged and never costs the reader the results."""
    try:
        with transaction.atomic():
            query = Query.get(text)
            query.add_hit()
            today = timezone.localdate()
            outcome, _ = QueryOutcome.objects.get_or_create(query=query, defaults={"last_searched": today})
            QueryOutcome.objects.filter(pk=outcome.pk).update(
                zero_hit_searches=F("zero_hit_searches") + (0 if hit_count else 1),
                last_hit_count=hit_count,
                last_searched=today,
            )
    except DatabaseError:
        logger.exception("Could not record a search query")
