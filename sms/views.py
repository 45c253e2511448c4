"""The gateways' inbound webhooks (STOP opts out) and the short links' redirect."""

from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.module_loading import import_string
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from sms import services
from sms.models import ShortLink

INBOUND = {
    "rapidpro": "sms.backends.rapidpro.SmsBackend",
    "africastalking": "sms.backends.africastalking.SmsBackend",
}
SECRET_HEADER = "X-Sms-Secret"  # noqa: S105 (a header name, not a secret)


@csrf_exempt
@require_POST
def inbound(request, gateway: str):
    """A gateway posts an incoming SMS. The shared secret (SMS_WEBHOOK_SECRET) comes
    in the X-Sms-Secret header or, for gateways that cannot set one (Africa's
    Talking's callback), as ?secret= in the address set on the gateway."""
    if gateway not in INBOUND:
        raise Http404
    given = request.headers.get(SECRET_HEADER) or request.GET.get("secret", "")
    if not services.secret_matches(given):
        return JsonResponse({"error": "bad or missing secret"}, status=403)
    message = import_string(INBOUND[gateway]).parse_inbound(request)
    if message is None:
        return JsonResponse({"error": "no sender or text"}, status=400)
    return JsonResponse(
        {"stopped": services.handle_inbound(message.phone, message.text)}
    )


@require_GET
def follow(request, code: str):
    link = get_object_or_404(ShortLink, code=code)
    return HttpResponseRedirect(link.url)
