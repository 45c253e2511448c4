from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Dhis2Config(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "dhis2"
    verbose_name = _("DHIS2")

    def ready(self):
        # Registries and signal receivers: their modules use models (loaded after
        # apps.py), so Django's place for them is ready().
        from dhis2 import chart_sources  # noqa: F401
