"""How a comment's author is named to a reader: attribution rules, pseudonyms, roles."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from discussions.models import (
    Attribution,
)
from discussions.pages import DefaultRules, SourceRules
from discussions.permissions import can_read_authors
from districts.roles import ROLE_LABELS, Role, user_district
from portal.text import strip_bidi_controls
from portal.typography import elide


def lang_attribute(language: str) -> str:
    """The ``lang`` a comment's text needs on the page being read: its language
    when that differs from the page's (the active language), else nothing."""
    language = (language or "")[:2]
    page_language = (get_language() or settings.LANGUAGE_CODE)[:2]
    return language if language and language != page_language else ""


@dataclass(frozen=True)
class Attributor:
    """How one reader sees who wrote each comment of one thread.

    ``labels`` comes from the page (``discussion_district_labels``): None when its
    results show district names; otherwise the pseudonyms its charts use, and any
    district without one (or every district, with an empty dict) is shown by its
    country. A pseudonymised thread never shows a person's name from another
    district (a name gives the district away); the reader's own team keeps its
    names, and facilitators see everything."""

    attribution: str
    sees_names: bool = False
    viewer_district_id: int | None = None
    labels: dict[int, str] | None = None

    def _masked(self, details) -> bool:
        return (
            self.labels is not None
            and details.district_id is not None
            and details.district_id != self.viewer_district_id
        )

    def author(self, comment) -> str:
        details = comment.details
        user = comment.user
        name = (
            strip_bidi_controls(user.get_full_name() or user.get_username())
            if user
            else _("Someone")
        )
        if self.sees_names:
            return name
        district = details.district
        if self._masked(details):
            label = self.labels.get(details.district_id)
            if label and self.attribution != Attribution.COUNTRY:
                return member_of(label)
            return _("a participant from %(country)s") % {
                "country": district.country.localized_name
            }
        if self.attribution == Attribution.NAMED:
            return name
        if self.attribution == Attribution.DISTRICT and district is not None:
            return member_of(district.name)
        if district is not None:
            return _("a participant from %(country)s") % {
                "country": district.country.localized_name
            }
        return _("a participant")

    def district(self, comment) -> str:
        details = comment.details
        if details.district is None:
            return ""
        if self.sees_names:
            return details.district.name
        if self.attribution == Attribution.COUNTRY:
            return ""
        if self._masked(details):
            return self.labels.get(details.district_id, "")
        return details.district.name


def attributor_for(target, user) -> Attributor:
    """``target`` is the page's discussion protocol (``pages.protocol``)."""
    sees_names = can_read_authors(user)
    district = user_district(user)
    return Attributor(
        attribution=target.discussion_attribution,
        sees_names=sees_names,
        viewer_district_id=district.pk if district else None,
        labels=None if sees_names else _district_labels(target),
    )


def _district_labels(target):
    """The page's district labels, read once per page object: the comments under
    the charts and the thread below them name districts alike, for one cost."""
    page = target.page if isinstance(target, (SourceRules, DefaultRules)) else target
    if "_discussion_district_labels" not in page.__dict__:
        page.__dict__["_discussion_district_labels"] = (
            target.discussion_district_labels()
        )
    return page.__dict__["_discussion_district_labels"]


def role_label(role: str) -> str:
    try:
        return str(ROLE_LABELS[Role(role)])
    except ValueError:
        return ""


def public_attributor(target) -> Attributor:
    """How a published text names authors: the thread's rule for a reader who is
    nobody in particular (no names beyond the rule, pseudonyms respected), so that
    every reader, and the page cache, gets the same page."""
    return Attributor(
        attribution=target.discussion_attribution,
        labels=target.discussion_district_labels(),
    )


def member_of(district: str) -> str:
    """ "un membre de Banikoara", "un membre d’Abomey", "a member of Abomey"."""
    return elide(_("a member of %(district)s") % {"district": district}, district)
