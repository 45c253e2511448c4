"""Pages that carry a discussion: the protocol every discussable page follows, and the
forum pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from portal.restrictions import RoutedPageMixin


class Attribution(models.TextChoices):
    NAMED = "named", _("Named: show who wrote each comment")
    DISTRICT = "district", _("District only: “a member of <district>”")
    COUNTRY = "country", _("Country only")


class DiscussablePageMixin(RoutedPageMixin):
    """The discussion protocol a page may implement; these are the safe defaults.

    CyclePage and LessonPage override what they need (dates, attribution, charts).
    """

    discussion_attribution = Attribution.NAMED
    discussion_allows_policymakers = False
    # A country's own forum: only its district teams (and facilitators) post there.
    discussion_country_id: int | None = None

    def discussion_is_open(self, now=None) -> bool:
        return True

    def discussion_anchors(self) -> list[tuple[str, str]]:
        return []

    def discussion_visible_to(self, user) -> bool:
        """Who may read the thread (pages that gate their content override this)."""
        return True

    @property
    def shows_discussion(self) -> bool:
        """Whether the page shows a thread at all (and so accepts comments)."""
        return True

    def discussion_district_labels(self) -> dict[int, str] | None:
        """How districts are named in attributions: None for their real names;
        otherwise district id → the label the page's results use (pseudonyms),
        with districts missing from it (or an empty dict) shown by country."""
        return None


class ForumPage(DiscussablePageMixin, Page):
    """An open forum: one per country, or one for all countries (no country)."""

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )
    country = models.ForeignKey(
        "districts.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty for the forum shared by all countries."),
    )
    allow_policymakers = models.BooleanField(_("policymakers may post"), default=False)
    is_open = models.BooleanField(_("open for new comments"), default=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("country"),
        FieldPanel("allow_policymakers"),
        FieldPanel("is_open"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []

    template = "discussions/forum_page.html"

    class Meta:
        verbose_name = _("forum")
        verbose_name_plural = _("forums")

    @property
    def discussion_allows_policymakers(self) -> bool:  # type: ignore[override]
        return self.allow_policymakers

    def discussion_is_open(self, now=None) -> bool:
        return self.is_open

    @property
    def discussion_country_id(self) -> int | None:  # type: ignore[override]
        return self.country_id
