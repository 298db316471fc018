"""medlab's module structure, read from the source with `ast` (nothing is imported):

(a) no import cycle, counting module-level AND function-level `import` / `from` statements
    (a function-level import only hides a cycle until that function runs);
(b) no stage module (`medlab/stages/{sft,dpo,grpo}.py`) imports another: their shared plumbing
    lives in `medlab.models.forward`, `medlab.stages.optim` and `medlab.stages.distributed`;
(c) `from medlab ...` / `import medlab...` inside a function only in the modules of
    `LAZY_MEDLAB_IMPORTS`, each with its reason (lazy imports of optional heavy third-party
    packages, e.g. vllm or lm_eval, are not counted);
(d) every module under 400 lines and every function at most 60 lines (decorators excluded, as
    ../shared/tools/sizes.py counts), except the known ones listed below.

Every exception list must stay true: an entry that no longer applies fails too, so the lists
only shrink. Each check also runs on a small package written to tmp_path that breaks it, so
none of them can pass vacuously.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
STAGE_MODULES = ("medlab.stages.sft", "medlab.stages.dpo", "medlab.stages.grpo")
MODULE_LINE_LIMIT = 400  # a module has fewer lines than this
FUNCTION_LINE_LIMIT = 60  # a function has at most this many lines

LAZY_MEDLAB_IMPORTS: dict[str, str] = {
    "medlab.run": "imports medlab.experiment / medlab.preflight after Hydra composed the "
    "config, so a config error prints before torch loads",
}
"""Modules allowed function-level imports of medlab, and why."""

OVERSIZED_MODULES: dict[str, str] = {}
"""Modules allowed MODULE_LINE_LIMIT lines or more (repo-relative path: reason)."""

OVERSIZED_FUNCTIONS: dict[str, str] = {}
"""Functions allowed more than FUNCTION_LINE_LIMIT lines (path::qualified name: reason)."""


@dataclass(frozen=True)
class ImportEdge:
    source: str
    """The importing module, e.g. medlab.stages.dpo."""
    target: str
    """The imported module of the package (the deepest one the statement names)."""
    line: int
    in_function: bool
    """True when the statement sits inside a function (runs only when it is called)."""


def module_name(root: Path, path: Path) -> str:
    """Dotted name of `path` (a .py file under `root`, the directory holding the package)."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_modules(root: Path, package: str) -> dict[str, Path]:
    return {module_name(root, f): f for f in sorted((root / package).rglob("*.py"))}


def _imported_names(node: ast.Import | ast.ImportFrom, module: str, is_package: bool) -> list[str]:
    """Every dotted name the statement may import (the module and module.attr for `from`)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:  # relative: resolved against the importing module's package
        package = module.split(".") if is_package else module.split(".")[:-1]
        anchor = package[: len(package) - node.level + 1]
        base = ".".join(anchor + ([base] if base else []))
    return [base] + [f"{base}.{alias.name}" for alias in node.names]


def _import_statements(tree: ast.Module) -> list[tuple[ast.Import | ast.ImportFrom, bool]]:
    """(statement, inside a function) for every import statement of `tree`."""
    found: list[tuple[ast.Import | ast.ImportFrom, bool]] = []
    stack: list[tuple[ast.AST, bool]] = [(tree, False)]
    while stack:
        node, in_function = stack.pop()
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                found.append((child, in_function))
            inside = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
            stack.append((child, inside))
    return found


def import_edges(root: Path, package: str) -> tuple[set[str], list[ImportEdge]]:
    """The modules of `package` and every import between two of them (parents excluded)."""
    modules = package_modules(root, package)
    edges = []
    for module, path in modules.items():
        tree = ast.parse(path.read_text(), str(path))
        for node, in_function in _import_statements(tree):
            targets = set()
            for name in _imported_names(node, module, path.name == "__init__.py"):
                while name and name not in modules:
                    name = name.rpartition(".")[0]
                if name and name != package and not (module + ".").startswith(name + "."):
                    targets.add(name)
            edges += [ImportEdge(module, t, node.lineno, in_function) for t in sorted(targets)]
    return set(modules), sorted(edges, key=lambda e: (e.source, e.line, e.target))


def import_cycles(modules: set[str], edges: list[ImportEdge]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each sorted."""
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for edge in edges:
        graph[edge.source].add(edge.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(cycles)


def stage_cross_imports(edges: list[ImportEdge], stages: tuple[str, ...]) -> list[str]:
    return [
        f"{e.source} imports {e.target} (line {e.line})"
        for e in edges
        if e.source in stages and e.target in stages
    ]


def lazy_imports(edges: list[ImportEdge]) -> dict[str, list[str]]:
    """{module: ["line N: target", ...]} of the function-level imports within the package."""
    found: dict[str, list[str]] = {}
    for e in edges:
        if e.in_function:
            found.setdefault(e.source, []).append(f"line {e.line}: {e.target}")
    return found


def oversized(root: Path, package: str) -> tuple[dict[str, int], dict[str, int]]:
    """({path: lines} of modules with MODULE_LINE_LIMIT lines or more, {path::function: lines}
    of functions over FUNCTION_LINE_LIMIT lines), paths relative to `root`."""
    modules, functions = {}, {}
    for path in package_modules(root, package).values():
        rel = path.relative_to(root).as_posix()
        text = path.read_text()
        if len(text.splitlines()) >= MODULE_LINE_LIMIT:
            modules[rel] = len(text.splitlines())
        stack: list[tuple[ast.AST, str]] = [(ast.parse(text), "")]
        while stack:
            node, prefix = stack.pop()
            for child in ast.iter_child_nodes(node):
                if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    size = (child.end_lineno or child.lineno) - child.lineno + 1
                    if size > FUNCTION_LINE_LIMIT:
                        functions[f"{rel}::{prefix}{child.name}"] = size
                    stack.append((child, f"{prefix}{child.name}."))
                elif isinstance(child, ast.ClassDef):
                    stack.append((child, f"{prefix}{child.name}."))
    return modules, functions


def unlisted_and_stale(found: Mapping[str, object], allowed: Mapping[str, str]) -> list[str]:
    """What `found` has beyond `allowed`, and the entries of `allowed` no longer found."""
    extra = [f"not allowed: {key} {found[key]}" for key in sorted(set(found) - set(allowed))]
    stale = [f"stale entry, remove it: {key}" for key in sorted(set(allowed) - set(found))]
    return extra + stale


# ---- medlab ----------------------------------------------------------------------------------
def test_medlab_has_no_import_cycle():
    modules, edges = import_edges(REPO, "medlab")
    assert {"medlab.stages.sft", "medlab.models.forward"} <= modules  # the walk found medlab
    cycles = import_cycles(modules, edges)
    assert not cycles, "import cycles: " + "; ".join(" <-> ".join(c) for c in cycles)


def test_no_stage_module_imports_another():
    _, edges = import_edges(REPO, "medlab")
    crossing = stage_cross_imports(edges, STAGE_MODULES)
    assert not crossing, "\n".join(crossing)


def test_function_level_medlab_imports_are_the_listed_ones():
    _, edges = import_edges(REPO, "medlab")
    problems = unlisted_and_stale(lazy_imports(edges), LAZY_MEDLAB_IMPORTS)
    assert not problems, "\n".join(problems)


def test_module_and_function_sizes():
    modules, functions = oversized(REPO, "medlab")
    problems = unlisted_and_stale(modules, OVERSIZED_MODULES)
    problems += unlisted_and_stale(functions, OVERSIZED_FUNCTIONS)
    assert not problems, "\n".join(problems)


# ---- each check fails on a package that breaks it ----------------------------------------------
def write_package(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """pkg: a <-> b through a function-level import, stages.dpo importing stages.sft at module
    level and through a relative import, a 400-line module, a 61-line function."""
    long_body = "".join(f"    x{i} = {i}\n" for i in range(59))
    write_package(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/a.py": "from pkg import b\n",
            "pkg/b.py": "def f():\n    from pkg.a import thing\n    return thing\n",
            "pkg/stages/__init__.py": "",
            "pkg/stages/sft.py": "X = 1\n",
            "pkg/stages/dpo.py": "from pkg.stages.sft import X\nfrom . import sft\n",
            "pkg/stages/grpo.py": "import pkg.a\n",
            "pkg/big.py": "x = 1\n" * MODULE_LINE_LIMIT,
            "pkg/long.py": f"def g():\n{long_body}    return 0\n",
        },
    )
    return tmp_path


def test_a_function_level_import_cycle_is_found(broken: Path):
    modules, edges = import_edges(broken, "pkg")
    assert import_cycles(modules, edges) == [["pkg.a", "pkg.b"]]
    assert lazy_imports(edges) == {"pkg.b": ["line 2: pkg.a"]}
    assert unlisted_and_stale(lazy_imports(edges), {"pkg.gone": "x"}) == [
        "not allowed: pkg.b ['line 2: pkg.a']",
        "stale entry, remove it: pkg.gone",
    ]


def test_a_stage_importing_another_is_found(broken: Path):
    _, edges = import_edges(broken, "pkg")
    stages = ("pkg.stages.sft", "pkg.stages.dpo", "pkg.stages.grpo")
    assert stage_cross_imports(edges, stages) == [
        "pkg.stages.dpo imports pkg.stages.sft (line 1)",
        "pkg.stages.dpo imports pkg.stages.sft (line 2)",
    ]


def test_an_oversized_module_and_function_are_found(broken: Path):
    modules, functions = oversized(broken, "pkg")
    assert modules == {"pkg/big.py": MODULE_LINE_LIMIT}
    assert functions == {"pkg/long.py::g": FUNCTION_LINE_LIMIT + 1}
