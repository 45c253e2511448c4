from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChartsConfig(AppConfig):
    name = "charts"
    verbose_name = _("Charts and results")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from charts import signals  # noqa: F401  (publish → refresh snapshots)
