"""Who may do what in a discussion, from roles and the page's discussion protocol."""

from django.conf import settings
from django.utils import timezone

from districts.roles import Role, group_names, is_facilitator, user_district


def _group_names(user) -> frozenset[str]:
    return group_names(user)


def can_read_authors(user) -> bool:
    """Facilitators always see who wrote what, even in non-attributed threads."""
    return is_facilitator(user)


def can_post(user, page, now=None) -> bool:
    if not user.is_authenticated:
        return False
    if not page.shows_discussion or not page.discussion_is_open(now or timezone.now()):
        return False
    if not page.discussion_visible_to(user):
        return False
    if is_facilitator(user):
        return True
    groups = _group_names(user)
    if Role.HDMT_MEMBER in groups:
        return _in_country(user, getattr(page, "discussion_country_id", None))
    return Role.POLICYMAKER in groups and bool(page.discussion_allows_policymakers)


def _in_country(user, country_id) -> bool:
    """Members post in the shared forum and in their own country's, not others'."""
    if country_id is None:
        return True
    district = user_district(user)
    return district is not None and district.country_id == country_id


def can_change(user, comment, now=None) -> bool:
    """Authors may edit or delete their own comment for a few minutes."""
    if not user.is_authenticated or comment.user_id != user.pk:
        return False
    window = settings.DISCUSSIONS_EDIT_WINDOW_MINUTES * 60
    return ((now or timezone.now()) - comment.submit_date).total_seconds() <= window
