from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CyclesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "cycles"
    verbose_name = _("Learning cycles")

    def ready(self):
        # Registries and signal receivers: their modules use models (loaded after
        # apps.py), so Django's place for them is ready().
        from cycles import (
            chart_sources,  # noqa: F401
            search_adapter,  # noqa: F401
            signals,  # noqa: F401
        )
