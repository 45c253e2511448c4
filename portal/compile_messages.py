"""Compile every locale/*/LC_MESSAGES/*.po to .mo with polib, so that set-up needs no
gettext binaries. CI still runs Django's `compilemessages`, which uses msgfmt."""

from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent


def compile_all(root: Path = ROOT) -> int:
    count = 0
    for po_path in sorted(root.glob("locale/*/LC_MESSAGES/*.po")):
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
        count += 1
    return count


if __name__ == "__main__":
    print(f"compiled {compile_all()} message catalogue(s)")
