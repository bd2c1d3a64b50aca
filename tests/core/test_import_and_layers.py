"""``import workbench`` stays light, public names resolve, and the rooms import one way."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_import_does_not_load_heavy_libraries():
    code = ("import sys, workbench; heavy = [m for m in ('pandas', 'numpy', 'scipy', 'statsmodels', 'altair', "
            "'sklearn', 'ipywidgets', 'sqlalchemy') if m in sys.modules]; print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "", f"import workbench loaded: {out}"


def test_public_names_resolve():
    import workbench as wb

    for name in ("read_table", "privacy", "Project", "check_smart", "ladder_status", "Estimate", "WorkbenchError"):
        assert getattr(wb, name) is not None


def test_import_linter_contracts_hold():
    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]



def _cycles(graph) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:  # recursion depth is the import depth: small
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.find_modules_directly_imported_by(v):
            if not w.startswith("workbench"):
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for m in sorted(graph.modules):
        if m.startswith("workbench") and m not in index:
            visit(m)
    return out


def test_no_import_cycles_not_even_through_function_local_imports():
    """Two modules that import each other (at the top or inside a function) are one concept in two files."""
    import grimp

    cycles = _cycles(grimp.build_graph("workbench"))
    assert cycles == [], "\n".join(" <-> ".join(c) for c in cycles)
