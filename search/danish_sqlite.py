"""Wagtail's SQLite search backend in Danish.

SQLite's FTS5 does not stem, so the index stores Snowball stems (search.text) and every query is stemmed the
same way before it reaches FTS5. The autocomplete column is left as written: it matches the beginnings of words.
Imported only on SQLite: Wagtail defines the FTS table's model on SQLite alone.
"""

from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat, StrIndex
from django.utils.functional import cached_property
from modelsearch.backends.database.sqlite import sqlite
from modelsearch.backends.database.sqlite.query import BM25, MatchExpression, normalize
from modelsearch.query import And, MatchAll, Not, Or, Phrase, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from search.text import stemmed_text


class DanishObjectIndexer(sqlite.ObjectIndexer):
    @cached_property
    def title(self):
        return stemmed_text(super().title)

    @cached_property
    def body(self):
        return stemmed_text(super().body)


class DanishSQLiteIndex(sqlite.SQLiteIndex):
    """Writes index entries through DanishObjectIndexer; otherwise Wagtail's SQLite index."""

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        content_type_pk = get_content_type_pk(model)
        values = {}
        for obj in objs:
            indexer = DanishObjectIndexer(obj, self.backend)
            values[indexer.id] = {"title": indexer.title, "autocomplete": indexer.autocomplete, "body": indexer.body}
        if not values:
            return
        entries = self.entries.filter(content_type_id=content_type_pk)
        existing = set(entries.filter(object_id__in=values).values_list("object_id", flat=True))
        for object_id in existing:
            entries.filter(object_id=object_id).update(**values[object_id])
        self.entries.bulk_create(
            sqlite.IndexEntry(content_type_id=content_type_pk, object_id=object_id, **fields)
            for object_id, fields in values.items()
            if object_id not in existing
        )
        self._refresh_title_norms()


def stem_query(query):
    """The same query with each word replaced by its stem; operators and phrases are kept."""
    if isinstance(query, PlainText):
        return PlainText(stemmed_text(query.query_string), operator=query.operator)
    if isinstance(query, Phrase):
        return Phrase(stemmed_text(query.query_string))
    if isinstance(query, (And, Or)):
        return type(query)([stem_query(subquery) for subquery in query.subqueries])
    if isinstance(query, Not):
        return Not(stem_query(query.subquery))
    return query


class TitleWeightedBM25(BM25):
    """bm25() with a match in the title worth ten in the body (the FTS5 columns: autocomplete, body, title)."""

    def as_sql(self, compiler, connection, function=None, template=None):
        return f"bm25({sqlite.SQLiteFTSIndexEntry._meta.db_table}, 0, 1.0, 10.0)", []


class DanishSQLiteSearchQueryCompiler(sqlite.SQLiteSearchQueryCompiler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = stem_query(self.query)  # after Wagtail has turned a plain string into a query

    def _build_rank_expression(self, vectors, config):
        # Wagtail's SQLite ranking weighs every column alike; ours ranks title matches first.
        return TitleWeightedBM25()

    def search(self, config, start, stop, score_field=None):
        """Ranks once in the full-text table, then orders the objects by their place in that ranking.

        Wagtail scores each object by a correlated subquery, which runs the full-text match again for every
        object: seconds for a few thousand matches. Scores asked for by name, and negated queries, go its way.
        """
        query = normalize(self.query)
        if not self.order_by_relevance or score_field is not None or isinstance(query, (MatchAll, Not)):
            return super().search(config, start, stop, score_field)
        matches = sqlite.SQLiteFTSIndexEntry.objects.filter(
            MatchExpression(self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)),
            index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model),
        ).values_list("index_entry__object_id", flat=True)
        ranking = "," + ",".join(matches.order_by(TitleWeightedBM25().asc())) + ","
        place = StrIndex(Value(ranking), Concat(Value(","), Cast("pk", CharField()), Value(",")))
        return self.queryset.filter(pk__in=matches).order_by(place, "-pk")[start:stop]


class DanishSQLiteSearchBackend(sqlite.SQLiteSearchBackend):
    query_compiler_class = DanishSQLiteSearchQueryCompiler
    index_class = DanishSQLiteIndex
