"""Keep the search table in step with published pages (synchronously: one page is a
few small writes, well under the 1 s budget)."""

from django.db import connection, transaction
from wagtail.models import Page

from search import fulltext, postings
from search.models import SearchEntry, SearchFacetValue
from search.registry import SearchDocument, document_for, searchable_models
from search.text import normalise


def index_page(page: Page) -> SearchEntry | None:
    """Index a live, public page of a registered type; unindex it otherwise.

    The entry is written anew (new id) rather than updated in place.
    """
    page = page.specific
    if (
        type(page) not in searchable_models()
        or not page.live
        or page.get_view_restrictions().exists()
    ):
        remove_page(page)
        return None
    document = document_for(page)
    with transaction.atomic():
        remove_page(page)
        bulk_index(
            [(page.pk, page.locale.language_code, page._meta.label_lower, document)]
        )
    return SearchEntry.objects.get(page_id=page.pk)


def remove_page(page: Page) -> None:
    ids = list(SearchEntry.objects.filter(page_id=page.pk).values_list("id", flat=True))
    if ids:
        fulltext.delete_fulltext(ids)
        SearchEntry.objects.filter(id__in=ids).delete()
        postings.bump_version()


def reindex_all() -> int:
    count = 0
    for model in searchable_models():
        for page in model.objects.live().iterator():
            if index_page(page):
                count += 1
    return count


def bulk_index(rows: list[tuple[int, str, str, SearchDocument]]) -> None:
    """Index many pages at once (page id, language, model label, document): for data
    generators and rebuilds; the same rows as index_page writes, without per-page
    queries."""
    entries = SearchEntry.objects.bulk_create(
        SearchEntry(
            page_id=page_id,
            language=language,
            kind=kind,
            title=document.title,
            text=document.text,
            title_norm=normalise(document.title),
            body_norm=normalise(document.text),
            date=document.date,
        )
        for page_id, language, kind, document in rows
    )
    if connection.vendor == "sqlite" and not all(e.pk for e in entries):
        ids = dict(
            SearchEntry.objects.filter(page_id__in=[r[0] for r in rows]).values_list(
                "page_id", "id"
            )
        )
        for entry in entries:
            entry.pk = entry.id = ids[entry.page_id]
    facet_rows = []
    for entry, (_, _, kind, document) in zip(entries, rows, strict=True):
        values = {"kind": [kind], **document.facets}
        if document.date:
            values["year"] = [str(document.date.year)]
        facet_rows += [
            SearchFacetValue(entry_id=entry.pk, facet=name, value=str(v)[:64])
            for name, facet_values in values.items()
            for v in facet_values
        ]
    SearchFacetValue.objects.bulk_create(facet_rows, batch_size=5000)
    fulltext.write_fulltext_many(
        [(e.pk, e.title_norm, e.body_norm, e.language) for e in entries]
    )
    postings.bump_version()
