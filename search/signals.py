from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from search.indexing import index_page, remove_page
from search.registry import searchable_models


@receiver(page_published)
def index_published_page(sender, instance, **kwargs):
    index_page(instance)


@receiver(page_unpublished)
def unindex_unpublished_page(sender, instance, **kwargs):
    remove_page(instance)


@receiver(pre_delete)
def unindex_deleted_page(sender, instance, **kwargs):
    if isinstance(instance, Page):
        remove_page(instance)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def reindex_on_privacy_change(sender, instance, **kwargs):
    """The admin's Privacy dialog publishes nothing: a page made private (and every
    page below it) leaves the index at once, and comes back when it is lifted. Not
    when the restriction goes with its page (a deleted page is unindexed anyway)."""
    origin = kwargs.get("origin")
    if isinstance(origin, Page) or (
        isinstance(origin, QuerySet) and issubclass(origin.model, Page)
    ):
        return
    try:
        page = Page.objects.get(pk=instance.page_id)
    except Page.DoesNotExist:  # the page itself is being deleted
        return
    for below in page.get_descendants(inclusive=True).live().specific():
        if type(below) in searchable_models():
            index_page(below)
