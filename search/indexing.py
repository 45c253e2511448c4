"""Keep the search table in step with published pages (synchronously: one page is a
few small writes, well under the 1 s budget)."""

from django.db import transaction
from wagtail.models import Page

from search import fulltext
from search.models import SearchEntry, SearchFacetValue
from search.registry import document_for, searchable_models
from search.text import normalise


def index_page(page: Page) -> SearchEntry | None:
    """Index a live, public page of a registered type; unindex it otherwise."""
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
        entry, _ = SearchEntry.objects.update_or_create(
            page_id=page.pk,
            defaults={
                "language": page.locale.language_code,
                "kind": page._meta.label_lower,
                "title": document.title,
                "text": document.text,
                "title_norm": normalise(document.title),
                "body_norm": normalise(document.text),
                "date": document.date,
            },
        )
        entry.facets.all().delete()
        SearchFacetValue.objects.bulk_create(
            SearchFacetValue(entry=entry, facet=facet, value=str(value)[:64])
            for facet, values in _all_facets(page, document).items()
            for value in values
        )
        fulltext.write_fulltext(entry.pk, entry.title_norm, entry.body_norm)
    return entry


def _all_facets(page: Page, document) -> dict[str, list[str]]:
    values = {"kind": [page._meta.label_lower]}
    if document.date:
        values["year"] = [str(document.date.year)]
    values.update(document.facets)
    return values


def remove_page(page: Page) -> None:
    ids = list(SearchEntry.objects.filter(page_id=page.pk).values_list("id", flat=True))
    fulltext.delete_fulltext(ids)
    SearchEntry.objects.filter(id__in=ids).delete()


def reindex_all() -> int:
    count = 0
    for model in searchable_models():
        for page in model.objects.live().iterator():
            if index_page(page):
                count += 1
    return count
