"""The cycle page's editor: its tabs and panels (Content, Steps, Questionnaire,
Results, Discussion, Promote, Settings)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.models import Page

from discussions.quotes import CommentQuotesPanel
from portal.panels import InlinePanel

CONTENT_PANELS = Page.content_panels + [
    FieldPanel("summary"),
    FieldPanel("health_issue"),
    FieldPanel("why_it_matters"),
    FieldPanel("objectives"),
]
STEP_PANELS = [
    FieldPanel("step_override"),
    FieldRowPanel([FieldPanel("issue_date"), FieldPanel("questionnaire_date")]),
    MultiFieldPanel(
        [
            FieldRowPanel([FieldPanel("answers_open"), FieldPanel("answers_close")]),
            FieldPanel("reminder_days_before_close"),
        ],
        heading=_("Answers"),
    ),
    FieldPanel("results_date"),
    MultiFieldPanel(
        [
            FieldRowPanel(
                [FieldPanel("discussion_open"), FieldPanel("discussion_close")]
            )
        ],
        heading=_("Discussion"),
    ),
    FieldPanel("knowledge_translation_date"),
]
DISCUSSION_PANELS = [
    FieldPanel("discussion_attribution"),
    FieldPanel("discussion_allows_policymakers"),
    FieldPanel("synthesis"),
    CommentQuotesPanel("synthesis_quotes"),
]
QUESTIONNAIRE_PANELS = [
    InlinePanel("questions", heading=_("Questions"), add_label=_("Add a question"))
]
RESULTS_PANELS = [
    MultiFieldPanel(
        [
            FieldPanel("results_published"),
            FieldPanel("results_public"),
            FieldPanel("results_display_mode"),
        ],
        heading=_("Publication"),
    ),
    FieldPanel("results"),
]
EDIT_HANDLER = TabbedInterface(
    [
        ObjectList(CONTENT_PANELS, heading=_("Content")),
        ObjectList(STEP_PANELS, heading=_("Steps")),
        ObjectList(QUESTIONNAIRE_PANELS, heading=_("Questionnaire")),
        ObjectList(RESULTS_PANELS, heading=_("Results")),
        ObjectList(DISCUSSION_PANELS, heading=_("Discussion")),
        ObjectList(Page.promote_panels, heading=_("Promote")),
        ObjectList(Page.settings_panels, heading=_("Settings")),
    ]
)
