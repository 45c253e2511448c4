from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import AbstractForm
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from charts.anonymise import DisplayMode
from charts.blocks import CHART_BLOCKS
from charts.services import new_pseudonym_seed
from charts.visibility import can_view_results
from cycles import steps
from cycles.admin_forms import CyclePageForm
from cycles.forms import SurveyFormBuilder
from cycles.models.behaviour import BEHAVIOUR_FIELDS, read_behaviour_from_source
from cycles.models.cycle_mixins import CycleDiscussionMixin, CycleStepsMixin
from cycles.models.cycle_panels import CONTENT_PANELS, EDIT_HANDLER
from cycles.models.questions import questionnaire_rows
from cycles.questionnaire import unknown_question_message
from discussions.models import Attribution, DiscussablePageMixin
from discussions.quotes import CommentQuoteBlock
from portal.translations import is_source, source_page

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3"]


class CyclePage(
    CycleStepsMixin,
    CycleDiscussionMixin,
    DiscussablePageMixin,
    RoutablePageMixin,
    AbstractForm,
):
    """A learning cycle: the issue, six dated steps and the district questionnaire.

    Built on Wagtail's form builder: the questions are `SurveyQuestion` form fields
    (translated with the page); answers are stored as one `SurveyResponse` per district
    on the cycle's source page, not as Wagtail form submissions.
    """

    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences for cards.")
    )
    health_issue = RichTextField(
        _("health issue"), blank=True, features=RICH_TEXT_FEATURES
    )
    why_it_matters = RichTextField(
        _("why it matters"), blank=True, features=RICH_TEXT_FEATURES
    )
    objectives = RichTextField(_("objectives"), blank=True, features=RICH_TEXT_FEATURES)

    issue_date = models.DateField(_("issue announced"), null=True, blank=True)
    questionnaire_date = models.DateField(
        _("questionnaire preparation starts"), null=True, blank=True
    )
    answers_open = models.DateField(_("answers open"), null=True, blank=True)
    answers_close = models.DateField(_("answers close"), null=True, blank=True)
    results_date = models.DateField(_("results published"), null=True, blank=True)
    discussion_open = models.DateField(_("discussion opens"), null=True, blank=True)
    discussion_close = models.DateField(_("discussion closes"), null=True, blank=True)
    knowledge_translation_date = models.DateField(
        _("knowledge translation starts"), null=True, blank=True
    )
    reminder_days_before_close = models.PositiveSmallIntegerField(
        _("reminder before the close (days)"),
        default=3,
        help_text=_(
            "Districts that have not submitted are reminded this many days before "
            "answers close, besides the reminders at opening and on the last day. "
            "0 sends no such reminder."
        ),
    )
    step_override = models.PositiveSmallIntegerField(
        _("current step (override)"),
        null=True,
        blank=True,
        choices=steps.STEP_CHOICES,
        help_text=_("Leave empty to follow the dates."),
    )
    discussion_attribution = models.CharField(
        _("comments attribution"),
        max_length=10,
        choices=Attribution.choices,
        default=Attribution.DISTRICT,
        help_text=_(
            "Structured policy dialogues do not attribute comments to individuals: "
            "facilitators still see who wrote what."
        ),
    )
    discussion_allows_policymakers = models.BooleanField(
        _("policymakers may comment"), default=False
    )
    synthesis = RichTextField(
        _("facilitators' synthesis"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_(
            "Key lessons, quotes of comments (without names) and links to the "
            "lessons library. Shown on the cycle page from step 5."
        ),
    )
    synthesis_quotes = StreamField(
        [("comment", CommentQuoteBlock())],
        blank=True,
        verbose_name=_("quotations of comments"),
        help_text=_(
            "Comments of this cycle's thread, shown after the synthesis and attributed "
            "by the comments attribution rule. A comment a facilitator hides or "
            "removes later is no longer shown."
        ),
    )

    # --- Results (step 4): charts and their publication -------------------------
    results = StreamField(CHART_BLOCKS, blank=True, verbose_name=_("results"))
    results_published = models.BooleanField(
        _("results published"),
        default=False,
        help_text=_(
            "Until this is ticked only facilitators see the results; then every "
            "signed-in participant does."
        ),
    )
    results_public = models.BooleanField(
        _("results visible to the public"),
        default=False,
        help_text=_("Once published, anonymous visitors may see the results too."),
    )
    results_display_mode = models.CharField(
        _("display of districts"),
        max_length=20,
        choices=DisplayMode.choices,
        default=DisplayMode.NAMES,
    )
    pseudonym_seed = models.CharField(
        _("pseudonym seed"), max_length=64, blank=True, editable=False
    )

    form_builder = SurveyFormBuilder
    # wagtail-localize copies the behaviour on sync and never lets a translation
    # override it (it would be ignored: translations read it from the source).
    override_translatable_fields = [
        SynchronizedField(name, overridable=False)
        for name in (*BEHAVIOUR_FIELDS, "synthesis_quotes")
    ]
    base_form_class = CyclePageForm

    content_panels = CONTENT_PANELS
    edit_handler = EDIT_HANDLER
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("health_issue"),
        index.SearchField("objectives"),
    ]
    parent_page_types = ["cycles.CycleIndexPage"]
    subpage_types: list[str] = []
    template = "cycles/cycle_page.html"
    landing_page_template = "cycles/cycle_page.html"
    preview_modes = [("", _("Default"))]

    class Meta:
        verbose_name = _("learning cycle")
        verbose_name_plural = _("learning cycles")

    # --- Languages ------------------------------------------------------------------
    @property
    def cycle_source(self) -> "CyclePage":
        """The page every translation takes its behaviour and questionnaire from."""
        return source_page(self)

    @property
    def is_cycle_source(self) -> bool:
        return is_source(self)

    def clean(self):
        super().clean()
        ordered = [
            ("issue_date", self.issue_date),
            ("questionnaire_date", self.questionnaire_date),
            ("answers_open", self.answers_open),
            ("answers_close", self.answers_close),
            ("results_date", self.results_date),
            ("discussion_open", self.discussion_open),
            ("discussion_close", self.discussion_close),
            ("knowledge_translation_date", self.knowledge_translation_date),
        ]
        known = [(name, date) for name, date in ordered if date]
        for (_before, earlier), (name, later) in zip(known, known[1:], strict=False):
            if later < earlier:
                raise ValidationError(
                    {name: _("The steps' dates must follow each other in order.")}
                )
        self._check_result_questions()

    def _check_result_questions(self):
        """Every chart of a survey question names a question of this cycle."""
        names = {q.name for q in self.questions.all()}
        if not names:
            return
        for child in self.results or []:
            for source in child.value.get("source") or []:
                if source.block_type != "survey_question":
                    continue
                question = source.value.get("question", "")
                if question not in names:
                    raise ValidationError(unknown_question_message(question))

    def save(self, *args, **kwargs):
        if not self.pseudonym_seed:
            self.pseudonym_seed = new_pseudonym_seed()
        return super().save(*args, **kwargs)

    # --- Results -----------------------------------------------------------------
    def results_visible_to(self, user) -> bool:
        """Facilitators always; participants once published; anonymous visitors
        only when the results are also public."""
        return can_view_results(
            user, published=self.results_published, public=self.results_public
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Shared links describe the cycle by its own card summary (Open Graph).
        context.setdefault("og_description", self.summary)
        return context

    # --- Wagtail form builder ----------------------------------------------------
    def get_form_fields(self):
        """The source page's questionnaire with this page's texts (one structure in
        every language, see `questionnaire_rows`)."""
        return questionnaire_rows(self)

    def get_data_fields(self):
        return [(q.name, q.label) for q in self.get_form_fields()]

    def process_form_submission(self, form):  # pragma: no cover - see views
        raise NotImplementedError("Survey answers go through cycles.services.")

    # --- Routes (thin: the work is in cycles.views) ------------------------------
    @path("")
    def cycle_view(self, request):
        return _views().cycle_page(request, self)

    @path("draft/")
    def draft_view(self, request):
        return _views().save_draft_json(request, self)

    @path("responses/<slug:district_code>/")
    def district_response_view(self, request, district_code):
        return _views().district_response(request, self, district_code)

    @path("export/<str:file_format>/")
    def export_view(self, request, file_format):
        return _views().export(request, self, file_format)


read_behaviour_from_source(CyclePage)


def _views():
    """The routes' views. ``cycles.views`` works on ``CyclePage`` (this module), so the
    routes reach it when called rather than when this module loads."""
    from cycles import views

    return views
