from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.learning_cycle import LEARNING_CYCLE_STEPS
from home.selectors import home_sections
from portal.restrictions import RoutedPageMixin


class HomePage(RoutedPageMixin, Page):
    """The portal's front door: what District.Team is, current cycles, latest lessons."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences for a first-time visitor."),
    )
    how_it_works = RichTextField(
        _("how the learning cycle works"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("how_it_works"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["learning_cycle_steps"] = LEARNING_CYCLE_STEPS
        context.update(home_sections(request, self))
        return context
