from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from charts.models import Dataset
from portal.admin_viewsets import SuccessMessagesMixin
from portal.panels import AddItemLabelMixin


class DatasetViewSet(SuccessMessagesMixin, AddItemLabelMixin, SnippetViewSet):
    success_messages = {
        "add": _("Dataset '%(object)s' created."),
        "edit": _("Dataset '%(object)s' updated."),
        "delete": _("Dataset '%(object)s' deleted."),
    }
    add_item_label = _("Add a dataset")
    model = Dataset
    icon = "table"
    # Verbose names are lower case, as Django expects; a menu label starts with a capital.
    menu_label = capfirst(Dataset._meta.verbose_name_plural)
    list_display = ["title", "source_note", "updated_at"]
    search_fields = ["title"]
    add_to_admin_menu = True


register_snippet(DatasetViewSet)
