"""Success messages of the project's admin viewsets as whole translated sentences.

Wagtail's generic « %(model_name)s « %(object)s » créé(e). » cannot agree in gender
with the model's name in French, and its snippet create and edit views ignore a
``success_message`` option. A viewset gives its own sentences instead::

    success_messages = {
        "add": _("Export mapping '%(object)s' created."),
        "edit": _("Export mapping '%(object)s' updated."),
        "delete": _("Export mapping '%(object)s' deleted."),
    }
"""

from django.utils.text import capfirst


class OwnSuccessMessage:
    """A generic view that says the viewset's sentence when it has one."""

    own_success_message = None

    def get_success_message(self, *args, **kwargs):
        if self.own_success_message is None:
            return super().get_success_message(*args, **kwargs)
        instance = (args[0] if args else kwargs.get("instance")) or self.object
        return capfirst(self.own_success_message % {"object": instance})


class SuccessMessagesMixin:
    """For a snippet or model viewset: the add, edit and delete views' messages."""

    success_messages: dict = {}

    def _with_message(self, view: str, view_kwargs: dict) -> dict:
        if view in self.success_messages:
            view_kwargs["own_success_message"] = self.success_messages[view]
        return view_kwargs

    def construct_view(self, view_class, **kwargs):
        if "own_success_message" in kwargs and not issubclass(
            view_class, OwnSuccessMessage
        ):
            view_class = type(view_class.__name__, (OwnSuccessMessage, view_class), {})
        return super().construct_view(view_class, **kwargs)

    def get_add_view_kwargs(self, **kwargs):
        return self._with_message("add", super().get_add_view_kwargs(**kwargs))

    def get_edit_view_kwargs(self, **kwargs):
        return self._with_message("edit", super().get_edit_view_kwargs(**kwargs))

    def get_delete_view_kwargs(self, **kwargs):
        return self._with_message("delete", super().get_delete_view_kwargs(**kwargs))
