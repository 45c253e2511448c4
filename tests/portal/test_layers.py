"""Dependencies point one way (issue #15): an app imports only apps below it in
`LAYERS`, so there is no circle between apps; `charts` knows nothing of who feeds it.
Every import counts, module-level and inside functions, so a circle cannot hide in a
function. The picture is in docs/decisions.md ("Layers")."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Lowest first. An app may import itself and any app of a lower rank, never an app of
# the same or a higher one. `portal` is the foundation (translations, links, mail,
# caches); its URLconf and settings are the project's wiring, above every app.
LAYERS = {
    "portal": 0,
    "districts": 1,
    "search": 2,
    "charts": 2,
    "discussions": 3,
    "cycles": 4,
    "lessons": 5,
    "dhis2": 5,
    "followup": 6,
    "participation": 7,
    "home": 8,
    "demo": 9,
}
WIRING = {"portal/urls.py", "portal/wsgi.py", "portal/api.py"}
WIRING_DIRS = ("portal/settings/",)


def _modules():
    for app in LAYERS:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if "/migrations/" in relative or relative in WIRING:
                continue
            if relative.startswith(WIRING_DIRS):
                continue
            yield app, relative, ast.parse(path.read_text(), relative)


def _imported_apps(tree: ast.Module):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue  # relative imports stay inside their package
        for name in names:
            top = name.split(".")[0]
            if top in LAYERS:
                yield node.lineno, top


def test_every_import_points_down_the_layers():
    upward = [
        f"{relative}:{line} ({app} imports {other})"
        for app, relative, tree in _modules()
        for line, other in _imported_apps(tree)
        if other != app and LAYERS[other] >= LAYERS[app]
    ]
    assert upward == []
