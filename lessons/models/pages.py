from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from discussions.models import DiscussablePageMixin
from lessons.blocks import KEY_MESSAGE_BLOCKS, LESSON_BODY_BLOCKS, RICH_TEXT_FEATURES
from lessons.feed_links import feed_links
from lessons.taxonomy import LessonType
from portal.restrictions import RoutedPageMixin
from portal.translations import in_language, language_of, shown_in_other_language


def _checkboxes():
    from django import forms

    return forms.CheckboxSelectMultiple


class LessonsIndexPage(RoutedPageMixin, Page):
    """The lessons library: lists its lessons and serves untranslated ones in French."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["lessons.LessonPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("lessons library")
        verbose_name_plural = _("lessons libraries")

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import Paginator

        # lessons.selectors reads these models: reached when called.
        from lessons.selectors import lessons_in_library, with_reader_urls

        context = super().get_context(request, *args, **kwargs)
        context["feed_links"] = feed_links()
        page_obj = Paginator(lessons_in_library(self), 12).get_page(
            request.GET.get("page")
        )
        page_obj.object_list = with_reader_urls(page_obj.object_list)
        context["page_obj"] = page_obj
        return context

    # Its route only adds a fallback for a slug with no child here (portal/routing.py).
    routes_children_by_slug = True

    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            if len(path_components) != 1:
                raise
            fallback = self.untranslated_lesson(path_components[0])
            if fallback is None:
                raise
            fallback.shown_as_fallback = True
            from wagtail.url_routing import RouteResult

            return RouteResult(fallback)

    def untranslated_lesson(self, slug: str) -> "LessonPage | None":
        """A lesson of the source-language library with no translation in this one."""
        if self.locale_id == Locale.get_default().id:
            return None
        source = self.get_translation_or_none(Locale.get_default())
        if source is None:
            return None
        lesson = (
            LessonPage.objects.child_of(source)
            .live()
            .public()
            .filter(slug=slug)
            .first()
        )
        if lesson is None or in_language(lesson, language_of(self)):
            return None
        return lesson


class LessonPage(DiscussablePageMixin, Page):
    """One knowledge product in the graded-entry format of policy briefs.

    Its discussion is always open to signed-in members and facilitators, named."""

    lesson_type = models.CharField(
        _("type"),
        max_length=20,
        choices=LessonType.choices,
        default=LessonType.LESSON_LEARNED,
    )
    date = models.DateField(_("date"), db_index=True)
    key_messages = StreamField(
        KEY_MESSAGE_BLOCKS,
        min_num=3,
        max_num=5,
        verbose_name=_("key messages"),
        help_text=_("Three to five messages a busy reader should remember."),
    )
    summary = RichTextField(
        _("plain-language summary"),
        features=RICH_TEXT_FEATURES,
        help_text=_("One page at most, without jargon."),
    )
    body = StreamField(LESSON_BODY_BLOCKS, blank=True, verbose_name=_("full text"))
    implementation = RichTextField(
        _("implementation considerations"), features=RICH_TEXT_FEATURES, blank=True
    )
    applicability = RichTextField(
        _("applicability and equity"), features=RICH_TEXT_FEATURES, blank=True
    )
    citation = models.CharField(_("citation"), max_length=500, blank=True)
    topics = ParentalManyToManyField(
        "lessons.Topic", blank=True, related_name="lessons", verbose_name=_("topics")
    )
    countries = ParentalManyToManyField(
        "districts.Country",
        blank=True,
        related_name="lessons",
        verbose_name=_("countries"),
    )
    audiences = ParentalManyToManyField(
        "lessons.Audience",
        blank=True,
        related_name="lessons",
        verbose_name=_("audiences"),
    )
    cycle = models.ForeignKey(
        "cycles.CyclePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("source cycle"),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("lesson_type"),
                FieldPanel("date"),
                PageChooserPanel("cycle", "cycles.CyclePage"),
            ],
            heading=_("About this lesson"),
        ),
        FieldPanel("key_messages"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("implementation"),
        FieldPanel("applicability"),
        FieldPanel("citation"),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=_checkboxes()),
                FieldPanel("countries", widget=_checkboxes()),
                FieldPanel("audiences", widget=_checkboxes()),
            ],
            heading=_("Classification"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("lesson_type"),
        index.FilterField("date"),
    ]
    api_fields = [
        APIField(name)
        for name in (
            "lesson_type",
            "date",
            "key_messages",
            "summary",
            "body",
            "implementation",
            "applicability",
            "citation",
        )
    ]
    parent_page_types = ["lessons.LessonsIndexPage"]
    subpage_types: list[str] = []
    shown_as_fallback = False

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        ordering = ["-date"]

    @property
    def in_reader_language(self) -> bool:
        """False when a reader of the active language gets it untranslated."""
        return not shown_in_other_language(self)

    @property
    def reader_url(self) -> str:
        """Where a reader of the active language reads it: its own page, or, when it
        is not translated, its address in that language's library (which serves it
        in French with a notice), so the reader stays on their side of the site."""
        cached = self.__dict__.get("_reader_url")
        if cached is not None:
            return cached
        if self.in_reader_language:
            return self.url
        library = in_language(self.get_parent())
        url = f"{library.url}{self.slug}/" if library else self.url
        self.__dict__["_reader_url"] = url
        return url

    def get_context(self, request, *args, **kwargs):
        # lessons.selectors reads LessonPage: reached when called, not at load.
        from lessons.selectors import lesson_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_context(self, request))
        return context
