"""Open Graph and Twitter card tags of a public page, built before the template.

Links in the tags are absolute on BASE_URL (the address readers share), whatever
host the request came through. Apps that can illustrate a page (the charts of a
cycle's public results) register an image source here; this module imports none of
them.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from wagtail.models import Page

from portal.links import absolute_url
from portal.translations import language_of

# Open Graph wants language_TERRITORY. The portal's English is British English
# (the spelling of its interface), its French that of France, as written for the
# francophone West African audience (see docs/decisions.md).
OG_LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def og_locale(language_code: str) -> str:
    language = language_code.split("-")[0].lower()
    return OG_LOCALES.get(language, f"{language}_{language.upper()}")


@dataclass(frozen=True)
class ShareImage:
    url: str  # absolute, or relative to BASE_URL
    alt: str = ""
    type: str = ""  # "image/png"
    width: int | None = None
    height: int | None = None


ImageSource = Callable[[Page, HttpRequest], ShareImage | None]
_image_sources: list[ImageSource] = []


def register_image_source(source: ImageSource) -> None:
    """``source(page, request)`` returns the image shared with the page, or None. It must
    only return what an anonymous reader may see: the tags are public."""
    if source not in _image_sources:
        _image_sources.append(source)


def _registered_image(page: Page, request: HttpRequest) -> ShareImage | None:
    for source in _image_sources:
        image = source(page, request)
        if image is not None and image.url:
            return image
    return None


@dataclass(frozen=True)
class SocialCard:
    type: str
    title: str
    description: str
    url: str
    locale: str
    image_url: str = ""
    image_alt: str = ""
    image: ShareImage | None = None  # its type and size, when known
    locale_alternates: tuple[str, ...] = ()

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
    the site's own. Without an image of its own, a registered source may give one.
    Every page exists in every site language, so the others are its alternates."""
    image = ShareImage(image_url) if image_url else _registered_image(page, request)
    language = language_of(page)  # no query: the request's locales are memoised
    return SocialCard(
        type=card_type,
        title=page.seo_title or page.title,
        description=description
        or page.search_description
        or _("Learning cycles, lessons and discussions of district health teams."),
        url=absolute_url(request.path),
        locale=og_locale(language),
        image_url=absolute_url(image.url) if image else "",
        image_alt=image.alt if image else "",
        image=image,
        locale_alternates=tuple(
            og_locale(code) for code, _name in settings.LANGUAGES if code != language
        ),
    )
