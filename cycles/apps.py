from django.apps import AppConfig
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
