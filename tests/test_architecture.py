"""The shape of the code, pinned: no import cycle, small modules and functions, a thin CLI.

These read the source with ``ast`` (nothing is imported), so they are fast and fail with the
offending module or function named.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "planner"

MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 80
MAX_CLI_LINES = 900

LONG_FUNCTIONS: dict[str, str] = {}
"""``module:function`` allowed past ``MAX_FUNCTION_LINES``, each with its reason."""


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, path


MODULES = dict(_modules())


def _target(name: str) -> str | None:
    """The planner module an import of ``name`` loads (a module, or the package defining a
    name imported from it); None outside planner."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _imports(module: str, path: Path) -> set[str]:
    """Every planner module ``module`` imports, at module level or inside functions (a
    submodule's implicit import of its parent packages is not counted: every package would
    otherwise form a loop with its own ``__init__``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    [
                        *package.split(".")[: len(package.split(".")) - node.level + 1],
                        *([base] if base else []),
                    ]
                )
            # ``from pkg import mod`` imports the module; ``from pkg import name``, the package.
            names = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
                for alias in node.names
            ]
        for name in names:
            target = _target(name) if name.startswith("planner") else None
            if target is not None and target != module:
                found.add(target)
    return found


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle in ``graph`` (as the modules along it), or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)) is not None:
                return found
        state[node] = 2
        stack.pop()
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start)) is not None:
            return found
    return None


def test_the_cycle_finder_finds_a_cycle() -> None:
    """The check below can fail: a three-module loop is reported along its path."""
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycle(graph) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycle_in_planner() -> None:
    """No module of planner imports (directly or through others) a module importing it back;
    a package's ``__init__`` counts as the package."""
    graph = {name: _imports(name, path) for name, path in MODULES.items()}
    assert _cycle(graph) is None, " → ".join(_cycle(graph) or [])


@pytest.mark.parametrize("module", sorted(MODULES))
def test_modules_stay_small(module: str) -> None:
    """A module over 400 lines holds more than one thing: split it."""
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_MODULE_LINES, f"{module}: {lines} lines"


def _functions() -> Iterator[tuple[str, int]]:
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                assert node.end_lineno is not None
                yield f"{module}:{node.name}", node.end_lineno - node.lineno + 1


def test_functions_stay_short() -> None:
    """No function over 80 lines (docstring included) unless listed with a reason."""
    long = {name: lines for name, lines in _functions() if lines > MAX_FUNCTION_LINES}
    unexplained = {name: lines for name, lines in long.items() if name not in LONG_FUNCTIONS}
    assert not unexplained
    assert set(LONG_FUNCTIONS) <= set(long), "listed exceptions that are no longer long"


def test_the_cli_holds_no_workflow() -> None:
    """The CLI parses options, calls the library and prints: all of planner/cli together
    stays under 900 lines."""
    total = sum(p.read_text(encoding="utf-8").count("\n") for p in (PACKAGE / "cli").glob("*.py"))
    assert total < MAX_CLI_LINES, f"planner/cli: {total} lines"


def test_only_the_cli_knows_click() -> None:
    """Library code, the multi-district runner included, never imports click (nor the CLI);
    ``planner.__main__`` is the console script's entry point, which starts the CLI."""
    offenders = sorted(
        name
        for name, path in MODULES.items()
        if not name.startswith("planner.cli")
        and name != "planner.__main__"
        and (
            "planner.cli" in _imports(name, path)
            or any(
                isinstance(node, ast.Import | ast.ImportFrom)
                and any(
                    (getattr(node, "module", None) or alias.name).split(".")[0] == "click"
                    for alias in node.names
                )
                for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            )
        )
    )
    assert offenders == []
