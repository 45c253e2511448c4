"""The forum links: which forums a reader sees, and where they may post."""

from dataclasses import dataclass

from discussions.models import (
    ForumPage,
)
from discussions.pages import protocol
from discussions.permissions import can_post
from districts.models import Country
from districts.roles import user_district
from portal import chrome
from portal.privacy import listable, reader_key
from portal.translations import active_locale, remember_sources


def forum_country_name(target) -> str:
    country_id = getattr(target, "discussion_country_id", None)
    if country_id is None:
        return ""
    country = Country.objects.filter(pk=country_id).first()
    return country.name if country else ""


@dataclass(frozen=True)
class ForumLink:
    title: str
    url: str
    is_current: bool
    yours: bool  # the reader may post there


def forum_links(request, current=None) -> list[ForumLink]:
    """The live forums in the reader's language: the shared one first, then the
    reader's country's, then the others; each says whether the reader may post."""
    locale = active_locale()
    forums = chrome.cached(
        request,
        "forums",
        lambda: list(
            listable(ForumPage.objects.live(), request)
            .filter(locale=locale)
            .select_related("country")
            .order_by("title")
        ),
        locale.pk,
        reader_key(request),
    )
    remember_sources(forums)
    user = request.user
    district = user_district(user)
    own_country = district.country_id if district else None
    forums.sort(
        key=lambda forum: (
            forum.country_id is not None,
            forum.country_id != own_country,
        )
    )
    links = []
    for forum in forums:
        url = forum.get_url(request)
        if not url:
            continue
        links.append(
            ForumLink(
                title=forum.title,
                url=url,
                is_current=current is not None and forum.pk == current.pk,
                yours=can_post(user, protocol(forum)),
            )
        )
    return links
