from wagtail import hooks

from portal import pagecache, workflow_names


@hooks.register("before_serve_page")
def mark_page_for_cache(page, request, serve_args, serve_kwargs):
    """Only Wagtail's own page serving may be stored by the page cache."""
    setattr(request, pagecache.PAGE_MARK, True)


@hooks.register("construct_page_action_menu")
def translate_workflow_names(menu_items, request, context):
    workflow_names.translate_submit_item(menu_items)
