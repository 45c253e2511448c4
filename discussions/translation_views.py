""" "Translate": a comment or a synthesis in the reader's language (signed-in readers).

A plain form (POST, CSRF) answered by a page with the translation and the way back
to the original; ``static/js/translate.js`` posts the same form with
``Accept: application/json`` and puts the translation under the original instead.
A reader who may not read the page, or a comment that is not published, gets a 404.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django_comments_xtd.models import XtdComment

from discussions import translation
from discussions.models import CommentStatus
from discussions.pages import readable_page
from portal.ratelimit import rate_limit

TOO_MANY = _("You asked for many translations in a short time. Wait a minute.")


def _language_name(code: str) -> str:
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


def _back(request, fallback: str) -> str:
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}):
        target = fallback
    return target


def _answer(request, context: dict, row, error: str):
    context |= {
        "translation": row,
        "error": error,
        "source_name": _language_name(context["source"]),
    }
    status = 200 if row is not None else 502
    if "application/json" in request.headers.get("Accept", ""):
        fragment = render_to_string(
            "discussions/_translation.html", context, request=request
        )
        return JsonResponse({"html": fragment, "ok": row is not None}, status=status)
    return render(request, "discussions/translation.html", context, status=status)


def _translated(action, *args):
    try:
        return action(*args), ""
    except translation.TranslationFailed as failure:
        return None, str(failure)


@require_POST
@login_required
@rate_limit("translate", json_message=TOO_MANY)
def translate_comment(request, comment_id):
    comment = get_object_or_404(
        XtdComment.objects.select_related("details"), pk=comment_id
    )
    page = readable_page(request, comment.details.page_id)
    if page is None or comment.details.status != CommentStatus.PUBLISHED:
        raise Http404
    if not translation.available():
        raise Http404
    language = (get_language() or "fr")[:2]
    row, error = _translated(translation.translate_comment, comment, language)
    context = {
        "original_html": comment.details.body_html,
        "source": comment.details.language,
        "language": language,
        "back_url": f"{_back(request, page.url or '/').split('#')[0]}#c{comment.pk}",
    }
    return _answer(request, context, row, error)


@require_POST
@login_required
@rate_limit("translate", json_message=TOO_MANY)
def translate_synthesis(request, page_id):
    page = readable_page(request, page_id)
    shown = getattr(page, "shown_synthesis", None) if page is not None else None
    language = (get_language() or "fr")[:2]
    if not shown or not shown[0] or shown[1] == language:
        raise Http404
    if not getattr(page, "shows_synthesis", False) or not translation.available():
        raise Http404
    text, source = shown
    row, error = _translated(
        translation.translate_synthesis, page, text, source, language
    )
    context = {
        "original_html": text,
        "original_is_rich_text": True,
        "source": source,
        "language": language,
        "back_url": f"{_back(request, page.url or '/').split('#')[0]}#synthesis",
    }
    return _answer(request, context, row, error)
