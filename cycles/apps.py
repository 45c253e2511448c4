from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class CyclesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "cycles"
    verbose_name = _("Learning cycles")

    def ready(self):
        # Signal receivers use models (loaded after apps.py), so Django's place for
        # them is ready(). (chart_sources.py and search_adapter.py are found by the
        # charts and search apps.)
        from cycles import signals  # noqa: F401

        # Apps above this one add sections to its pages from their sections.py
        # (cycles/sections.py, portal/page_sections.py), found by name.
        autodiscover_modules("sections")
