from django import forms
from django.utils.translation import gettext_lazy as _

from search.engine import SearchQuery
from search.registry import facets
from search.text import cut_query

ORDER_CHOICES = [("relevance", _("Relevance")), ("date", _("Newest first"))]
MAX_FILTER_VALUES = 10


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search the portal"), required=False)
    order = forms.ChoiceField(label=_("Order"), choices=ORDER_CHOICES, required=False)
    page = forms.IntegerField(min_value=1, max_value=10_000, required=False)

    def clean_q(self) -> str:
        # Longer queries are cut, not refused: what a reader pasted still searches.
        return cut_query(self.cleaned_data["q"]).strip()

    def to_query(self, language: str) -> SearchQuery:
        data = self.cleaned_data if self.is_valid() else {}
        filters = {}
        for facet in facets():
            values = [v[:64] for v in self.data.getlist(facet.name) if v][
                :MAX_FILTER_VALUES
            ]
            if values:
                filters[facet.name] = list(dict.fromkeys(values))
        return SearchQuery(
            text=data.get("q") or "",
            language=language,
            filters=filters,
            order=data.get("order") or ("relevance" if data.get("q") else "date"),
            page=data.get("page") or 1,
        )
