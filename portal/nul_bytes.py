"""NUL bytes never reach the database.

PostgreSQL cannot store a NUL in text (psycopg raises DataError: an HTTP 500), and no
one means to type one: it arrives pasted from a PDF or a spreadsheet, or sent on
purpose. The middleware removes it from query strings, form fields (names and values)
and cookies before any view runs, so every place that accepts text is covered, the
views that read `request.POST` directly included. JSON bodies go through the forms,
whose fields refuse a NUL with a message (Django's ProhibitNullCharactersValidator).
"""

from django.http import QueryDict

NUL = "\x00"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
# Inbound e-mail webhooks read the raw body themselves (SendGrid's parser needs it
# after its form fields): reading their fields here would consume the stream. The
# text they carry loses its NULs in discussions/reply_text.py.
RAW_BODY_PREFIXES = ("/anymail/",)


def _without_nul(data: QueryDict) -> QueryDict:
    if not any(NUL in key or any(NUL in v for v in data.getlist(key)) for key in data):
        return data
    cleaned = QueryDict(mutable=True, encoding=data.encoding)
    for key in data:
        cleaned.setlist(
            key.replace(NUL, ""),
            [value.replace(NUL, "") for value in data.getlist(key)],
        )
    cleaned._mutable = False
    return cleaned


class StripNulBytesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.GET = _without_nul(request.GET)
        if (
            request.method not in ("GET", "HEAD")
            and request.content_type in FORM_TYPES
            and not request.path.startswith(RAW_BODY_PREFIXES)
        ):
            request.POST = _without_nul(request.POST)
        if any(NUL in value for value in request.COOKIES.values()):
            request.COOKIES = {
                name: value.replace(NUL, "") for name, value in request.COOKIES.items()
            }
        return self.get_response(request)
