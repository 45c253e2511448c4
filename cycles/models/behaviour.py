"""A cycle's behaviour is set once, on its source page, and read from it everywhere.

Dates, the step override, the results' publication and display, the discussion's
rules and the pseudonym seed belong to the cycle, not to one language's page: every
translation reads them from the group's source page (`portal.translations`), at once,
without waiting for "Sync translated pages". wagtail-localize still copies them when
it syncs (they are synchronised, not overridable, fields), so the columns agree for
SQL filters; `sync_behaviour_to_translations` also copies them when the source is
published. See docs/decisions.md, "One cycle, two languages".
"""

from portal.translations import is_source, source_page

BEHAVIOUR_FIELDS = (
    "issue_date",
    "questionnaire_date",
    "answers_open",
    "answers_close",
    "results_date",
    "discussion_open",
    "discussion_close",
    "knowledge_translation_date",
    "reminder_days_before_close",
    "step_override",
    "discussion_attribution",
    "discussion_allows_policymakers",
    "results_published",
    "results_public",
    "results_display_mode",
    "pseudonym_seed",
)


class FromSource:
    """A model field that a translation reads from its source page.

    A data descriptor in place of Django's deferred attribute: the source page (and
    any unsaved or previewed copy of it) reads its own value; a translation reads the
    source's. Writing always sets the instance's own value, so forms, revisions and
    wagtail-localize's sync keep working on each page's column."""

    def __init__(self, name: str, deferred):
        self.name = name
        self.deferred = deferred

    def __get__(self, instance, owner=None):
        if instance is None:
            return self.deferred
        if is_source(instance):
            return self.deferred.__get__(instance, owner)
        return getattr(source_page(instance), self.name)

    def __set__(self, instance, value):
        instance.__dict__[self.name] = value


def read_behaviour_from_source(model) -> None:
    for name in BEHAVIOUR_FIELDS:
        setattr(model, name, FromSource(name, model.__dict__[name]))


def own_values(page) -> dict:
    """The page's own stored behaviour values (not its source's)."""
    return {name: getattr(page, name) for name in BEHAVIOUR_FIELDS}


def sync_behaviour_to_translations(source) -> int:
    """Copy the published source's behaviour columns onto its translations."""
    if not is_source(source):
        return 0
    return (
        type(source)
        .objects.filter(translation_key=source.translation_key)
        .exclude(pk=source.pk)
        .update(**own_values(source))
    )
