"""A compact, denormalised search table: one row per searchable page (one language).

Text is stored normalised (no accents, folded case) for matching, plus the plain text
for snippets. Every facet value is one row of SearchFacetValue, indexed, so facet
counts need no GROUP BY (see search/postings.py). The full-text index itself
(SQLite FTS5 table or PostgreSQL tsvector + GIN) is made by migration 0002.
"""

from django.db import models
from wagtail.models import Page


class SearchEntry(models.Model):
    page = models.OneToOneField(Page, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=7)
    kind = models.CharField(max_length=60)
    title = models.CharField(max_length=255)
    text = models.TextField()
    title_norm = models.TextField()
    body_norm = models.TextField()
    date = models.DateField(null=True)

    class Meta:
        indexes = [models.Index(fields=["language", "date"], name="search_lang_date")]

    def __str__(self) -> str:
        return self.title


class SearchFacetValue(models.Model):
    entry = models.ForeignKey(
        SearchEntry, on_delete=models.CASCADE, related_name="facets"
    )
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=64)

    class Meta:
        indexes = [
            models.Index(
                fields=["facet", "value", "entry"], name="search_facet_lookup"
            ),
            models.Index(
                fields=["entry", "facet", "value"], name="search_entry_facets"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.facet}={self.value}"
