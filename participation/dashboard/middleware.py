"""Record a signed-in user's last visit, at most once per quarter hour.

The session remembers when the visit was last written, so most requests cost no query.
"""

import datetime

from django.utils import timezone

from participation.models import LastVisit

SESSION_KEY = "participation_seen"
GRANULARITY = datetime.timedelta(minutes=15)


class LastVisitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            record_visit(request)
        return self.get_response(request)


def record_visit(request) -> None:
    now = timezone.now()
    seen = request.session.get(SESSION_KEY)
    if seen is not None and now.timestamp() - seen < GRANULARITY.total_seconds():
        return
    LastVisit.objects.update_or_create(user=request.user, defaults={"seen_at": now})
    request.session[SESSION_KEY] = now.timestamp()
