from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from lessons.api import api_router
from portal import views
from portal.password_reset import PasswordResetView
from portal.sitemap import BilingualSitemap
from search import views as search_views

# Language-neutral URLs: admin, documents, health check, sitemap.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz/", views.healthz, name="healthz"),
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
]

account_patterns = [
    path("login/", views.PortalLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
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
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
