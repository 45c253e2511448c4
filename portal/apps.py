from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.core.signals import request_finished, request_started
        from django.db.models.signals import post_migrate, pre_save

        # Here, not at the top: these modules use models, which load after apps.py.
        from portal import (
            checks,  # noqa: F401 (registers the system checks)
            chrome,
            links,
            pagecache,
            text,
            translations,
            workflow_names,
        )

        pre_save.connect(
            text.clean_user_names,
            sender=get_user_model(),
            dispatch_uid="clean_user_names",
        )
        # Every app's post_migrate, not only portal's: Django's Site is made by the
        # sites app's, which runs after this one (the receiver writes only changes).
        post_migrate.connect(
            links.sync_sites_with_base_url, dispatch_uid="sync_sites_with_base_url"
        )
        pagecache.connect_signals()
        chrome.connect_signals()
        workflow_names.connect_signals()
        request_started.connect(
            translations.start_request_memo, dispatch_uid="locale_memo_start"
        )
        request_finished.connect(
            translations.end_request_memo, dispatch_uid="locale_memo_end"
        )
