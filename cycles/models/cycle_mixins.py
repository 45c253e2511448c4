"""What a cycle page knows of its steps and of its discussion and synthesis: plain
mixins of ``CyclePage`` (no fields), kept apart so the page model stays readable."""

import datetime as dt

from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language

from charts.anonymise import district_labels
from charts.sources import chart_context_for
from cycles import steps
from discussions.selectors.announcements import synthesis_announced_at
from districts.timezones import site_today, site_zone
from portal import chrome
from portal.translations import language_of


class CycleStepsMixin:
    """Which of the six steps the cycle is at, from its dates or the override."""

    @staticmethod
    def today() -> dt.date:
        """In the portal's zone whatever the reader's: a cycle opens and closes at
        one moment for every country (districts/timezones.py)."""
        return site_today()

    @cached_property
    def current_step(self) -> int:
        """1–6: the facilitator's override, or else the step the dates have reached."""
        if self.step_override:
            return self.step_override
        return steps.step_from_dates(self, self.today())

    @property
    def answers_are_open(self) -> bool:
        """Districts may edit their answers: step 3 and not past the close date.

        A facilitator who sets the step to 3 by hand reopens the answers."""
        if self.current_step != 3:
            return False
        if self.step_override == 3:
            return True
        return self.answers_close is None or self.today() <= self.answers_close

    @property
    def timeline(self) -> list[steps.TimelineStep]:
        return steps.timeline(self, self.current_step)

    @property
    def next_deadline(self) -> steps.Deadline | None:
        return steps.next_deadline(self, self.today())

    @property
    def current_step_title(self):
        return steps.STEP_TITLES[self.current_step]


class CycleDiscussionMixin:
    """The protocol of ``discussions.DiscussablePageMixin`` for a cycle (it must come
    before that mixin among the page's bases), and the synthesis readers get."""

    def discussion_is_open(self, now=None) -> bool:
        """Comments are open during step 5: from the discussion's open date to its
        close date. A facilitator who sets the step by hand opens (step 5) or closes
        (any other step) the discussion."""
        if self.step_override:
            return self.step_override == 5
        today = timezone.localdate(now, site_zone()) if now else self.today()
        if self.discussion_open is None or today < self.discussion_open:
            return False
        return self.discussion_close is None or today <= self.discussion_close

    def discussion_anchors(self) -> list[tuple[str, str]]:
        """The charts of the results section (if the cycle has one), by block id."""
        results = getattr(self, "results", None) or []
        anchors = []
        for block in results:
            if getattr(block, "block_type", "") != "chart":
                continue
            title = getattr(block, "value", None)
            title = title.get("title") if hasattr(title, "get") else None
            if block.id and title:
                anchors.append((str(block.id), str(title)))
        return anchors

    def discussion_visible_to(self, user) -> bool:
        """The discussion of the results is read by exactly those who may see them."""
        return self.results_visible_to(user)

    def discussion_district_labels(self):
        """Comments name districts as the charts do (pseudonyms or countries); kept
        in the site's cache, renewed by every answer and publication."""
        return chrome.cached(
            None,
            "district-labels",
            lambda: district_labels(chart_context_for(self).display),
            self.pk,
            get_language(),
        )

    @property
    def shows_discussion(self) -> bool:
        """The thread appears with step 5 (or as soon as a facilitator opens it)."""
        return self.current_step >= 5 or self.discussion_is_open()

    @property
    def shows_synthesis(self) -> bool:
        shown = bool(self.shown_synthesis[0]) or bool(self.shown_synthesis_quotes)
        return shown and self.current_step >= 5

    @cached_property
    def shown_synthesis_quotes(self):
        """The quoted comments, chosen once on the source page (a comment id is not
        text to translate): every translation shows the source's."""
        source = self if self.is_cycle_source else self.cycle_source
        return source.synthesis_quotes

    @cached_property
    def shown_synthesis(self) -> tuple[str, str]:
        """(text, language code) of the synthesis readers of this page get: its own
        translation, or else the source's text in the source's language."""
        if self.synthesis or self.is_cycle_source:
            return self.synthesis, language_of(self)
        source = self.cycle_source
        return source.synthesis, language_of(source)

    @property
    def synthesis_in_other_language(self) -> bool:
        return self.shown_synthesis[1] != language_of(self)

    @cached_property
    def synthesis_published_at(self):
        return synthesis_announced_at(self)
