from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal import pagecache
from portal.ratelimit import rate_limit
from search.engine import autocomplete as autocomplete_titles
from search.engine import run_search
from search.forms import SearchForm
from search.presentation import results_context
from search.text import cut_query


@rate_limit("search", methods=("GET",))
def search(request: HttpRequest) -> HttpResponse:
    """Faceted search over registered page types in the reader's language.

    The results are the same for every reader (only live pages without view
    restrictions are indexed, search/indexing.py) and change only with a publication,
    an unpublication, a deletion or a privacy change, each of which purges the page
    cache: an anonymous reader's page may be stored. A stored page is served before
    this view's rate limit (costing nothing); a miss is counted as before."""
    pagecache.mark_storable(request)
    form = SearchForm(request.GET)
    query = form.to_query(get_language())
    results = run_search(query)
    return TemplateResponse(
        request, "search/search.html", results_context(request, form, results)
    )


@rate_limit(
    "autocomplete",
    methods=("GET",),
    json_message=_("Too many requests: wait a minute, then type again."),
)
def autocomplete(request: HttpRequest) -> JsonResponse:
    text = cut_query(request.GET.get("q", ""))
    return JsonResponse({"results": autocomplete_titles(text, get_language())})
