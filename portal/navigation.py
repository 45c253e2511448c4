"""The site's main navigation: the home page's children shown in menus, per language."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from portal.privacy import listable
from portal.translations import locale_for


@dataclass(frozen=True)
class NavItem:
    title: str
    url: str
    is_active: bool


def _site_home(language_code: str) -> Page | None:
    locale = locale_for(language_code)
    if locale is None:
        return None
    return Page.objects.filter(depth=2, locale=locale).live().first()


def main_navigation(request: HttpRequest) -> list[NavItem]:
    path = request.path
    home = _site_home(get_language())
    items = []
    if home is not None:
        items.append(
            NavItem(_("Home"), home.get_url(request), path == home.get_url(request))
        )
        for page in listable(home.get_children().live().in_menu(), request):
            url = page.get_url(request)
            items.append(NavItem(page.title, url, bool(url) and path.startswith(url)))
    search_url = reverse("search")
    items.append(NavItem(_("Search"), search_url, path.startswith(search_url)))
    return items
