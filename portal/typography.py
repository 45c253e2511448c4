"""French typography of generated text, shared by every app.

- Elision: French writes "d’Abomey" but "de Banikoara": ``de(name)`` gives the right
  form, and ``elide(text, name)`` mends a translated sentence made from a
  "… de %(district)s" pattern once the name is in it (English text has no "de ",
  so the same call is harmless on English pages).
- Numbers: a whole number is shown without decimals ("57", not "57.0"), in the
  active language's decimal separator otherwise ("2,5" in French).
"""

from __future__ import annotations

import re
from decimal import Decimal

from django.utils import formats

APOSTROPHE = "\u2019"
_VOWELS = "aeiouyàâäéèêëîïôöùûüÿæœ"
# Place names whose h is mute (elided); every other initial h is treated as aspirated.
MUTE_H_NAMES = frozenset({"haïti", "honfleur", "hérault"})


def elides(name: str) -> bool:
    """True when French elides "de" before `name` (a vowel or a mute h)."""
    word = (name or "").strip()
    if not word:
        return False
    first = word[0].lower()
    if first in _VOWELS:
        return True
    return first == "h" and re.split(r"[\s\-]", word, maxsplit=1)[0].lower() in (
        MUTE_H_NAMES
    )


def de(name: str) -> str:
    """ "de Banikoara", "d’Abomey": the French "of" before a place name."""
    return f"d{APOSTROPHE}{name}" if elides(name) else f"de {name}"


def elide(text: str, *names: str) -> str:
    """Turn "de Abomey" into "d’Abomey" in `text`, for each name given."""
    for name in names:
        if name and elides(name):
            text = re.sub(
                r"\b([dD])e (?=" + re.escape(name) + ")", rf"\1{APOSTROPHE}", text
            )
    return text


def number(value, decimal_places: int = 1) -> str:
    """A count or a measure as a reader expects it: "57", "2,5" (fr), "2.5" (en)."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return str(value)
    try:
        decimal = Decimal(str(value))
    except ArithmeticError:
        return str(value)
    if not decimal.is_finite():
        return str(value)
    if decimal == decimal.to_integral_value():
        return formats.number_format(int(decimal))
    rounded = round(decimal, decimal_places).normalize()
    return formats.number_format(rounded)
