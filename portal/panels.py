"""Admin panels with labels that read as correct French.

Wagtail's inline panel says « Ajouter un(e) %(label)s » ("Add %(label)s" in French):
« Ajouter un(e) Question ». ``InlinePanel(..., add_label=_("Add a question"))``
gives the button a whole translated sentence instead, with the article right.
"""

from wagtail.admin.panels import InlinePanel as WagtailInlinePanel


class InlinePanel(WagtailInlinePanel):
    def __init__(self, *args, add_label="", **kwargs):
        super().__init__(*args, **kwargs)
        self.add_label = add_label

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "add_label": self.add_label}

    class BoundPanel(WagtailInlinePanel.BoundPanel):
        template_name = "admin_panels/inline_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.add_label = self.panel.add_label


class AddItemLabelMixin:
    """For a snippet or model viewset: ``add_item_label = _("Add a district")``
    replaces Wagtail's « Ajouter un(e) district » on the listing's add button."""

    add_item_label = ""

    def get_index_view_kwargs(self, **kwargs):
        view_kwargs = super().get_index_view_kwargs(**kwargs)
        if self.add_item_label:
            view_kwargs["add_item_label"] = self.add_item_label
        return view_kwargs
