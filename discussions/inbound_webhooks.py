"""django-anymail's inbound webhook views, with their refusals recorded.

Anymail answers a post with the wrong basic auth (or, for Mailgun, a wrong
signature) with a 400 and nothing more; a facilitator would never learn that the
ESP's secret no longer matches and every reply is being dropped. ``recorded`` keeps
the answer and adds a row to "Delivery problems", at most one per ESP and client
address every ten minutes (a stranger posting in a loop cannot fill the table).
"""

import functools

from anymail.exceptions import AnymailWebhookValidationFailure
from django.core.cache import cache

from discussions import failures
from discussions.models import Channel
from portal.client_ip import client_ip

QUIET_SECONDS = 600


def recorded(view, esp: str):
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except AnymailWebhookValidationFailure as error:
            address = client_ip(request) or "unknown"
            if cache.add(f"webhook-refused:{esp}:{address}", 1, QUIET_SECONDS):
                failures.record(
                    Channel.INBOUND,
                    failures.WEBHOOK_REFUSED,
                    sender=address,
                    detail=f"{esp}: {error}",
                )
            raise

    return wrapped
