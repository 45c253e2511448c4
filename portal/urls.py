from anymail import urls as anymail_urls
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from django.urls.resolvers import URLPattern
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cycles.offline_views import offline_state
from discussions.inbound_webhooks import recorded
from lessons.api import api_router
from portal import offline, routing, views
from portal.password_reset import PasswordResetView
from portal.sitemap import BilingualSitemap
from search import views as search_views

# Language-neutral URLs: admin, documents, health check, sitemap.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz/", views.healthz, name="healthz"),
    # The service worker and the manifest at the root: their scope is the whole site.
    path("sw.js", offline.service_worker, name="service-worker"),
    path("manifest.webmanifest", offline.manifest, name="web-manifest"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": BilingualSitemap}},
        name="sitemap",
    ),
    path("api/v2/", api_router.urls),
    re_path(r"^api/", views.api_not_found, name="api-not-found"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("charts/", include("charts.urls")),
    path("", include("sms.urls")),  # /s/<code> short links, /sms/inbound/ webhooks
]
if settings.ANYMAIL.get("WEBHOOK_SECRET"):
    # Replies by e-mail (README): the inbound webhooks of the ESPs we document (each
    # checks basic auth; Mailgun its signature too), not their tracking webhooks.
    _esps = ("amazon_ses", "mailgun", "postmark", "sendgrid")
    # A refused post (wrong secret or signature) is recorded for the admin.
    _inbound = [
        URLPattern(
            pattern.pattern,
            recorded(pattern.callback, pattern.name.removesuffix("_inbound_webhook")),
            name=pattern.name,
        )
        for pattern in anymail_urls.urlpatterns
        if pattern.name in {f"{esp}_inbound_webhook" for esp in _esps}
    ]
    urlpatterns.append(path("anymail/", include((_inbound, "anymail"))))

account_patterns = [
    path("login/", views.PortalLoginView.as_view(), name="login"),
    path("logout/", offline.ClearingLogoutView.as_view(), name="logout"),
    path("offline/", offline.offline_page, name="offline"),
    path("offline/state/", offline_state, name="offline-state"),
    path(
        "password-reset/",
        PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif getattr(settings, "SERVE_MEDIA", False):
    # Production without object storage nor a proxy serving MEDIA_ROOT (README).
    from django.views.static import serve

    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# Wagtail's page URLs, its serve view routed in two queries (portal/routing.py).
_wagtail_patterns = [
    pattern
    for pattern in wagtail_urls.urlpatterns
    if getattr(pattern, "name", None) != "wagtail_serve"
] + [re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve")]

# Every public page lives under /fr/ or /en/; "/" redirects by Accept-Language.
urlpatterns += i18n_patterns(
    *account_patterns,
    path("search/", search_views.search, name="search"),
    path("discussions/", include("discussions.urls")),
    path("participation/", include("participation.reminders.urls")),
    path("", include("participation.invitations.urls")),
    path(
        "search/autocomplete/",
        search_views.autocomplete,
        name="search-autocomplete",
    ),
    path("lessons/feeds/", include("lessons.urls")),
    path("followup/", include("followup.urls")),
    path("following/", include("lessons.follow_urls")),
    path("", include(_wagtail_patterns)),
    prefix_default_language=True,
)
