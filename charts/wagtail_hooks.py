from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from charts.models import Dataset
from portal.panels import AddItemLabelMixin


class DatasetViewSet(AddItemLabelMixin, SnippetViewSet):
    add_item_label = _("Add a dataset")
    model = Dataset
    icon = "table"
    menu_label = Dataset._meta.verbose_name_plural
    list_display = ["title", "source_note", "updated_at"]
    search_fields = ["title"]
    add_to_admin_menu = True


register_snippet(DatasetViewSet)
