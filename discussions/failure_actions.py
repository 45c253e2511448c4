"""What a facilitator may do with a recorded delivery problem (admin "Delivery
problems"): post a refused reply for the member once its cause is gone (a rate
limit passed, a closed discussion reopened), send the member's bounce again, or mark
the problem handled. Posting goes through the web form's service, as the member."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from discussions import failures
from discussions.inbound import language_of, send_bounce
from discussions.models import Channel, ChannelFailure
from discussions.services import Draft, RateLimited, post_comment
from districts.roles import require_facilitator


def can_post(failure: ChannelFailure) -> bool:
    return (
        failure.channel == Channel.INBOUND
        and failure.resolved_at is None
        and failure.reason in failures.POSTABLE
        and failure.user_id is not None
        and failure.page_id is not None
        and bool(failure.text.strip())
    )


def can_resend(failure: ChannelFailure) -> bool:
    return (
        failure.channel == Channel.INBOUND
        and failure.resolved_at is None
        and failure.user_id is not None
        and not failure.bounced
        and bool(failure.user.email)
    )


def post_for_member(facilitator, failure: ChannelFailure):
    """The member's refused reply, posted now in its thread; ValidationError with
    the reason when it still cannot be."""
    require_facilitator(facilitator)
    if not can_post(failure):
        raise ValidationError(_("This reply cannot be posted from here."))
    page = failure.page.specific
    draft = Draft(failure.text.strip(), failure.parent_id)
    try:
        comment = post_comment(
            failure.user, page, draft, language_of(failure.user), limit_rate=False
        )
    except PermissionDenied as error:
        raise ValidationError(
            _("The member still may not post in this discussion (is it open?).")
        ) from error
    except RateLimited as error:  # not raised without the limit; kept for safety
        raise ValidationError(_("Try again in a minute.")) from error
    failures.mark_handled(failure, comment)
    return comment


def resend_bounce(facilitator, failure: ChannelFailure) -> bool:
    require_facilitator(facilitator)
    if not can_resend(failure):
        return False
    page = failure.page.specific if failure.page_id else None
    sent = send_bounce(
        None,
        failure.user,
        failure.reason,
        failure.text,
        page,
        failure.detail,
        failure.subject,
    )
    if sent:
        failure.bounced = True
        failure.save(update_fields=["bounced"])
    return sent


def mark_handled(facilitator, failure: ChannelFailure) -> None:
    require_facilitator(facilitator)
    failures.mark_handled(failure)
