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
    # A fixture naming the user signed in to see the page (None: anonymous).
    user: str | None = None
    # Wagtail's own admin pages: transport headers only (Wagtail sets its own CSP).
    admin: bool = False

    def url(self, request: pytest.FixtureRequest) -> str:
        values = {name: request.getfixturevalue(name) for name in self.fixtures}
        return self.path(values) if callable(self.path) else self.path

    def signed_in_user(self, request: pytest.FixtureRequest):
        return request.getfixturevalue(self.user) if self.user else None


def _cycle(step: int, lang: str):
    index = 0 if lang == "fr" else 1
    return lambda f: f["pp_cycles"][step][index].url


def _both(name, fixtures, fr, en, **kwargs):
    return [
        PublicPage(f"{name}-fr", fr, fixtures, **kwargs),
        PublicPage(f"{name}-en", en, fixtures, **kwargs),
    ]


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
    *_both(
        "cycle-index",
        ("pp_cycles", "pp_cycle_index_en"),
        lambda f: f["pp_cycles"][3][0].get_parent().url,
        lambda f: f["pp_cycle_index_en"].url,
    ),
    *[
        page
        for step in (2, 3, 5, 6)
        for page in _both(
            f"cycle-step-{step}", ("pp_cycles",), _cycle(step, "fr"), _cycle(step, "en")
        )
    ],
    *_both(
        "survey-signed-in",
        ("pp_cycles", "member"),
        _cycle(3, "fr"),
        _cycle(3, "en"),
        user="member",
    ),
    *_both(
        "survey-receipt",
        ("pp_receipt_cycle", "member"),
        lambda f: f["pp_receipt_cycle"][0].url,
        lambda f: f["pp_receipt_cycle"][1].url,
        user="member",
    ),
    *_both(
        "lesson-index",
        ("pp_library", "pp_lessons"),
        lambda f: f["pp_library"][0].url,
        lambda f: f["pp_library"][1].url,
    ),
    *_both(
        "lesson",
        ("pp_lessons",),
        lambda f: f["pp_lessons"][0].url,
        lambda f: f["pp_lessons"][1].url,
    ),
    PublicPage(
        "lesson-untranslated-fallback-en",
        lambda f: f["pp_library"][1].url + "lecon-francais/",
        ("pp_library", "pp_lessons"),
    ),
    *_both(
        "search-lessons-facets",
        ("pp_lessons",),
        "/fr/search/?q=supervision&topic=community-health",
        "/en/search/?q=supervision&topic=community-health",
    ),
    *_both(
        "forum",
        ("pp_forum",),
        lambda f: f["pp_forum"][0].url,
        lambda f: f["pp_forum"][1].url,
    ),
    *_both(
        "reminder-settings",
        ("home_page_en", "member"),
        "/fr/participation/reminders/",
        "/en/participation/reminders/",
        user="member",
    ),
    *_both(
        "reminder-unsubscribe",
        ("home_page_en", "pp_reminder_token"),
        lambda f: f"/fr/participation/reminders/unsubscribe/{f['pp_reminder_token']}/",
        lambda f: f"/en/participation/reminders/unsubscribe/{f['pp_reminder_token']}/",
    ),
    *_both(
        "follow-page",
        ("home_page_en", "policymaker"),
        "/fr/following/",
        "/en/following/",
        user="policymaker",
    ),
    *_both(
        "lesson-alerts-unsubscribe",
        ("home_page_en", "pp_lesson_alert_token"),
        lambda f: f"/fr/following/unsubscribe/{f['pp_lesson_alert_token']}/",
        lambda f: f"/en/following/unsubscribe/{f['pp_lesson_alert_token']}/",
    ),
    *_both(
        "lesson-alerts-unsubscribe-bad-link",
        ("home_page_en",),
        "/fr/following/unsubscribe/forged/",
        "/en/following/unsubscribe/forged/",
        status=400,
    ),
    *_both(
        "invitation-accept",
        ("home_page_en", "pp_invitation_token"),
        lambda f: f"/fr/invitations/{f['pp_invitation_token']}/",
        lambda f: f"/en/invitations/{f['pp_invitation_token']}/",
    ),
    PublicPage("wagtail-login", "/admin/login/", admin=True),
]


def public_pages_params():
    return [pytest.param(page, id=page.name) for page in PUBLIC_PAGES]
