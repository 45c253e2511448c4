from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChartsConfig(AppConfig):
    name = "charts"
    verbose_name = _("Charts and results")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from charts import (
            chart_sources,  # noqa: F401  (the uploaded-dataset source)
            signals,  # noqa: F401  (publish → refresh snapshots)
        )
        from charts.sharing import share_image
        from portal.social import register_image_source

        register_image_source(share_image)
