"""A routed page's view restrictions from the site's cache (see portal/routing.py).

Wagtail reads a page's restrictions before serving it in two queries: its ancestors'
aliases, then the restrictions on the page and its ancestors. When portal/routing.py
routed the page it already knows that no page of its chain is an alias, and the list of
every restriction's page path is in the site's cache (portal/privacy.py): none apply on
most pages (no query), and those that do are read by id (one).
"""

from wagtail.models import PageViewRestriction

from portal.privacy import restriction_rows

NO_ALIASES = "_routed_without_aliases"  # set on a page routed by portal/routing.py


def restriction_ids_over(path: str) -> list[int]:
    """The restrictions set on the page at tree ``path`` or on one of its ancestors."""
    return [pk for pk, _kind, where in restriction_rows() if path.startswith(where)]


class RoutedPageMixin:
    """For page models: view restrictions from the site's cache when the page was
    routed by ``serve`` (its chain is known to hold no alias)."""

    def get_view_restrictions(self):
        if not getattr(self, NO_ALIASES, False):
            return super().get_view_restrictions()
        ids = restriction_ids_over(self.path)
        if not ids:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(pk__in=ids)
