"""Comments and syntheses in the reader's language, by wagtail-localize's translator.

The translator is the one configured for wagtail-localize
(``WAGTAILLOCALIZE_MACHINE_TRANSLATOR``: LibreTranslate or DeepL); without it there
is no "Translate" button. Its ``translate(source_locale, target_locale, strings)``
is called with the comment's rendered HTML as one ``StringValue``; what comes back
is cleaned with the comment allow-list (or the rich-text one for a synthesis)
before it is stored in ``MachineTranslation`` and shown, marked as machine-made.
A failure (server down, refused key, odd answer) raises ``TranslationFailed`` with
a message for the reader; nothing is stored, the page itself never waits on it.
"""

import hashlib
import logging

import nh3
import requests
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale
from wagtail.rich_text import expand_db_html
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.strings import StringValue

from discussions import failures, markup
from discussions.models import Channel, MachineTranslation

logger = logging.getLogger(__name__)
RICH_TEXT_TAGS = markup.ALLOWED_TAGS | {"h2", "h3", "h4", "b", "i", "blockquote"}


class TranslationFailed(Exception):
    """The translator could not give a translation; str() is for the reader."""


def translator():
    """The configured machine translator, or None."""
    try:
        return get_machine_translator()
    except (ImportError, KeyError, TypeError):
        logger.exception("WAGTAILLOCALIZE_MACHINE_TRANSLATOR is misconfigured")
        return None


def available() -> bool:
    return translator() is not None


def _digest(html: str, source: str) -> str:
    return hashlib.sha256(f"{source}\n{html}".encode()).hexdigest()


def _machine_translate(html: str, source: str, target: str) -> tuple[str, str]:
    machine = translator()
    if machine is None:
        raise TranslationFailed(_("Machine translation is not available."))
    source_locale = Locale(language_code=source)
    target_locale = Locale(language_code=target)
    if not machine.can_translate(source_locale, target_locale):
        raise TranslationFailed(_("This text is already in your language."))
    string = StringValue(html)
    try:
        result = machine.translate(source_locale, target_locale, [string])
        translated = result[string].data
    except (requests.RequestException, ValueError, KeyError, TypeError) as error:
        raise _failed(machine, f"{type(error).__name__}: {error}") from error
    if not isinstance(translated, str) or not translated.strip():
        raise _failed(machine, f"unexpected answer: {translated!r:.200}")
    return translated, str(machine.display_name)


def _failed(machine, detail: str) -> TranslationFailed:
    """Logged, recorded for the admin ("Delivery problems"), told to the reader."""
    logger.warning("Machine translation failed: %s", detail)
    failures.record(
        Channel.TRANSLATION,
        failures.TRANSLATOR_DOWN,
        detail=f"{machine.display_name}: {detail}",
    )
    return TranslationFailed(
        _("The translation service did not answer. Try again later.")
    )


def translate_comment(comment, language: str) -> MachineTranslation:
    """The comment in ``language``: stored, or asked for and stored."""
    details = comment.details
    digest = _digest(details.body_html, details.language)
    row = MachineTranslation.objects.filter(comment=comment, language=language).first()
    if row is not None and row.source_digest == digest:
        return row
    html, name = _machine_translate(details.body_html, details.language, language)
    row, _created = MachineTranslation.objects.update_or_create(
        comment=comment,
        language=language,
        defaults={
            "source_digest": digest,
            "html": markup.clean(html),
            "translator": name,
        },
    )
    return row


def clean_rich_text(html: str) -> str:
    """A translated synthesis reduced to the rich-text allow-list."""
    return nh3.clean(
        html,
        tags=RICH_TEXT_TAGS,
        attributes={"a": {"href"}},
        url_schemes=markup.URL_SCHEMES,
        link_rel=markup.LINK_REL,
    )


def translate_synthesis(page, text: str, source: str, language: str):
    """A page's synthesis (rich text) in ``language``: stored, or asked for."""
    html = expand_db_html(text)
    digest = _digest(html, source)
    row = MachineTranslation.objects.filter(page=page, language=language).first()
    if row is not None and row.source_digest == digest:
        return row
    translated, name = _machine_translate(html, source, language)
    cleaned = clean_rich_text(translated)
    row, _created = MachineTranslation.objects.update_or_create(
        page=page,
        language=language,
        defaults={"source_digest": digest, "html": cleaned, "translator": name},
    )
    return row
