from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class LessonsConfig(AppConfig):
    name = "lessons"
    verbose_name = _("Lessons library")

    def ready(self):
        # Signal receivers use models (loaded after apps.py), so Django's place for
        # them is ready(). (search_adapter.py is found by the search app.)
        from lessons import signals  # noqa: F401

        # Apps above this one add sections to its pages from their sections.py
        # (lessons/sections.py, portal/page_sections.py), found by name.
        autodiscover_modules("sections")
