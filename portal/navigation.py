"""The site's main navigation: the home page's children shown in menus, per language."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from portal import chrome
from portal.privacy import listable, reader_key
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


def _menu_pages(request: HttpRequest) -> list[tuple[str, str]]:
    """(title, URL) of the home page, then of its children shown in menus that this
    reader may see listed."""
    home = _site_home(get_language())
    if home is None:
        return []
    pages = [("", home.get_url(request))]
    for page in listable(home.get_children().live().in_menu(), request):
        pages.append((page.title, page.get_url(request)))
    return pages


def main_navigation(request: HttpRequest) -> list[NavItem]:
    path = request.path
    pages = chrome.cached(
        request,
        "menu",
        lambda: _menu_pages(request),
        get_language(),
        request.get_host(),
        reader_key(request),
    )
    items = []
    for index, (title, url) in enumerate(pages):
        if index == 0:
            items.append(NavItem(_("Home"), url, path == url))
        else:
            items.append(NavItem(title, url, bool(url) and path.startswith(url)))
    search_url = reverse("search")
    items.append(NavItem(_("Search"), search_url, path.startswith(search_url)))
    return items
