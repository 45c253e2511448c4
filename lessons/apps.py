from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LessonsConfig(AppConfig):
    name = "lessons"
    verbose_name = _("Lessons library")

    def ready(self):
        # Signal receivers use models (loaded after apps.py), so Django's place for
        # them is ready(). (search_adapter.py is found by the search app.)
        from lessons import signals  # noqa: F401
