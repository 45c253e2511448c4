"""The learning cycles index page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from portal.restrictions import RoutedPageMixin


class CycleIndexPage(RoutedPageMixin, Page):
    """Every learning cycle, newest first, filtered by step and year."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["cycles.CyclePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("learning cycles index")
        verbose_name_plural = _("learning cycles indexes")

    def get_context(self, request, *args, **kwargs):
        # cycles.selectors reads CyclePage: reached when called, not at load.
        from cycles.selectors import cycle_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(cycle_listing(self, request))
        return context
