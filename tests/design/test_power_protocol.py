"""Every wb.power result follows the result protocol; importing the design room stays light."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import workbench as wb


def _results():
    return [
        wb.power.two_proportions(0.05, 0.035, power=0.8),
        wb.power.two_proportions(0.05, None, n=500, power=0.8),
        wb.power.one_proportion(0.05, 0.035, power=0.8),
        wb.power.two_means(0.3, n=50, n_ratio=2),
        wb.power.two_means(None, n=40, power=0.8, paired=True),
        wb.power.cluster_mdes(20, 15, 0.05),
        wb.power.cluster_sample_size(0.3, 0.05, cluster_size=15),
        wb.power.simulate_binary_rct(0.2, 0.1, 100, n_sims=200, seed=1),
    ]


@pytest.mark.parametrize("index", range(8))
def test_protocol(index: int) -> None:
    r = _results()[index]
    json.dumps(r.to_dict())
    assert r.to_dict()["kind"] in {"power", "cluster_power", "power_simulation"}
    assert r.explain("sv") != r.explain("en")
    assert r.chart().to_dict()
    assert len(r.summary()) == 1
    assert isinstance(r.warnings, tuple)
    assert r._repr_html_().startswith("<div")


def test_result_is_frozen() -> None:
    r = wb.power.two_means(0.3, power=0.8)
    with pytest.raises(Exception):
        r.power = 0.5  # type: ignore[misc]


def test_rare_outcome_and_low_power_warnings() -> None:
    r = wb.power.two_proportions(0.02, 0.01, n=200)
    assert any("ovanligt" in w for w in r.warnings)
    assert any("missas oftare" in w for w in r.warnings)
    assert not wb.power.two_means(0.3, power=0.8).warnings


def test_explain_speaks_the_staff_language() -> None:
    text = wb.power.two_proportions(0.05, 0.035, power=0.8).explain("sv")
    assert "från 5 % till 3,5 %" in text and "2\u202f818 per grupp" in text


def test_design_package_import_is_light() -> None:
    code = ("import sys, workbench.design as d; heavy = [m for m in ('scipy', 'pandas', 'numpy', 'altair') "
            "if m in sys.modules]; print(heavy); d.advise; print('scipy' in sys.modules or 'numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0] == "[]"
