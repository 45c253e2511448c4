from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        # Registries and signal receivers: their modules use models (loaded after
        # apps.py), so Django's place for them is ready().
        from search import facets, signals  # noqa: F401
