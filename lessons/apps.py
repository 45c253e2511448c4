from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LessonsConfig(AppConfig):
    name = "lessons"
    verbose_name = _("Lessons library")

    def ready(self):
        # Registries and signal receivers: their modules use models (loaded after
        # apps.py), so Django's place for them is ready().
        from lessons import search_adapter, signals  # noqa: F401
