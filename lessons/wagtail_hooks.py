from wagtail import hooks

from lessons.models import LessonPage
from lessons.views import serve_brief


# Inside Wagtail's own view-restriction check (registered at order 0, so it wraps
# this one): a private lesson's brief is refused exactly as its page is.
@hooks.register("on_serve_page", order=100)
def serve_pdf_brief(serve):
    """``?format=pdf`` on a lesson's address answers with its PDF brief."""

    def inner(page, request, serve_args, serve_kwargs):
        if isinstance(page, LessonPage) and request.GET.get("format") == "pdf":
            return serve_brief(request, page)
        return serve(page, request, serve_args, serve_kwargs)

    return inner
