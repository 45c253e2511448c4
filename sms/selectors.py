"""Reads: who wants SMS, on which number, and what was already sent."""

from django.db.models import QuerySet

from sms.models import SmsMessage, SmsStatus, SmsSubscription


def subscription_of(user) -> SmsSubscription | None:
    return SmsSubscription.objects.filter(user=user).first()


def subscribed(user) -> SmsSubscription | None:
    """The member's subscription if they want SMS and have a number."""
    return (
        SmsSubscription.objects.filter(user=user, opted_in=True)
        .exclude(phone="")
        .first()
    )


def subscriber_ids() -> QuerySet:
    """The users who want SMS (a subquery)."""
    return (
        SmsSubscription.objects.filter(opted_in=True)
        .exclude(phone="")
        .values("user_id")
    )


def already_logged(key: str) -> bool:
    return SmsMessage.objects.filter(key=key).exists()


def member_region(user) -> tuple[str | None, str]:
    """The ISO code and name of the member's country (their district's), if any."""
    membership = getattr(user, "membership", None)
    if membership is None:
        return None, ""
    country = membership.district.country
    return (country.code or None), country.name


def failed_since(since) -> int:
    """SMS the gateway refused for good since ``since`` (the admin dashboard)."""
    return SmsMessage.objects.filter(
        status=SmsStatus.FAILED, created_at__gte=since
    ).count()
