"""Match DHIS2 organisation units to our districts."""

import unicodedata


def normalise_name(value: str) -> str:
    """Accent-, case- and spacing-insensitive form of a place name."""
    decomposed = unicodedata.normalize("NFKD", value or "")
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    cleaned = "".join(ch if ch.isalnum() else " " for ch in plain.casefold())
    return " ".join(cleaned.split())
