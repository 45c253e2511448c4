"""Open Graph and Twitter card tags of a public page, built before the template.

Links in the tags are absolute on BASE_URL (the address readers share), whatever
host the request came through.
"""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from wagtail.models import Page


@dataclass(frozen=True)
class SocialCard:
    type: str
    title: str
    description: str
    url: str
    locale: str
    image_url: str = ""

    @property
    def twitter_card(self) -> str:
        return "summary_large_image" if self.image_url else "summary"


def social_card(
    page: Page,
    request: HttpRequest,
    description: str = "",
    card_type: str = "website",
    image_url: str = "",
) -> SocialCard:
    """`description` and `image_url` come from the page's own selector when it has
    better ones (a lesson's first key message); else the search description, else
    the site's own."""
    return SocialCard(
        type=card_type,
        title=page.seo_title or page.title,
        description=description
        or page.search_description
        or _("Learning cycles, lessons and discussions of district health teams."),
        url=settings.BASE_URL + request.path,
        locale=page.locale.language_code,
        image_url=image_url,
    )
