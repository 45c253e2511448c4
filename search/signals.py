from django.db.models.signals import pre_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from search.indexing import index_page, remove_page


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
