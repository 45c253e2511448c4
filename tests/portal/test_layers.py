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
    "sms": 2,
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


FUNCTION_LEVEL_IMPORT_LIMIT = 10


def _function_level_imports():
    """(place, has a reason) for each import of the project's own modules made inside a
    function: the visible cost of working around a circle, or Django's ready()."""
    for _app, relative, tree in _modules():
        lines = (ROOT / relative).read_text().splitlines()
        for function in ast.walk(tree):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            documented = ast.get_docstring(function) is not None
            for node in ast.walk(function):
                if not isinstance(node, (ast.Import, ast.ImportFrom)):
                    continue
                if not any(True for _ in _imported_apps(ast.Module([node], []))):
                    continue
                above = lines[max(0, node.lineno - 4) : node.lineno - 1]
                commented = any(line.strip().startswith("#") for line in above)
                yield f"{relative}:{node.lineno}", commented or documented


def test_few_function_level_imports_each_with_its_reason():
    found = dict(_function_level_imports())
    assert len(found) <= FUNCTION_LEVEL_IMPORT_LIMIT, sorted(found)
    assert [place for place, reason in found.items() if not reason] == []
