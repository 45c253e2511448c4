"""Text hygiene shared by every app: no invisible direction controls.

Bidirectional embedding, override and isolate characters (U+202A–U+202E,
U+2066–U+2069) make text display in another order than it is stored: a name or a
comment could show "gpj.exe" as "exe.jpg", or a name could pose as someone else's.
The portal's languages need none of them, so they are removed where text comes in
(comments, report reasons, topics, user names) and where names are shown."""

import re

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def strip_bidi_controls(text: str) -> str:
    return BIDI_CONTROLS.sub("", text or "")


def clean_user_names(sender, instance, **kwargs) -> None:
    """pre_save on the user model: names are stored without direction controls."""
    for field in ("username", "first_name", "last_name"):
        value = getattr(instance, field, None)
        if value:
            setattr(instance, field, strip_bidi_controls(value))
