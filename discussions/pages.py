"""Pages as discussion targets: one thread per translation group."""

from wagtail.models import Page

from discussions.models import DiscussablePageMixin
from portal.translations import source_id, source_page


def thread_page_id(page: Page) -> int:
    """The id of the first page of the translation group (the French original)."""
    return source_id(page)


def protocol(page: Page):
    """The page as a discussion target; plain pages get the mixin's defaults.

    A translation follows its source page's rules (open or not, attribution,
    policymakers), so that a setting changed on the source after translating
    cannot show names, or accept posts, on the copy; chart labels stay translated."""
    specific = page.specific
    if not (
        isinstance(specific, DiscussablePageMixin)
        or hasattr(specific, "discussion_is_open")
    ):
        return DefaultRules(specific)
    source_id = thread_page_id(page)
    if source_id == page.pk:
        return specific
    source = source_page(page)
    if type(source) is not type(specific):
        return specific
    return SourceRules(specific, source)


class DefaultRules(DiscussablePageMixin):
    """A page that carries no discussion: it shows none and accepts none."""

    shows_discussion = False

    def __init__(self, page):
        self.page = page

    def discussion_is_open(self, now=None) -> bool:
        return False

    def __getattr__(self, name):
        return getattr(self.page, name)


def readable_page(request, page_id: int):
    """The live page ``page_id`` if it shows a discussion that the requesting user
    may read (its view restrictions pass, and its discussion is visible to them),
    else None: posts, follows and actions on anything else are answered 404, so
    they reveal neither an unpublished page nor its address."""
    page = Page.objects.live().filter(pk=page_id).first()
    if page is None:
        return None
    specific = page.specific
    if not isinstance(specific, DiscussablePageMixin):
        return None
    for restriction in specific.get_view_restrictions():
        if not restriction.accept_request(request):
            return None
    target = protocol(specific)
    if not (target.shows_discussion and target.discussion_visible_to(request.user)):
        return None
    return specific


class SourceRules:
    """A translated page that takes its discussion rules from its source page."""

    def __init__(self, page, source):
        self.page, self.source = page, source

    @property
    def discussion_attribution(self):
        return self.source.discussion_attribution

    @property
    def discussion_allows_policymakers(self):
        return self.source.discussion_allows_policymakers

    def discussion_is_open(self, now=None) -> bool:
        return self.source.discussion_is_open(now)

    def discussion_visible_to(self, user) -> bool:
        return self.source.discussion_visible_to(user)

    @property
    def discussion_country_id(self):
        return self.source.discussion_country_id

    @property
    def shows_discussion(self) -> bool:
        return self.source.shows_discussion

    def discussion_district_labels(self):
        return self.source.discussion_district_labels()

    def __getattr__(self, name):
        return getattr(self.page, name)
