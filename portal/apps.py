from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import pre_save

        from portal import (
            checks,  # noqa: F401 (registers the system checks)
            pagecache,
        )
        from portal.text import clean_user_names

        pre_save.connect(
            clean_user_names, sender=get_user_model(), dispatch_uid="clean_user_names"
        )
        pagecache.connect_signals()
