"""Fail when locale/fr/LC_MESSAGES/django.po has an untranslated or fuzzy entry."""

import sys
from pathlib import Path

import polib

PO_PATH = Path(__file__).resolve().parent.parent / "locale/fr/LC_MESSAGES/django.po"


def problems(path: Path = PO_PATH) -> list[str]:
    catalogue = polib.pofile(str(path))
    missing = [f"untranslated: {e.msgid!r}" for e in catalogue.untranslated_entries()]
    fuzzy = [f"fuzzy: {e.msgid!r}" for e in catalogue.fuzzy_entries()]
    return missing + fuzzy


if __name__ == "__main__":
    found = problems()
    for line in found:
        print(line)
    print(f"{len(found)} translation problem(s) in {PO_PATH.name}")
    sys.exit(1 if found else 0)
