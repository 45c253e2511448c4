"""Text normalisation shared by indexing, querying and highlighting.

Accents are removed and case folded on both sides, so "sante" finds "santé" on every
backend without database extensions (PostgreSQL's unaccent is not needed).
"""

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

MAX_QUERY_LENGTH = 1000
MAX_QUERY_TERMS = 12
WORD = re.compile(r"\w+", re.UNICODE)


def normalise(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def cut_query(query: str) -> str:
    """The query within MAX_QUERY_LENGTH, cut between words: half a word at the cut
    would be a term that matches nothing, and every term must match."""
    if len(query) <= MAX_QUERY_LENGTH:
        return query
    kept = query[:MAX_QUERY_LENGTH]
    if kept[-1].isalnum() and query[MAX_QUERY_LENGTH].isalnum():
        kept = re.sub(r"\w+$", "", kept)
    return kept


def query_terms(query: str) -> list[str]:
    """Distinct normalised words of a query: nothing else reaches the database."""
    terms: list[str] = []
    for word in WORD.findall(normalise(cut_query(query))):
        word = word.strip("_")[:60]
        if word and word not in terms:
            terms.append(word)
    return terms[:MAX_QUERY_TERMS]


# A term of at least this many letters, once its plural is dropped, also finds the
# words it begins: "vaccin" finds "vaccins", "vaccins" finds "vaccin".
PREFIX_MIN_LENGTH = 4


def stem(term: str) -> str:
    """A light, language-blind stem of a normalised term, enough for French and
    English plurals: "vaccins" → "vaccin", "hopitaux"/"hopital" → "hopita"
    (so each finds the other), "supplies" → "supplie". Not a full stemmer: the
    index keeps the words as written, and the stem is matched as a prefix."""
    if not term.isalpha():
        return term
    if len(term) >= 6 and term.endswith("aux"):
        return term[:-2]
    if len(term) >= 6 and term.endswith("al"):
        return term[:-1]
    if len(term) >= 5 and term[-1] in "sx" and not term.endswith("ss"):
        return term[:-1]
    return term


def match_forms(terms: list[str]) -> list[tuple[str, bool]]:
    """(form, matched as a prefix) for each query term: its stem, as a prefix when
    long enough to stay specific."""
    forms = []
    for term in terms:
        form = stem(term)
        forms.append((form, form.isalpha() and len(form) >= PREFIX_MIN_LENGTH))
    return forms


SNIPPET_SCAN_LIMIT = 3000


def _normalised_with_offsets(text: str) -> tuple[str, list[int]]:
    """The normalised text and, for each of its characters, the original index."""
    if text.isascii():
        lowered = text.lower()
        return lowered, list(range(len(lowered)))
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        folded = char.lower() if char.isascii() else normalise(char)
        for part in folded:
            chars.append(part)
            offsets.append(index)
    return "".join(chars), offsets


def highlight(text: str, terms: list[str], width: int = 240) -> SafeString:
    """An escaped excerpt around the first match with every match wrapped in <mark>."""
    if not text:
        return mark_safe("")  # noqa: S308 - empty string
    text = text[:SNIPPET_SCAN_LIMIT]
    folded, offsets = _normalised_with_offsets(text)
    spans: list[tuple[int, int]] = []
    if terms:
        pattern = re.compile(
            r"\b("
            + "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
            + r")"
        )
        for match in pattern.finditer(folded):
            spans.append((offsets[match.start()], offsets[match.end() - 1] + 1))
    first = spans[0][0] if spans else 0
    start = max(0, first - width // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + width)
    parts = ["…" if start else ""]
    cursor = start
    for span_start, span_end in spans:
        if span_start < cursor or span_end > end:
            continue
        parts.append(escape(text[cursor:span_start]))
        parts.append("<mark>" + escape(text[span_start:span_end]) + "</mark>")
        cursor = span_end
    parts.append(escape(text[cursor:end]))
    parts.append("…" if end < len(text) else "")
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above
