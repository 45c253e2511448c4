"""Translations made in code go through wagtail-localize, as an editor's would.

`translate_page` creates (or updates) a page's translation from its wagtail-localize
translation source and imports the translated strings as a PO file: the result is
the same as a facilitator's "Translate this page" followed by a PO upload, so the
editor then offers "Sync translated pages", PO export/import and machine translation
for it. The demo and the XLSForm import use it; nothing copies pages by hand.

The translated strings are given as a *target instance*: the source page with the
other language's values set in memory (fields and child rows such as questions).
Both are cut into segments the way wagtail-localize cuts them, and paired by field
path and position, so rich text split into paragraphs pairs paragraph by paragraph.
"""

from collections import defaultdict

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


def _strings_by_path(instance) -> dict[str, list[str]]:
    strings: dict[str, list[str]] = defaultdict(list)
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            strings[segment.path].append(segment.string.data)
    return strings


def paired_strings(source, target) -> dict[tuple[str, str], str]:
    """{(path, source string): target string} for every segment both instances have.

    Segments pair by path (fields, child rows keyed on their translation key); those
    whose path only one side has (StreamField blocks, which get new ids when set in
    code) pair by position within their field."""
    ours, theirs = _strings_by_path(source), _strings_by_path(target)
    pairs = {}

    def pair(path, strings, translated):
        for text, other in zip(strings, translated, strict=False):
            if other and other != text:
                pairs[(path, text)] = other

    for path in ours.keys() & theirs.keys():
        pair(path, ours[path], theirs[path])
    left: dict[str, list] = defaultdict(list)
    right: dict[str, list] = defaultdict(list)
    for path in (p for p in ours if p not in theirs):
        left[path.split(".")[0]].extend((path, text) for text in ours[path])
    for path in (p for p in theirs if p not in ours):
        right[path.split(".")[0]].extend(theirs[path])
    for field, entries in left.items():
        for (path, text), other in zip(entries, right.get(field, []), strict=False):
            if other and other != text:
                pairs[(path, text)] = other
    return pairs


def translate_fields(page: Page, locale: Locale, fields: dict, **options) -> Page:
    """Translate `page` with these translated field values (see `translate_page`)."""
    target = type(page.specific).objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(target, name, value)
    return translate_page(page, locale, target, **options)


def source_for(instance) -> TranslationSource:
    """The instance's wagtail-localize source, brought up to date with its content."""
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    return source


@transaction.atomic
def translate_page(
    page: Page,
    locale: Locale,
    target: Page | None = None,
    publish: bool = True,
    user=None,
) -> Page:
    """Create or update `page`'s translation into `locale` through wagtail-localize.

    `target` carries the translated texts (see the module's docstring); strings it
    does not translate keep the source's text until a translator gives one."""
    source = source_for(page.specific)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale
    )
    if target is not None:
        pairs = paired_strings(page.specific, target)
        po = translation.export_po()
        for entry in po:
            entry.msgstr = pairs.get((entry.msgctxt, entry.msgid), "")
        translation.import_po(po, user=user, tool_name="District.Team")
    # Saved as a draft revision, then published here rather than on commit (where
    # wagtail-localize defers it), so that callers inside a transaction see it live.
    translated, _ = source.create_or_update_translation(
        locale, user=user, publish=False, copy_parent_pages=True, fallback=True
    )
    if publish:
        translated.get_latest_revision().publish(user=user)
    return Page.objects.get(pk=translated.pk).specific
