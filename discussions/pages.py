"""Pages as discussion targets: one thread per translation group."""

from wagtail.models import Page

from discussions.models import DiscussablePageMixin


def thread_page_id(page: Page) -> int:
    """The id of the first page of the translation group (the French original)."""
    cached = getattr(page, "_discussion_thread_page_id", None)
    if cached is None:
        cached = (
            Page.objects.filter(translation_key=page.translation_key)
            .order_by("id")
            .values_list("id", flat=True)
            .first()
        ) or page.pk
        page._discussion_thread_page_id = cached
    return cached


def protocol(page: Page):
    """The page as a discussion target; plain pages get the mixin's defaults."""
    specific = page.specific
    if isinstance(specific, DiscussablePageMixin) or hasattr(
        specific, "discussion_is_open"
    ):
        return specific
    return _Defaults(specific)


class _Defaults(DiscussablePageMixin):
    def __init__(self, page):
        self.page = page

    def __getattr__(self, name):
        return getattr(self.page, name)
