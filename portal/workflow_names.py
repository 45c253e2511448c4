"""Moderation workflows and tasks named in the language of whoever reads the admin.

Their names are data: Wagtail's migration made "Moderators approval" in English, and
a rename in one language would be wrong in the other. The stored name stays a stable
identifier, like the role groups' names, and every Workflow or Task loaded from the
database carries it as a ``TranslatedName``: the editor's submit button, the status
panel, the dashboard and the reports all show « Validation par les modérateurs » in
French and "Moderators approval" in English, whatever template or string formatting
Wagtail uses. Saved, the name goes back to its identifier (even when a form sends the
French text back). A workflow a facilitator names by hand shows as typed.
"""

from django.conf import settings
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext, gettext_noop

#: Workflows and tasks that exist on every install (Wagtail's migration 0048).
KNOWN_NAMES = frozenset({gettext_noop("Moderators approval")})


class TranslatedName(str):
    """A stored identifier that shows as its translation wherever it is displayed
    (``str()``, ``%s``, ``format()``, templates) and is stored as itself."""

    def __str__(self) -> str:
        return gettext(str.__str__(self))

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __html__(self) -> str:
        return escape(str(self))


def stored_name(name: str) -> str:
    """The identifier to store for a name as shown, in any of our languages (a form
    sends back what it displayed)."""
    text = str.__str__(name)
    if text in KNOWN_NAMES:
        return text
    for identifier in KNOWN_NAMES:
        for code, _label in settings.LANGUAGES:
            with translation.override(code):
                if text == translation.gettext(identifier):
                    return identifier
    return text


def translate_loaded_name(sender, instance, **kwargs) -> None:
    name = instance.__dict__.get("name")  # absent when the field was deferred
    if isinstance(name, str) and name in KNOWN_NAMES:
        instance.name = TranslatedName(name)


def store_identifier(sender, instance, **kwargs) -> None:
    if isinstance(instance.name, str):
        instance.name = stored_name(instance.name)


def connect_signals() -> None:
    from django.apps import apps
    from django.db.models.signals import post_init, pre_save
    from wagtail.models import Task, Workflow

    for model in apps.get_models():
        if issubclass(model, Workflow | Task):
            uid = f"workflow_names_{model._meta.label_lower}"
            post_init.connect(translate_loaded_name, sender=model, dispatch_uid=uid)
            pre_save.connect(store_identifier, sender=model, dispatch_uid=uid)
