from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        # Every app's search_adapter.py registers what it indexes, found by name as
        # Wagtail finds wagtail_hooks.py.
        autodiscover_modules("search_adapter")
        # Facets and signal receivers use models (loaded after apps.py), so Django's
        # place for them is ready().
        from search import facets, signals  # noqa: F401
