"""`charts` is a lower layer: no module of it imports an app built on top of it.

Every module of the package is read with `ast` (no import runs), at module level and
inside functions, `import x` and `from x import y`, relative imports resolved against
the module's own package. Higher apps plug into charts through its registries
(`charts.sources.register_source`, `charts.sources.register_host`).
"""

import ast
from pathlib import Path

import charts

HIGHER_APPS = {
    "cycles",
    "dhis2",
    "participation",
    "discussions",
    "lessons",
    "home",
    "search",
}
PACKAGE = Path(charts.__file__).parent
ROOT = PACKAGE.parent


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(source: str, module: str, is_package: bool = False):
    """(line, dotted name) of every import in ``source`` (the code of ``module``),
    at any depth, relative ones resolved; ``from x import y`` gives x and x.y."""
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            target = node.module or ""
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, target] if target else base)
            yield node.lineno, target
            for alias in node.names:
                yield node.lineno, f"{target}.{alias.name}"


def violations(source: str, module: str, is_package: bool = False) -> list:
    """(line, module) of each import reaching a higher app, once per line."""
    found: dict[int, str] = {}
    for line, name in imported_modules(source, module, is_package):
        if name.split(".")[0] in HIGHER_APPS:
            found.setdefault(line, name)
    return sorted(found.items())


def test_charts_imports_no_higher_app():
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 10  # the walk did find the package
    found = [
        f"{path.relative_to(ROOT)}:{line} imports {name}"
        for path in modules
        for line, name in violations(
            path.read_text(), module_name(path), path.name == "__init__.py"
        )
    ]
    assert not found, "charts must not import higher apps:\n" + "\n".join(found)


def test_the_walk_sees_function_level_and_relative_imports():
    source = (
        "def f():\n"
        "    from cycles.selectors import x\n"
        "from ..sources import register_source\n"
        "from . import charts_tags\n"
        "import discussions.models\n"
    )
    module = "charts.templatetags.sample"
    assert violations(source, module) == [
        (2, "cycles.selectors"),
        (5, "discussions.models"),
    ]
    resolved = {name for _line, name in imported_modules(source, module)}
    assert {"charts.sources", "charts.templatetags.charts_tags"} <= resolved
    # In a package's __init__, "." is the package itself.
    assert next(imported_modules("from .sources import x", "charts", True)) == (
        1,
        "charts.sources",
    )
