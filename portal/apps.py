from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.core.signals import request_finished, request_started
        from django.db.models.signals import pre_save

        from portal import (
            checks,  # noqa: F401 (registers the system checks)
            pagecache,
            workflow_names,
        )
        from portal.text import clean_user_names
        from portal.translations import end_request_memo, start_request_memo

        pre_save.connect(
            clean_user_names, sender=get_user_model(), dispatch_uid="clean_user_names"
        )
        pagecache.connect_signals()
        workflow_names.connect_signals()
        request_started.connect(start_request_memo, dispatch_uid="locale_memo_start")
        request_finished.connect(end_request_memo, dispatch_uid="locale_memo_end")
