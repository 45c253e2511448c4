from wagtail import hooks

from portal import pagecache


@hooks.register("before_serve_page")
def mark_page_for_cache(page, request, serve_args, serve_kwargs):
    """Only Wagtail's own page serving may be stored by the page cache."""
    setattr(request, pagecache.PAGE_MARK, True)
