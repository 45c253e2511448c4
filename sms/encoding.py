"""How long a text is in one SMS: GSM-7 (160 septets, its extension table counting
two) when every character is in GSM 03.38, else UCS-2 (70 UTF-16 units).

French "é è à ù Ç" are GSM-7; "ê â î ô û ç" (lowercase) are not, so one of them
halves the room. Typography that has a GSM-7 equivalent (non-breaking spaces,
« », curly quotes, dashes, the ellipsis) is made plain first: :func:`plain`.
"""

import re
import unicodedata
from dataclasses import dataclass

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("\f^{}\\[~]|€")
GSM7_LIMIT, UCS2_LIMIT = 160, 70
GSM7, UCS2 = "GSM-7", "UCS-2"

PLAIN = str.maketrans(
    {
        "\u00a0": " ",  # no-break space
        "\u202f": " ",  # narrow no-break space
        "\u2009": " ",  # thin space
        "«": '"',
        "»": '"',
        "“": '"',
        "”": '"',
        "„": '"',
        "‘": "'",
        "’": "'",
        "–": "-",
        "—": "-",
        "…": "...",
    }
)


@dataclass(frozen=True)
class Length:
    encoding: str
    units: int  # septets for GSM-7, UTF-16 code units for UCS-2
    limit: int

    @property
    def fits(self) -> bool:
        return self.units <= self.limit


GUILLEMETS = re.compile(r"«[\s\u00a0\u202f]*|[\s\u00a0\u202f]*»")


def plain(text: str) -> str:
    """Typographic characters replaced by their GSM-7 look-alikes (spaces, quotes,
    dashes, "..."; « title » becomes "title"); letters, accents included, are kept."""
    return GUILLEMETS.sub('"', text).translate(PLAIN)


def to_gsm7(text: str) -> str:
    """Each letter outside GSM-7 without its accent when that makes it GSM-7
    ("ê" → "e", "ç" → "c"); "é è à" are GSM-7 and stay."""
    out = []
    for char in text:
        if char not in GSM7_BASIC and char not in GSM7_EXTENSION:
            base = unicodedata.normalize("NFD", char)[0]
            char = base if base in GSM7_BASIC else char
        out.append(char)
    return "".join(out)


def is_gsm7(text: str) -> bool:
    return all(char in GSM7_BASIC or char in GSM7_EXTENSION for char in text)


def sms_length(text: str) -> Length:
    """The length of `text` in one SMS, in the encoding a phone would choose."""
    if is_gsm7(text):
        units = sum(2 if char in GSM7_EXTENSION else 1 for char in text)
        return Length(GSM7, units, GSM7_LIMIT)
    return Length(UCS2, len(text.encode("utf-16-le")) // 2, UCS2_LIMIT)


def fit_one_sms(build, title: str, ellipsis: str = "...") -> str:
    """``build(title)`` made plain, in one SMS: the title shortened (never the rest,
    so never the link) until it fits. When the title's own accents ("Enquête")
    force UCS-2 and leave less of it than GSM-7 would, the title loses those
    accents instead ("Enquete"): whichever keeps more of the title wins."""
    text = plain(build(title))
    if sms_length(text).fits:
        return text
    kept, best = _shortened(build, title, ellipsis)
    gsm_title = to_gsm7(plain(title))
    if gsm_title != plain(title):
        kept_gsm, best_gsm = _shortened(build, gsm_title, ellipsis)
        if kept_gsm > kept:
            return best_gsm
    return best


def _shortened(build, title: str, ellipsis: str) -> tuple[int, str]:
    """How many of the title's characters fit, and that text (an empty title and
    the text, however long, when none does)."""
    for size in range(len(title), -1, -1):
        short = title if size == len(title) else title[:size].rstrip() + ellipsis
        text = plain(build(short if size else ""))
        if sms_length(text).fits:
            return size, text
    return 0, text
