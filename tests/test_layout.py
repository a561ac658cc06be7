"""The package's layout is its map: imports run one way down the pipeline, and no module hides a second one.

Layers, top to bottom: the spine (``cli``, ``build``, ``schema``, ``evaluate``, ``bench``, ``tables``,
``notebooks``) -> ``figures`` -> ``coding`` -> ``extract`` -> ``corpus`` -> ``common``; ``external`` reads
published data and imports only ``common``. A figure module imports ``style`` and ``parts``, never another
figure or the registry. Every import counts, including those inside functions: a lazy upward import is
still an upward dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "analysis"

RANK = {"common": 0, "corpus": 1, "extract": 2, "coding": 3, "figures": 4, "spine": 5}
# external sits beside the flow: it may import common only, and only the spine may import it
EXTERNAL_MAY_IMPORT = {"common", "external"}
FIGURE_SHARED = {"analysis.figures.style", "analysis.figures.parts"}
MAX_LINES = 900
RULE_TABLES = ("analysis/extract/rules/",)  # pattern tables, long by nature


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """Every ``analysis`` module this one imports, at any depth of the file, resolved to a known module."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    # the entry-point block (``if __name__ == "__main__":``) runs the module as a program; it is not a
    # dependency of the module, so its imports do not count
    skip = {
        id(n)
        for top in tree.body
        if isinstance(top, ast.If) and "__main__" in ast.unparse(top.test)
        for n in ast.walk(top)
    }
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            # "from analysis.x import y" may name a submodule y or an attribute of x
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        else:
            continue
        for t in targets:
            while t and t not in known:
                t = t.rpartition(".")[0]
            if t and t.startswith("analysis") and t != name:
                found.add(t)
    return found


def _graph() -> dict[str, set[str]]:
    mods = _modules()
    known = set(mods)
    return {name: _imports(name, path, known) for name, path in mods.items()}


def _layer(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "spine"  # analysis/__init__
    return parts[1] if parts[1] in RANK or parts[1] == "external" else "spine"


def test_the_tree_has_one_package_per_pipeline_stage():
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert {"common", "corpus", "extract", "coding", "external", "figures"} <= packages


def test_imports_never_point_up_the_pipeline():
    upward = []
    for mod, deps in _graph().items():
        src = _layer(mod)
        for dep in deps:
            dst = _layer(dep)
            if src == "external":
                ok = dst in EXTERNAL_MAY_IMPORT
            elif dst == "external":
                ok = src == "spine"
            else:
                ok = RANK[dst] <= RANK[src]
            if not ok:
                upward.append(f"{mod} ({src}) imports {dep} ({dst})")
    assert not upward, "imports against the flow:\n" + "\n".join(sorted(upward))


def test_a_figure_module_imports_only_the_shared_figure_parts():
    graph = _graph()
    figure_modules = [m for m in graph if m.startswith("analysis.figures.") and m not in FIGURE_SHARED]
    bad = []
    for mod in figure_modules:
        for dep in graph[mod]:
            if dep.startswith("analysis.figures") and dep not in FIGURE_SHARED:
                bad.append(f"{mod} imports {dep}")
    for shared in FIGURE_SHARED & set(graph):
        for dep in graph[shared]:
            if dep.startswith("analysis.figures") and dep not in FIGURE_SHARED:
                bad.append(f"{shared} imports {dep}")
    assert not bad, "\n".join(bad)


def test_the_import_graph_has_no_cycle():
    graph = _graph()
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    stack: list[str] = []
    cycles: list[str] = []

    def visit(mod: str) -> None:
        state[mod] = 1
        stack.append(mod)
        for dep in sorted(graph.get(mod, ())):
            if dep.startswith(mod + "."):
                continue  # a package's __init__ importing its own submodule is not a cycle
            if state.get(dep) == 1:
                cycles.append(" -> ".join([*stack[stack.index(dep) :], dep]))
            elif dep not in state:
                visit(dep)
        stack.pop()
        state[mod] = 2

    for mod in sorted(graph):
        if mod not in state:
            visit(mod)
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_outside_the_rule_tables_is_too_long_to_read(path: Path):
    rel = path.relative_to(PACKAGE.parent).as_posix()
    if rel.startswith(RULE_TABLES):
        pytest.skip("rule tables are long by nature")
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{rel} has {lines} lines; split it by what it holds (limit {MAX_LINES})"


def test_the_layer_checker_sees_lazy_and_relative_imports(tmp_path: Path):
    """The checker must not be blind: an import inside a function and a relative import both count."""
    pkg = tmp_path / "analysis"
    (pkg / "common").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "common" / "__init__.py").write_text("")
    (pkg / "common" / "a.py").write_text("def f():\n    from analysis.common import b\n")
    (pkg / "common" / "b.py").write_text("from . import a\n")
    known = {"analysis", "analysis.common", "analysis.common.a", "analysis.common.b"}
    assert _imports("analysis.common.a", pkg / "common" / "a.py", known) == {"analysis.common.b"}
    assert _imports("analysis.common.b", pkg / "common" / "b.py", known) == {"analysis.common.a"}
