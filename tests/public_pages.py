"""The table of public pages that the security, accessibility and hostile-input checks
walk through. Each new page type adds one line to PUBLIC_PAGES.

A page names the fixtures it needs; its `path` is either a literal path or a function
of those fixtures' values (e.g. ``lambda f: f["cycle_page"].url``).
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest


@dataclass(frozen=True)
class PublicPage:
    name: str
    path: str | Callable[[dict], str]
    fixtures: tuple[str, ...] = ("home_page_en",)
    status: int = 200

    def url(self, request: pytest.FixtureRequest) -> str:
        values = {name: request.getfixturevalue(name) for name in self.fixtures}
        return self.path(values) if callable(self.path) else self.path


PUBLIC_PAGES = [
    PublicPage("home-fr", "/fr/"),
    PublicPage("home-en", "/en/"),
    PublicPage("login-fr", "/fr/login/"),
    PublicPage("login-en", "/en/login/"),
    PublicPage("password-reset-fr", "/fr/password-reset/"),
    PublicPage("password-reset-en", "/en/password-reset/"),
    PublicPage("password-reset-sent-fr", "/fr/password-reset/sent/"),
    PublicPage("password-reset-sent-en", "/en/password-reset/sent/"),
    PublicPage("password-reset-bad-link-fr", "/fr/password-reset/Mg/bad-token/"),
    PublicPage("password-reset-bad-link-en", "/en/password-reset/Mg/bad-token/"),
    PublicPage("password-reset-complete-fr", "/fr/password-reset/done/"),
    PublicPage("password-reset-complete-en", "/en/password-reset/done/"),
    PublicPage("search-empty-fr", "/fr/search/"),
    PublicPage("search-empty-en", "/en/search/"),
    PublicPage("search-results-fr", "/fr/search/?q=District"),
    PublicPage("search-results-en", "/en/search/?q=District"),
    PublicPage("search-no-results-fr", "/fr/search/?q=zzzxqy"),
    PublicPage("search-no-results-en", "/en/search/?q=zzzxqy"),
    PublicPage("not-found-fr", "/fr/no-such-page/", status=404),
    PublicPage("not-found-en", "/en/no-such-page/", status=404),
]


def public_pages_params():
    return [pytest.param(page, id=page.name) for page in PUBLIC_PAGES]
