from anymail.signals import inbound
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionsConfig(AppConfig):
    name = "discussions"
    verbose_name = _("Discussions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # inbound imports the services, which import the models: not at load time.
        from discussions.inbound import on_anymail_inbound

        inbound.connect(on_anymail_inbound, dispatch_uid="discussions.reply-by-email")
