"""Compile every locale/*/LC_MESSAGES/*.po to .mo with polib, so that set-up needs no
gettext binaries. CI still runs Django's `compilemessages`, which uses msgfmt."""

import os
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent


def compile_all(root: Path = ROOT) -> int:
    count = 0
    for po_path in sorted(root.glob("locale/*/LC_MESSAGES/*.po")):
        # Written aside then renamed: a test run reading the catalogue (CI runs the
        # SQLite and PostgreSQL suites side by side) never sees half a file.
        target = po_path.with_suffix(".mo")
        partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        polib.pofile(str(po_path)).save_as_mofile(str(partial))
        os.replace(partial, target)
        count += 1
    return count


if __name__ == "__main__":
    print(f"compiled {compile_all()} message catalogue(s)")
