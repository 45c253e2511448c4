"""How a learning cycle takes part in site search (beside lessons): its text, its
date and the `cycle` facet, so that filtering on a cycle shows the cycle itself and
the lessons drawn from it."""

from django.utils.html import strip_tags

from cycles.models import CyclePage
from search.registry import SearchDocument, register


def cycle_text(cycle: CyclePage) -> str:
    parts = [
        cycle.summary,
        strip_tags(cycle.health_issue),
        strip_tags(cycle.why_it_matters),
        strip_tags(cycle.objectives),
    ]
    return " ".join(p.strip() for p in parts if p and p.strip())


def cycle_document(cycle: CyclePage) -> SearchDocument:
    return SearchDocument(
        title=cycle.title,
        text=cycle_text(cycle),
        date=cycle.issue_date,
        facets={"cycle": [str(cycle.translation_key)]},
    )


register(CyclePage, cycle_document)
