from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "participation"
    verbose_name = _("Participation")

    def ready(self):
        # Registries and signal receivers: their modules use models (loaded after
        # apps.py), so Django's place for them is ready().
        from participation import chart_sources  # noqa: F401
