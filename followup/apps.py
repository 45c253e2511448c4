from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "followup"
    verbose_name = _("Follow-up of commitments")

    def ready(self):
        # Registrations on lower apps' registries (cycle and lesson page sections,
        # the chart source); their modules use models, loaded after apps.py.
        from followup import chart_sources, sections  # noqa: F401
