"""A compact, denormalised search table: one row per searchable page (one language).

Text is stored normalised (no accents, folded case) for matching, plus the plain text
for snippets. Every facet value is one row of SearchFacetValue, indexed, so facet
counts need no GROUP BY (see search/postings.py). The full-text index itself
(SQLite FTS5 table or PostgreSQL tsvector + GIN) is made by migration 0002.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class SearchEntry(models.Model):
    page = models.OneToOneField(
        Page, on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    language = models.CharField(max_length=7, verbose_name=_("language"))
    kind = models.CharField(max_length=60, verbose_name=_("kind"))
    title = models.CharField(max_length=255, verbose_name=_("title"))
    text = models.TextField(verbose_name=_("text"))
    title_norm = models.TextField(verbose_name=_("normalised title"))
    body_norm = models.TextField(verbose_name=_("normalised text"))
    date = models.DateField(null=True, verbose_name=_("date"))

    class Meta:
        indexes = [models.Index(fields=["language", "date"], name="search_lang_date")]
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self) -> str:
        return self.title


class SearchFacetValue(models.Model):
    entry = models.ForeignKey(
        SearchEntry,
        on_delete=models.CASCADE,
        related_name="facets",
        verbose_name=_("search entry"),
    )
    facet = models.CharField(max_length=20, verbose_name=_("facet"))
    value = models.CharField(max_length=64, verbose_name=_("value"))

    class Meta:
        indexes = [
            models.Index(
                fields=["facet", "value", "entry"], name="search_facet_lookup"
            ),
            models.Index(
                fields=["entry", "facet", "value"], name="search_entry_facets"
            ),
        ]
        verbose_name = _("search facet value")
        verbose_name_plural = _("search facet values")

    def __str__(self) -> str:
        return f"{self.facet}={self.value}"
