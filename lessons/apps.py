from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LessonsConfig(AppConfig):
    name = "lessons"
    verbose_name = _("Lessons library")

    def ready(self):
        from lessons import search_adapter, signals  # noqa: F401
