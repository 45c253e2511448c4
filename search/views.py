import re

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

MAX_QUERY_LENGTH = 1000


def search(request: HttpRequest) -> HttpResponse:
    """Site search over published pages in the reader's language.

    The lessons library replaces this with faceted search (see the lessons issue).
    """
    # PostgreSQL refuses NUL characters in text: drop them rather than fail.
    query = request.GET.get("q", "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]
    # Punctuation is query syntax for SQLite FTS5 and PostgreSQL (`data:x` is a column
    # filter there): search the words only, and show the query as typed.
    terms = re.sub(r"[^\w\s]", " ", query).strip()
    results = Page.objects.none()
    if terms:
        pages = Page.objects.live().public().filter(locale=Locale.get_active())
        results = pages.search(terms)
    page_obj = Paginator(results, 10).get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "search/search.html", {"query": query, "page_obj": page_obj}
    )
