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

