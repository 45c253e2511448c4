from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChartsConfig(AppConfig):
    name = "charts"
    verbose_name = _("Charts and results")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Here, not at the top: these modules use models, which load after apps.py.
        from charts import (
            chart_sources,  # noqa: F401  (the uploaded-dataset source)
            sharing,
            signals,  # noqa: F401  (publish → refresh snapshots)
        )
        from portal.social import register_image_source

        register_image_source(sharing.share_image)
