from django_tasks import task

from charts.services import refresh_page_charts


@task()
def refresh_page_charts_task(page_id: int) -> int:
    """Off the request path: compute a published page's charts and their images."""
    from wagtail.models import Page

    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    return len(refresh_page_charts(page))
