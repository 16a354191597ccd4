"""The core's modules import each other along straight layers, checked by a maintained tool, and never in a circle.

The layers are import-linter contracts in pyproject.toml ([tool.importlinter]): the model at the bottom, the
shared rendering helpers above it, the site, the open data, the search and the contribution tools as siblings
above those, the facade above them, then the commands and the command line; the MkDocs adapter uses the facade
only, and the core imports neither MkDocs nor the measurement tools. No contract may be ignored.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import grimp

from hubs import REPO


def test_the_import_linter_contracts_hold_with_nothing_ignored() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    assert not any("ignore_imports" in contract for contract in config["contracts"])
    command = [str(Path(sys.executable).with_name("lint-imports")), "--config", str(REPO / "pyproject.toml")]
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(config['contracts'])} kept, 0 broken" in result.stdout


def _cycles(graph: grimp.ImportGraph, modules: set[str]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan): each is a circle of imports."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for other in graph.find_modules_directly_imported_by(module) & modules:
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(modules):
        if module not in index:
            visit(module)
    return found


def test_no_module_imports_itself_in_a_circle() -> None:
    graph = grimp.build_graph("mpchub", "mpchub_mkdocs")
    modules = {m for m in graph.modules if m.startswith(("mpchub.", "mpchub_mkdocs"))}
    packages = {m for m in modules if any(other.startswith(m + ".") for other in modules)}
    assert _cycles(graph, modules - packages) == []  # a package's __init__ re-exporting its modules is no circle
