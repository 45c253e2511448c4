from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from charts.models import Dataset


class DatasetViewSet(SnippetViewSet):
    model = Dataset
    icon = "table"
    menu_label = Dataset._meta.verbose_name_plural
    list_display = ["title", "source_note", "updated_at"]
    search_fields = ["title"]
    add_to_admin_menu = True


register_snippet(DatasetViewSet)
