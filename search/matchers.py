"""Matching, the one part that depends on the backend: the database's own full-text
index (SQLite FTS5, PostgreSQL tsvector) or Wagtail's Elasticsearch backend."""

import numpy as np
from django.conf import settings
from django.db import connection, transaction
from wagtail.models import Page

from portal.translations import for_readers_of
from search import fulltext, postings
from search.models import SearchEntry
from search.query import ELASTICSEARCH_MAX_HITS, SearchQuery
from search.registry import searchable_models


def elasticsearch_enabled() -> bool:
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    return "elasticsearch" in backend


RANK_CAP = 2000


class DatabaseMatcher:
    """Matches with the database's own full-text index (FTS5 or tsvector + GIN)."""

    def __init__(self, query: SearchQuery):
        self.query = query
        self.terms = query.terms

    def _ids(self, sql: str, params: list) -> np.ndarray:
        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # When most entries match, the planner picks a sequential scan that
                # detoasts every tsvector (5x slower here than the GIN bitmap, which
                # needs no recheck): for this one statement, use the index.
                cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(sql, params)
            return np.fromiter((row[0] for row in cursor.fetchall()), dtype=np.int64)

    def languages(self) -> list[str]:
        """The reader's language and, for another language, the source language
        (its untranslated pages are listed too; `run_search` keeps only those)."""
        source = postings.default_language()
        return [self.query.language] + (
            [source] if source != self.query.language else []
        )

    def ids(self) -> np.ndarray:
        self.match_count = 0
        found = []
        for language in self.languages():
            sql, params, _ = fulltext.match_sql(self.terms, language)
            found.append(self._ids(sql, params))
        ids = np.concatenate(found) if found else np.empty(0, dtype=np.int64)
        self.match_count = len(ids)
        return ids

    def ranking(self, matching: np.ndarray) -> np.ndarray:
        """A sort key per matching entry (lower first).

        Full relevance scoring (bm25 / ts_rank) costs time per matching document,
        so it runs only when at most RANK_CAP documents match; beyond that, entries
        whose title matches every term come first, then the newest.
        """
        if self.match_count <= RANK_CAP:
            scores, sign = {}, 1.0
            for language in self.languages():
                sql, params, direction = fulltext.match_sql(
                    self.terms, language, with_score=True
                )
                with connection.cursor() as cursor:
                    cursor.execute(sql, params)
                    scores.update(cursor.fetchall())
                sign = 1.0 if direction == "ASC" else -1.0
            return np.array([sign * float(scores.get(int(pk), 0.0)) for pk in matching])
        title_hits = []
        for language in self.languages():
            sql, params, _ = fulltext.match_sql(self.terms, language, title_only=True)
            title_hits.append(self._ids(sql, params))
        return np.where(np.isin(matching, np.concatenate(title_hits)), 0.0, 1.0)


class ElasticsearchMatcher:
    """Matches with Wagtail's Elasticsearch backend; facets stay in the database."""

    def __init__(self, query: SearchQuery):
        self.query = query
        self.terms = query.terms
        self.rank: dict[int, int] = {}

    def ids(self) -> np.ndarray:
        pages = (
            for_readers_of(Page.objects.live().public(), self.query.language)
            .type(*searchable_models())
            .search(" ".join(self.terms), operator="and")
        )
        page_ids = [int(pk) for pk in pages[:ELASTICSEARCH_MAX_HITS].get_pks()]
        entry_of_page = dict(
            SearchEntry.objects.filter(page_id__in=page_ids).values_list(
                "page_id", "id"
            )
        )
        ordered = [entry_of_page[pk] for pk in page_ids if pk in entry_of_page]
        self.rank = {entry_id: rank for rank, entry_id in enumerate(ordered)}
        return np.array(ordered, dtype=np.int64)

    def ranking(self, matching: np.ndarray) -> np.ndarray:
        return np.array([self.rank.get(int(pk), len(self.rank)) for pk in matching])
