from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    """Its ``chart_sources.py`` is found by charts, its ``sections.py`` (the cycle
    and lesson page sections) by cycles and lessons, each by name."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "followup"
    verbose_name = _("Follow-up of commitments")
