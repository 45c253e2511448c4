from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class ChartsConfig(AppConfig):
    name = "charts"
    verbose_name = _("Charts and results")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Every app's chart_sources.py registers its sources (charts' own: uploaded
        # datasets), found by name as Wagtail finds wagtail_hooks.py: charts never
        # imports the apps that plug into it.
        autodiscover_modules("chart_sources")
        # Here, not at the top: these modules use models, which load after apps.py.
        from charts import sharing, signals  # noqa: F401  (publish → refresh snapshots)

        sharing.register_as_image_source()
