"""The four roles of the portal, as Django groups created by a data migration.

Group names are stable identifiers (never translated in the database); the
labels shown to people are translated here.
"""

from enum import StrEnum

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.utils.translation import gettext_lazy as _


class Role(StrEnum):
    HDMT_MEMBER = "HDMT members"
    FACILITATOR = "Facilitators"
    POLICYMAKER = "Policymakers"
    ADMIN = "Administrators"


ROLE_LABELS = {
    Role.HDMT_MEMBER: _("HDMT member"),
    Role.FACILITATOR: _("Facilitator"),
    Role.POLICYMAKER: _("Policymaker"),
    Role.ADMIN: _("Administrator"),
}


def group_names(user) -> frozenset[str]:
    """The names of the user's groups, read once per user object (one request)."""
    if not user.is_authenticated:
        return frozenset()
    cached = user.__dict__.get("_role_group_names")
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user.__dict__["_role_group_names"] = cached
    return cached


def has_role(user: AbstractBaseUser | AnonymousUser, role: Role) -> bool:
    if not user.is_authenticated:
        return False
    return role in group_names(user)


def is_facilitator(user) -> bool:
    """Facilitators and admins run cycles; superusers can do everything."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return bool(group_names(user) & {Role.FACILITATOR, Role.ADMIN})


def require_facilitator(user) -> None:
    """Refuse (403) anybody but facilitators and admins: for admin views."""
    from django.core.exceptions import PermissionDenied

    if not is_facilitator(user):
        raise PermissionDenied


def user_district(user):
    """The district whose team the user belongs to, or None."""
    if not user.is_authenticated:
        return None
    descriptor = user._meta.model.membership  # the membership and its district at once
    if not descriptor.is_cached(user):
        found = (
            descriptor.related.related_model.objects.select_related("district")
            .filter(user=user)
            .first()
        )
        descriptor.related.set_cached_value(user, found)
    membership = getattr(user, "membership", None)
    return membership.district if membership else None


def viewer_key(user) -> tuple:
    """All that role- and district-based permissions know of a reader: signed in or
    not, superuser, groups, district and its country. Readers with the same key are
    shown the same wherever only roles and districts decide, so a fragment keyed with
    it never shows one district's (or role's) view to another; what depends on the
    person (their likes, their own comments) goes in a key on its own."""
    if not user.is_authenticated:
        return ("anonymous",)
    district = user_district(user)
    return (
        "signed-in",
        bool(user.is_superuser),
        tuple(sorted(group_names(user))),
        district.pk if district else None,
        district.country_id if district else None,
    )


def role_label(user) -> str:
    """The most significant role of a user, translated, for display next to names."""
    if not user.is_authenticated:
        return ""
    names = group_names(user)
    for role in (Role.ADMIN, Role.FACILITATOR, Role.POLICYMAKER, Role.HDMT_MEMBER):
        if role in names:
            return str(ROLE_LABELS[role])
    return ""
