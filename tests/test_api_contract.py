"""Contract tests: every name, argument, default and field promised in ``shared/API.md`` exists and
behaves as written there.

The checks outside the package (R's estimatr, MatchIt, pwr, sandwich) call exactly these names, so
each test calls a public name the way API.md writes it, on small synthetic data or the teaching
data, and checks the promised fields with their types. Numbers are only checked where API.md states
a formula (mean of after − before, V = sum of positive ranks, SMD with the treated SD, …); the
golden comparisons with R live in the rooms' own tests.
"""

from __future__ import annotations

import dataclasses
import inspect
import json
import math
import os
import subprocess
import sys
import threading
import uuid
from datetime import datetime

import numpy as np
import pandas as pd
import pytest

import workbench as wb

# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------

ESTIMATE_FIELDS = ("estimate", "std_error", "ci_low", "ci_high", "p_value", "statistic", "df", "n",
                   "estimand", "method", "se_type")
REQUIRED = object()  # API.md writes the argument without a default


def _is_float(x) -> bool:
    return isinstance(x, float) and not isinstance(x, bool)


def assert_estimate(e, *, finite_se: bool = True) -> None:
    """``e`` is a ``wb.Estimate`` whose fields have the types API.md writes."""
    assert isinstance(e, wb.Estimate), type(e)
    for name in ("estimate", "std_error", "ci_low", "ci_high", "p_value", "statistic"):
        assert _is_float(getattr(e, name)), (name, type(getattr(e, name)))
    assert math.isfinite(e.estimate)
    if finite_se:
        assert math.isfinite(e.std_error) and e.std_error > 0
        assert e.ci_low <= e.estimate <= e.ci_high
    assert 0.0 <= e.p_value <= 1.0
    assert e.df is None or _is_float(e.df), type(e.df)
    assert isinstance(e.n, int) and not isinstance(e.n, bool) and e.n > 0, type(e.n)
    assert isinstance(e.estimand, str) and e.estimand
    assert isinstance(e.method, str) and e.method
    assert e.se_type is None or isinstance(e.se_type, str)
    assert e.conf_level == 0.95  # "Confidence level defaults to 95 %"
    assert e.alternative == "two-sided"  # "p-values are two-sided"


def _all_strings(obj) -> set[str]:
    if isinstance(obj, str):
        return {obj}
    if isinstance(obj, dict):
        return set().union(*(_all_strings(v) for v in obj.values())) if obj else set()
    if isinstance(obj, (list, tuple)):
        return set().union(*(_all_strings(v) for v in obj)) if obj else set()
    return set()


def assert_result(r, *, columns=(), options=(), estimate: bool = True, finite_se: bool = True) -> dict:
    """The result protocol of API.md; returns ``r.to_dict()``.

    ``columns``: input column names that must appear in ``to_dict()``; ``options``: argument names
    that must be recorded (under options or columns) so a saved result says how it was made.
    """
    import altair as alt

    summary = r.summary()
    assert isinstance(summary, pd.DataFrame) and len(summary) > 0

    d = r.to_dict()
    text = json.dumps(d, allow_nan=False)  # JSON-safe: no NaN, no numpy scalars
    assert isinstance(json.loads(text), dict)
    prov = d["provenance"]
    assert prov["version"] == wb.__version__
    recorded_columns = _all_strings(prov["columns"])
    for col in columns:
        assert col in recorded_columns, f"input column {col!r} not in to_dict()['provenance']['columns']"
    for opt in options:
        assert opt in prov["options"] or opt in prov["columns"] or opt in d, f"option {opt!r} not in to_dict()"

    chart = r.chart()
    assert isinstance(chart, alt.TopLevelMixin), type(chart)
    spec = chart.to_dict()
    assert isinstance(spec, dict) and "$schema" in spec

    sv, en = r.explain(lang="sv"), r.explain(lang="en")
    assert isinstance(sv, str) and isinstance(en, str) and sv.strip() and en.strip()
    assert sv != en
    assert r.explain() == sv  # the session language (Swedish here) is the default
    assert inspect.signature(r.explain).parameters["lang"].default is None  # API.md: explain(lang=None)
    try:
        wb.set_language("en")
        assert r.explain() == en  # ... and follows wb.set_language
    finally:
        wb.set_language("sv")

    assert isinstance(r.warnings, tuple) and all(isinstance(w, str) and w for w in r.warnings)
    html = r._repr_html_()
    assert isinstance(html, str) and "<" in html

    if estimate:
        assert_estimate(r.estimate, finite_se=finite_se)
    return d


def assert_signature(func, positional=(), keywords=None, *, var_keyword: bool = False) -> None:
    """The parameters API.md writes exist: ``positional`` in that order at the front (callable by
    position), ``keywords`` callable by name with the defaults API.md writes."""
    params = [p for p in inspect.signature(func).parameters.values() if p.name not in ("self", "cls")]
    by_name = {p.name: p for p in params}
    for i, name in enumerate(positional):
        assert i < len(params) and params[i].name == name, (
            f"{func.__qualname__}: positional argument {i + 1} should be {name!r}, "
            f"is {params[i].name if i < len(params) else None!r}")
        assert params[i].kind in (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    for name, default in (keywords or {}).items():
        assert name in by_name, f"{func.__qualname__}: no argument {name!r}"
        p = by_name[name]
        assert p.kind in (inspect.Parameter.KEYWORD_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
        if default is not REQUIRED:
            assert p.default == default, f"{func.__qualname__}: {name} default {p.default!r}, API.md {default!r}"
    if var_keyword:
        assert any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params)


def assert_lang_error(call, *needles: str) -> None:
    """``call(lang)`` raises a WorkbenchError (a ValueError) in Swedish and in English, naming
    ``needles`` (the column, row or value)."""
    texts = {}
    for lang in ("sv", "en"):
        with pytest.raises(wb.WorkbenchError) as info:
            call(lang)
        assert isinstance(info.value, ValueError)
        texts[lang] = str(info.value)
        assert texts[lang].strip()
        for needle in needles:  # "a|b": either spelling (decimal point or comma)
            assert any(n.lower() in texts[lang].lower() for n in needle.split("|")), (lang, needle, texts[lang])
    assert texts["sv"] != texts["en"]


# --------------------------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def parents() -> pd.DataFrame:
    return wb.load_sample("foraldrastod_rct")


@pytest.fixture(scope="module")
def families() -> pd.DataFrame:
    data = wb.load_sample("hela_familjen")
    data.index = pd.RangeIndex(1000, 1000 + len(data))  # not 0..n-1: results must keep this index
    return data


def make_panel(n_treated: int, n_units: int = 10, n_times: int = 10, seed: int = 3) -> pd.DataFrame:
    """Areas × months; the first ``n_treated`` areas get the intervention from month 6 (effect −5).

    Treated areas sit inside the range of the comparison areas, so a synthetic control can fit them.
    """
    rng = np.random.default_rng(seed)
    levels = rng.normal(100, 10, n_units)
    levels[:n_treated] = np.median(levels[n_treated:]) + rng.normal(0, 1, n_treated)
    rows = []
    for i, level in enumerate(levels):
        for t in range(1, n_times + 1):
            on = int(i < n_treated and t >= 6)
            rows.append({"område": f"Område {i}", "månad": t,
                         "utfall": level + 0.5 * t + rng.normal(0, 1) - 5 * on, "insats": on})
    return pd.DataFrame(rows)


def make_trial(n: int = 80, seed: int = 7) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    z = np.array([0, 1] * (n // 2))
    x = rng.normal(0, 1, n)
    block = np.repeat(["Norr", "Söder", "Öster", "Väster"], n // 4)
    return pd.DataFrame({"utfall": 1.0 + 0.8 * z + 0.5 * x + rng.normal(0, 1, n), "grupp": z,
                         "ålder_std": x, "stadsdel": block})


def make_cluster_trial(n_clusters: int = 20, size: int = 5, seed: int = 11) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    cl = np.repeat(np.arange(n_clusters), size)
    z = (cl % 2).astype(int)
    x = rng.normal(0, 1, len(cl))
    y = 0.7 * z + 0.4 * x + rng.normal(0, 0.5, n_clusters)[cl] + rng.normal(0, 1, len(cl))
    return pd.DataFrame({"utfall": y, "grupp": z, "ålder_std": x, "skola": [f"S{c:02d}" for c in cl]})


# --------------------------------------------------------------------------------------------
# Import and Estimate
# --------------------------------------------------------------------------------------------


def test_import_is_fast():
    code = "import time; t = time.perf_counter(); import workbench; print(time.perf_counter() - t)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    seconds = float(out.stdout.strip().splitlines()[-1])
    print(f"import workbench: {seconds:.3f} s (strict 0.5 s check: benchmarks/bench_import.py)")
    assert seconds < 2.0


def test_public_names_resolve():
    for name in ("Estimate", "WorkbenchError", "read_table", "privacy", "Project", "check_smart",
                 "SmartFinding", "activity_followup", "prepost", "match", "did", "synthetic_control",
                 "Registry", "rct", "cace", "power", "load_sample"):
        assert getattr(wb, name) is not None
    assert issubclass(wb.WorkbenchError, ValueError)


def test_estimate_fields_and_frozen():
    assert dataclasses.is_dataclass(wb.Estimate)
    names = tuple(f.name for f in dataclasses.fields(wb.Estimate))
    assert names[: len(ESTIMATE_FIELDS)] == ESTIMATE_FIELDS
    e = wb.Estimate(estimate=1.0, std_error=0.5, ci_low=0.0, ci_high=2.0, p_value=0.05, statistic=2.0,
                    df=None, n=10, estimand="ATE", method="test", se_type=None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        e.estimate = 2.0  # type: ignore[misc]
    assert_estimate(e)


# --------------------------------------------------------------------------------------------
# Signatures: the names and defaults API.md writes
# --------------------------------------------------------------------------------------------


SIGNATURES = {
    "read_table": (lambda: wb.read_table, ["path"], {"sheet": None}),
    "privacy.is_valid_personnummer": (lambda: wb.privacy.is_valid_personnummer, ["s"], {}),
    "privacy.pseudonymize": (lambda: wb.privacy.pseudonymize, ["df", "columns"], {"key": REQUIRED}),
    "privacy.suppress_small_cells": (lambda: wb.privacy.suppress_small_cells, ["table"], {"min_count": 5}),
    "Project.create": (lambda: wb.Project.create, ["path"], {"name": REQUIRED}),
    "Project.open": (lambda: wb.Project.open, ["path"], {}),
    "check_smart": (lambda: wb.check_smart, ["goal"], {"lang": REQUIRED}),
    "activity_followup": (lambda: wb.activity_followup, ["participants"],
                          {"id": REQUIRED, "dose": None, "dropout_reason": None}),
    "prepost": (lambda: wb.prepost, ["data", "before", "after"], {"kind": "auto"}),
    "match": (lambda: wb.match, ["data", "treatment", "covariates"],
              {"method": "nearest", "distance": "logit", "ratio": 1, "replace": False, "caliper": None,
               "m_order": "largest", "subclasses": 6, "estimand": "ATT"}),
    "did": (lambda: wb.did, ["panel"], {"unit": REQUIRED, "time": REQUIRED, "outcome": REQUIRED,
                                        "treated": REQUIRED}),
    "synthetic_control": (lambda: wb.synthetic_control, ["panel"],
                          {"unit": REQUIRED, "time": REQUIRED, "outcome": REQUIRED, "treated_unit": REQUIRED,
                           "start": REQUIRED}),
    "Registry": (lambda: wb.Registry, [], {"url": None}),
    "rct": (lambda: wb.rct, ["data", "outcome", "treatment"],
            {"method": "difference_in_means", "blocks": None, "clusters": None, "covariates": None,
             "se_type": None}),
    "cace": (lambda: wb.cace, ["data", "outcome", "assigned", "received"], {"covariates": None}),
    "power.two_proportions": (lambda: wb.power.two_proportions, ["p1", "p2"],
                              {"n": None, "power": None, "alpha": 0.05, "n_ratio": 1.0}),
    "power.two_means": (lambda: wb.power.two_means, ["d"],
                        {"n": None, "power": None, "alpha": 0.05, "paired": False, "n_ratio": 1.0}),
    "power.cluster_mdes": (lambda: wb.power.cluster_mdes, ["clusters", "cluster_size", "icc"],
                           {"power": 0.8, "alpha": 0.05, "share_treated": 0.5, "r2_level1": 0.0,
                            "r2_level2": 0.0}),
}


@pytest.mark.parametrize("name", list(SIGNATURES))
def test_signature(name):
    get, positional, keywords = SIGNATURES[name]
    assert_signature(get(), positional, keywords, var_keyword=name == "Project.create")


def test_check_smart_default_language_is_swedish():
    # API.md writes lang="sv"; the code may take None = the session language (Swedish by default)
    default = inspect.signature(wb.check_smart).parameters["lang"].default
    assert default in ("sv", None)
    goal = "Minska andelen familjer med försörjningsstöd"
    if wb.get_language() == "sv":
        assert wb.check_smart(goal) == wb.check_smart(goal, lang="sv")


# --------------------------------------------------------------------------------------------
# Data in, privacy
# --------------------------------------------------------------------------------------------


def test_read_table_formats(tmp_path):
    expected_cols = ["id", "Ålder", "Lön kr", "Stadsdel"]
    semi = "id;Ålder;Lön kr;Stadsdel\nA1;34;12,5;Söder\nA2;41;7,25;Norr\n"
    (tmp_path / "semi_bom.csv").write_bytes(b"\xef\xbb\xbf" + semi.encode("utf-8"))
    (tmp_path / "semi_1252.csv").write_bytes(semi.encode("cp1252"))
    comma = "id,Ålder,Lön kr,Stadsdel\nA1,34,12.5,Söder\nA2,41,7.25,Norr\n"
    (tmp_path / "comma.csv").write_text(comma, encoding="utf-8")
    pd.DataFrame({"id": ["A1", "A2"], "Ålder": [34, 41], "Lön kr": [12.5, 7.25],
                  "Stadsdel": ["Söder", "Norr"]}).to_excel(tmp_path / "t.xlsx", sheet_name="Blad1", index=False)
    for name, kw in [("semi_bom.csv", {}), ("semi_1252.csv", {}), ("comma.csv", {}), ("t.xlsx", {}),
                     ("t.xlsx", {"sheet": "Blad1"})]:
        df = wb.read_table(tmp_path / name, **kw)
        assert isinstance(df, pd.DataFrame), name
        assert list(df.columns) == expected_cols, (name, list(df.columns))
        assert list(df["Lön kr"]) == pytest.approx([12.5, 7.25]), name
        assert list(df["Stadsdel"]) == ["Söder", "Norr"], name
        assert list(df["Ålder"]) == [34, 41], name
    wb.read_table(str(tmp_path / "comma.csv"))  # a plain str path too


def _luhn_digit(nine: str) -> str:
    total = 0
    for i, ch in enumerate(nine):
        v = int(ch) * (2 if i % 2 == 0 else 1)
        total += v - 9 if v > 9 else v
    return str((10 - total % 10) % 10)


def test_personnummer():
    ok = wb.privacy.is_valid_personnummer
    base = "8507099" + "80"  # 1985-07-09, serial 980
    pnr10 = base + _luhn_digit(base)
    assert ok(pnr10) is True
    assert ok(f"{pnr10[:6]}-{pnr10[6:]}") is True
    assert ok(f"19{pnr10}") is True
    assert ok(f"19{pnr10[:6]}-{pnr10[6:]}") is True
    old = "1212121212"  # 1912-12-12, over 100 years old: written with '+'
    assert ok(f"{old[:6]}+{old[6:]}") is True
    samordning = "850769" + "123"  # day + 60
    assert ok(samordning + _luhn_digit(samordning)) is True
    wrong = pnr10[:-1] + str((int(pnr10[-1]) + 1) % 10)
    assert ok(wrong) is False
    for bad in ("", "abc", "12345", "850799-1234", None):
        assert ok(bad) is False


def test_pseudonymize_is_keyed_and_stable():
    df = pd.DataFrame({"pnr": ["198507099805", "198507099805", "191212121212"], "x": [1, 2, 3]})
    original = df.copy()
    a = wb.privacy.pseudonymize(df, ["pnr"], key="nyckel-ett-som-är-lång-nog-0123456789")
    b = wb.privacy.pseudonymize(df, ["pnr"], key="nyckel-ett-som-är-lång-nog-0123456789")
    c = wb.privacy.pseudonymize(df, ["pnr"], key="nyckel-två-som-är-lång-nog-0123456789")
    pd.testing.assert_frame_equal(df, original)
    assert isinstance(a, pd.DataFrame) and list(a.columns) == list(df.columns) and a.index.equals(df.index)
    assert list(a["pnr"]) == list(b["pnr"])
    assert a["pnr"].iloc[0] == a["pnr"].iloc[1] != a["pnr"].iloc[2]
    assert not set(a["pnr"]) & set(df["pnr"])
    assert list(a["pnr"]) != list(c["pnr"])
    assert list(a["x"]) == [1, 2, 3]


def test_suppress_small_cells():
    table = pd.DataFrame({"Norr": [12, 3, 20, 0], "Söder": [8, 15, 2, 9]}, index=["a", "b", "c", "d"])
    for min_count in (5, 3):
        out = wb.privacy.suppress_small_cells(table, min_count=min_count)
        assert isinstance(out, pd.DataFrame) and out.shape == table.shape
        for col in table:
            for row in table.index:
                v, shown = table.loc[row, col], out.loc[row, col]
                if 0 < v < min_count:
                    assert pd.isna(shown), (row, col)
                elif not pd.isna(shown):
                    assert shown == v
        assert out.loc["d", "Norr"] == 0  # zeros are shown
    assert wb.privacy.suppress_small_cells(table).isna().sum().sum() >= 2


# --------------------------------------------------------------------------------------------
# Step 1: project, SMART, ladder status
# --------------------------------------------------------------------------------------------


def test_project_create_open_description_status(tmp_path):
    path = tmp_path / "projekt"
    p = wb.Project.create(path, name="Hela familjen", owner="Socialnämnden",
                          target_group={"description": "Familjer med långvarigt försörjningsstöd", "size": 120})
    d = p.description
    assert isinstance(d, dict) and d["name"] == "Hela familjen" and d["owner"] == "Socialnämnden"
    assert d["target_group"]["size"] == 120
    json.dumps(d)
    q = wb.Project.open(path)
    assert q.description["name"] == "Hela familjen" and q.description["owner"] == "Socialnämnden"
    wb.Project.open(str(path))

    status = q.status()
    assert isinstance(status.reached, int) and 0 <= status.reached <= 5
    steps = list(status.steps)
    assert [s.step for s in steps] == [1, 2, 3, 4, 5]
    for s in steps:
        assert isinstance(s.done, bool)
        assert isinstance(s.missing, list) and all(isinstance(m, str) for m in s.missing)
        assert s.done == (not s.missing)
    assert isinstance(status.next_actions, list) and status.next_actions
    assert all(isinstance(a, str) and a for a in status.next_actions)
    assert status.reached == 0 and not steps[0].done  # no goals, indicators … yet


def test_check_smart():
    criteria = ["specific", "measurable", "accepted", "realistic", "time_bound"]
    vague = wb.check_smart("Bättre liv för familjerna", lang="sv")
    good = wb.check_smart("Andelen familjer med försörjningsstöd i Söder ska minska från 40 % till 30 % "
                          "senast december 2027, beslutat av socialnämnden.", lang="sv")
    good_en = wb.check_smart("Andelen familjer med försörjningsstöd i Söder ska minska från 40 % till 30 % "
                             "senast december 2027, beslutat av socialnämnden.", lang="en")
    for findings in (vague, good, good_en):
        assert isinstance(findings, list)
        assert sorted(f.criterion for f in findings) == sorted(criteria)
        for f in findings:
            assert isinstance(f, wb.SmartFinding)
            assert isinstance(f.ok, bool) and isinstance(f.message, str) and f.message
    assert sum(f.ok for f in good) > sum(f.ok for f in vague)
    assert [f.message for f in good] != [f.message for f in good_en]
    assert [f.ok for f in good] == [f.ok for f in good_en]


# --------------------------------------------------------------------------------------------
# Step 2 and 3
# --------------------------------------------------------------------------------------------


def test_activity_followup():
    data = wb.load_sample("aktiviteter")
    stages = {"target_group": None, "offered": "erbjuden", "started": "påbörjad", "completed": "fullföljd"}
    r = wb.activity_followup(data, id="förälder_id", stages=stages, dose="antal_träffar",
                             dropout_reason="avbrottsorsak")
    assert_result(r, estimate=False, columns=["förälder_id", "erbjuden", "påbörjad", "fullföljd",
                                              "antal_träffar", "avbrottsorsak"])
    flow = r.flow
    assert isinstance(flow, pd.DataFrame)
    assert {"stage", "n", "share_of_target_group"} <= set(flow.columns)
    assert list(flow["stage"]) == list(stages)
    assert flow["n"].iloc[0] == len(data)
    assert list(flow["share_of_target_group"]) == pytest.approx(list(flow["n"] / len(data)))
    for table in ("reach", "dose", "dropout"):
        assert isinstance(getattr(r, table), pd.DataFrame), table
    assert r.kind == "activity_followup"


def test_prepost_continuous(parents):
    data = parents.dropna(subset=["stress_före", "stress_efter"]).head(40).copy()
    r = wb.prepost(data, "stress_före", "stress_efter")
    assert_result(r, columns=["stress_före", "stress_efter"], options=["kind"])
    diff = (data["stress_efter"] - data["stress_före"]).astype(float)
    assert r.estimate.estimate == pytest.approx(diff.mean())
    assert r.estimate.df == pytest.approx(len(diff) - 1)
    assert r.estimate.n == len(diff)
    es = r.effect_size.estimate if isinstance(r.effect_size, wb.Estimate) else float(r.effect_size)
    assert es == pytest.approx(diff.mean() / diff.std(ddof=1))
    tests = r.tests
    assert isinstance(tests, pd.DataFrame)
    assert {"paired_t", "wilcoxon"} <= set(tests.index)
    from scipy.stats import rankdata

    nz = diff[diff != 0]
    ranks = rankdata(nz.abs())
    assert tests.loc["wilcoxon", "statistic"] == pytest.approx(ranks[nz.to_numpy() > 0].sum())
    # ties here, so the normal approximation with continuity and tie correction, as R's wilcox.test
    n, v = len(nz), ranks[nz.to_numpy() > 0].sum()
    _, counts = np.unique(ranks, return_counts=True)
    sigma = math.sqrt(n * (n + 1) * (2 * n + 1) / 24 - np.sum(counts**3 - counts) / 48)
    z = v - n * (n + 1) / 4
    z = (z - math.copysign(0.5, z)) / sigma
    from scipy.stats import norm

    assert tests.loc["wilcoxon", "p_value"] == pytest.approx(2 * norm.sf(abs(z)))
    assert tests.loc["paired_t", "statistic"] == pytest.approx(r.estimate.statistic)
    assert tests.loc["paired_t", "p_value"] == pytest.approx(r.estimate.p_value)


def test_prepost_wilcoxon_exact_small_sample():
    from scipy.stats import wilcoxon

    before = np.arange(10.0, 30.0)
    after = before + np.array([3.1, -1.2, 4.3, 2.4, -0.5, 5.6, 1.7, 6.8, -2.9, 3.05,
                               0.15, 2.25, 4.35, -3.45, 1.55, 2.65, 7.75, -0.85, 1.95, 5.05])
    r = wb.prepost(pd.DataFrame({"före": before, "efter": after}), "före", "efter", kind="continuous")
    ref = wilcoxon(after - before, method="exact")  # n < 50, no ties or zeros: exact, as R
    d = after - before
    from scipy.stats import rankdata

    assert r.tests.loc["wilcoxon", "statistic"] == pytest.approx(rankdata(np.abs(d))[d > 0].sum())
    assert r.tests.loc["wilcoxon", "p_value"] == pytest.approx(ref.pvalue)


def test_prepost_binary():
    rng = np.random.default_rng(5)
    data = pd.DataFrame({"fore": rng.integers(0, 2, 60), "efter": rng.integers(0, 2, 60)})
    r = wb.prepost(data, "fore", "efter", kind="binary")
    assert_result(r, columns=["fore", "efter"], options=["kind"])
    assert r.estimate.estimate == pytest.approx(data["efter"].mean() - data["fore"].mean())
    tests = r.tests
    assert {"mcnemar", "mcnemar_exact"} <= set(tests.index)
    b = int(((data["fore"] == 1) & (data["efter"] == 0)).sum())
    c = int(((data["fore"] == 0) & (data["efter"] == 1)).sum())
    from scipy.stats import binomtest

    assert tests.loc["mcnemar", "statistic"] == pytest.approx((abs(b - c) - 1) ** 2 / (b + c))
    from scipy.stats import chi2

    assert tests.loc["mcnemar", "p_value"] == pytest.approx(chi2.sf((abs(b - c) - 1) ** 2 / (b + c), 1))
    assert tests.loc["mcnemar_exact", "p_value"] == pytest.approx(binomtest(b, b + c, 0.5).pvalue)
    auto = wb.prepost(data, "fore", "efter")  # kind="auto" finds the 0/1 columns
    assert set(auto.tests.index) == set(tests.index)


# --------------------------------------------------------------------------------------------
# Step 4: matching, difference-in-differences, synthetic control
# --------------------------------------------------------------------------------------------

COVARIATES = ["ålder", "antal_barn", "år_med_bistånd", "kön"]
BALANCE_STATS = ["mean_treated", "mean_control", "smd", "var_ratio", "ecdf_mean", "ecdf_max"]


def _balance_stage(bal: pd.DataFrame, stage: str) -> pd.DataFrame:
    """The before/after block of ``m.balance()`` (MultiIndex columns or a ``stage`` column)."""
    if isinstance(bal.columns, pd.MultiIndex):
        return bal[stage]
    return bal[bal["stage"] == stage]


def check_series_on_index(s, index) -> None:
    assert isinstance(s, pd.Series), type(s)
    assert s.index.equals(index)


@pytest.mark.parametrize("method", ["nearest", "subclass", "exact"])
def test_match_fields(families, method):
    covs = ["kön", "utbildning"] if method == "exact" else COVARIATES
    m = wb.match(families, "hela_familjen", covs, method=method)
    for name in ("weights", "subclass"):
        check_series_on_index(getattr(m, name), families.index)
    treated = families["hela_familjen"] == 1
    assert (m.weights >= 0).all()
    if method == "nearest":
        assert (m.weights[~treated] == 0).any()  # 0 = not used
        used = m.weights > 0
        assert m.subclass[used].notna().all() and m.subclass[~used].isna().all()
        assert m.subclass[used].nunique() == int(treated.sum())  # one pair id per treated unit
    if method == "subclass":
        assert 1 < m.subclass.nunique() <= 6
    bal = m.balance()
    assert isinstance(bal, pd.DataFrame)
    for stage in ("before", "after"):
        block = _balance_stage(bal, stage)
        assert set(BALANCE_STATS) <= set(block.columns), (stage, list(block.columns))
    assert len(_balance_stage(bal, "before")) >= len(covs) + 1  # factors expanded
    assert_result(m, columns=["hela_familjen", *covs], options=["method", "distance", "ratio", "replace",
                  "caliper", "m_order", "subclasses", "estimand"], estimate=False)
    e = m.effect("självförsörjande_år1")
    assert_result(e, columns=["självförsörjande_år1"])
    assert e.estimate.estimand == "ATT"
    if method == "subclass":
        assert "HC3" in e.estimate.se_type


@pytest.mark.parametrize("method", ["nearest", "subclass", "exact"])
def test_match_propensity_is_a_series_on_the_input_index(families, method):
    covs = ["kön", "utbildning"] if method == "exact" else COVARIATES
    m = wb.match(families, "hela_familjen", covs, method=method)
    check_series_on_index(m.propensity, families.index)  # API.md: a Series for every method (NaN allowed)


def test_match_smd_uses_treated_sd(families):
    m = wb.match(families, "hela_familjen", ["ålder", "år_med_bistånd"])
    before = _balance_stage(m.balance(), "before")
    t = families["hela_familjen"] == 1
    for col in ("ålder", "år_med_bistånd"):
        x = families[col].astype(float)
        smd = (x[t].mean() - x[~t].mean()) / x[t].std(ddof=1)
        assert before.loc[col, "smd"] == pytest.approx(smd)
        assert before.loc[col, "mean_treated"] == pytest.approx(x[t].mean())


def test_match_all_options_and_effect_se(families):
    plain = wb.match(families, "hela_familjen", COVARIATES, method="nearest", distance="logit", ratio=1,
                     replace=False, caliper=None, m_order="largest", subclasses=6, estimand="ATT")
    e = plain.effect("självförsörjande_år1", covariates=None)
    se = e.estimate.se_type
    assert "HC3" not in se and ("CR" in se or "pair" in se.lower())  # clustered on pairs
    adjusted = plain.effect("självförsörjande_år1", covariates=["ålder"])
    assert_estimate(adjusted.estimate)
    assert_signature(plain.effect, ["outcome"], {"covariates": None})

    caliper = wb.match(families, "hela_familjen", COVARIATES, caliper=0.1)
    ps, used = caliper.propensity, caliper.weights > 0
    width = 0.1 * ps.std(ddof=1)  # caliper in SDs of the propensity score, as MatchIt
    treated_flag = families["hela_familjen"] == 1
    for _, pair in ps[used].groupby(caliper.subclass[used]):
        t_ps = pair[treated_flag[pair.index]]
        c_ps = pair[~treated_flag[pair.index]]
        assert len(t_ps) == 1 and len(c_ps) == 1
        assert abs(float(t_ps.iloc[0]) - float(c_ps.iloc[0])) <= width + 1e-12

    repl = wb.match(families, "hela_familjen", COVARIATES, ratio=2, replace=True, caliper=0.2)
    assert "HC3" in repl.effect("självförsörjande_år1").estimate.se_type
    tight = wb.match(families, "hela_familjen", COVARIATES, caliper=0.01)
    treated = families["hela_familjen"] == 1
    assert (tight.weights[treated] == 0).sum() >= (plain.weights[treated] == 0).sum()
    assert_estimate(wb.match(families, "hela_familjen", COVARIATES, m_order="smallest")
                    .effect("självförsörjande_år1").estimate)


@pytest.fixture(scope="module")
def did_result():
    return wb.did(make_panel(n_treated=3), unit="område", time="månad", outcome="utfall", treated="insats")


def test_did_estimate(did_result):
    assert_result(did_result, columns=["område", "månad", "utfall", "insats"])
    assert did_result.estimate.estimate == pytest.approx(-5, abs=1.5)
    assert did_result.estimate.se_type and "CR" in did_result.estimate.se_type  # clustered by unit


def test_did_is_two_way_fixed_effects(did_result):
    panel = make_panel(n_treated=3)
    X = pd.get_dummies(panel[["område", "månad"]].astype(str), drop_first=True, dtype=float)
    X.insert(0, "insats", panel["insats"].astype(float))
    X.insert(0, "const", 1.0)
    beta = np.linalg.lstsq(X.to_numpy(), panel["utfall"].to_numpy(), rcond=None)[0]
    assert did_result.estimate.estimate == pytest.approx(beta[1])


def test_did_event_study(did_result):
    es = did_result.event_study()
    assert_result(es, columns=["område", "månad", "utfall", "insats"], estimate=False)


def test_did_warns_with_few_treated_units():
    one = wb.did(make_panel(n_treated=1), unit="område", time="månad", outcome="utfall", treated="insats",
                 lang="sv")
    many = wb.did(make_panel(n_treated=10, n_units=40, seed=4), unit="område", time="månad",
                  outcome="utfall", treated="insats")
    assert set(one.warnings) - set(many.warnings)  # a warning only the few-treated panel gets
    assert len(many.warnings) < len(one.warnings)
    one_en = wb.did(make_panel(n_treated=1), unit="område", time="månad", outcome="utfall", treated="insats",
                    lang="en")
    assert one_en.warnings and one_en.warnings != one.warnings


def test_synthetic_control():
    panel = make_panel(n_treated=1)
    r = wb.synthetic_control(panel, unit="område", time="månad", outcome="utfall", treated_unit="Område 0",
                             start=6)
    assert_result(r, columns=["område", "månad", "utfall"], finite_se=False)
    w = r.weights
    assert isinstance(w, pd.Series)
    assert "Område 0" not in w.index and len(w) == 9
    assert (w >= -1e-9).all() and float(w.sum()) == pytest.approx(1.0, abs=1e-6)
    assert r.estimate.estimate == pytest.approx(-5, abs=2.0)
    p = r.p_value
    assert _is_float(p) and 0 < p <= 1
    assert p * 10 == pytest.approx(round(p * 10))  # a placebo rank among the 10 areas
    assert r.estimate.p_value == pytest.approx(p)


# --------------------------------------------------------------------------------------------
# Step 5: registry
# --------------------------------------------------------------------------------------------


@pytest.fixture()
def registry(tmp_path, monkeypatch):
    project = wb.Project.create(tmp_path / "rct_projekt", name="Slumpning")
    monkeypatch.chdir(project.path)
    reg = wb.Registry(url=None)  # None: a SQLite file in the project (here: the current folder)
    yield reg
    reg.close()


def _alloc_key(a):
    return (a.participant_id, a.arm, a.sequence_no, a.created_at, a.by)


def test_registry_signatures(registry):
    trial = registry.create_trial("Signaturer")
    assert_signature(registry.create_trial, ["name"],
                     {"arms": ("insats", "kontroll"), "scheme": "block", "block_sizes": (4, 6), "strata": (),
                      "ratio": None, "seed": None})
    assert_signature(registry.trial, ["name"])
    assert_signature(trial.randomize, ["participant_id"], {"strata": None, "by": REQUIRED})
    assert inspect.signature(trial.randomize).parameters["by"].default is inspect.Parameter.empty
    assert_signature(trial.allocations, [])
    assert_signature(trial.adherence, ["entrants"])
    assert_signature(registry.verify, [])


def test_registry_randomize_same_allocation_again(registry, tmp_path):
    assert list((tmp_path / "rct_projekt").rglob("*.sqlite")) or list((tmp_path / "rct_projekt").rglob("*.db"))
    registry.create_trial("Hemmaplan", arms=("insats", "kontroll"), scheme="block", block_sizes=(4, 6),
                          strata=(), ratio=None, seed=2024)
    trial = registry.trial("Hemmaplan")
    first = trial.randomize("A-1", by="anna")
    for name in ("participant_id", "arm", "sequence_no", "created_at", "by"):
        assert hasattr(first, name)
    assert first.participant_id == "A-1" and first.by == "anna" and first.arm in ("insats", "kontroll")
    assert isinstance(first.sequence_no, int) and isinstance(first.created_at, datetime)
    again = registry.trial("Hemmaplan").randomize("A-1", by="bertil")
    assert _alloc_key(again) == _alloc_key(first)
    if dataclasses.is_dataclass(first):
        names = [f.name for f in dataclasses.fields(first)]
    else:
        names = list(first._fields)
    assert names[:5] == ["participant_id", "arm", "sequence_no", "created_at", "by"]

    arms = [trial.randomize(f"A-{i}", by="anna").arm for i in range(2, 21)] + [first.arm]
    assert abs(arms.count("insats") - arms.count("kontroll")) <= 3  # blocks of 4 or 6
    table = trial.allocations()
    assert isinstance(table, pd.DataFrame) and len(table) == 20
    assert {"participant_id", "arm", "sequence_no"} <= set(table.columns)
    assert table["sequence_no"].is_unique

    share = trial.adherence(["A-1", "A-2", "A-3", "X-99"])
    assert _is_float(share) and share == pytest.approx(0.75)
    report = registry.verify()
    assert report.ok is True and len(report.problems) == 0
    assert all(isinstance(p, str) for p in report.problems)


def test_registry_seed_strata_and_path(tmp_path):
    arms = []
    for k in range(2):
        project = wb.Project.create(tmp_path / f"p{k}", name=f"P{k}")
        with wb.Registry(None, path=project.path) as reg:
            trial = reg.create_trial("Skolor", strata=("skola",), seed=99)
            arms.append([trial.randomize(f"E{i}", strata={"skola": "Ekbacken"}, by="eva").arm for i in range(12)])
            assert reg.verify().ok
    assert arms[0] == arms[1]  # a recorded seed re-derives the same list


@pytest.mark.postgres
@pytest.mark.skipif(not os.environ.get("WORKBENCH_TEST_PG_URL"), reason="WORKBENCH_TEST_PG_URL not set")
def test_registry_on_postgresql():
    with wb.Registry(os.environ["WORKBENCH_TEST_PG_URL"]) as reg:
        name = f"Kontrakt-{uuid.uuid4().hex[:8]}"
        trial = reg.create_trial(name, seed=3)
        first = trial.randomize("P-1", by="anna")
        assert _alloc_key(reg.trial(name).randomize("P-1", by="anna")) == _alloc_key(first)
        assert isinstance(trial.allocations(), pd.DataFrame)
        assert reg.verify().ok


def test_registry_concurrent_calls_never_share_a_position(registry):
    trial = registry.create_trial("Samtidigt", seed=5)
    results, errors = [], []

    def worker(k):
        try:
            for i in range(5):
                results.append(trial.randomize(f"T{k}-{i}", by=f"user{k}"))
        except Exception as exc:  # noqa: BLE001 - collected and reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert len({a.sequence_no for a in results}) == len(results) == 20
    assert registry.verify().ok


# --------------------------------------------------------------------------------------------
# Step 5: rct, cace
# --------------------------------------------------------------------------------------------

RCT_OPTIONS = ["method", "blocks", "clusters", "covariates", "se_type"]


def test_rct_difference_in_means():
    data = make_trial()
    r = wb.rct(data, "utfall", "grupp")
    assert_result(r, columns=["utfall", "grupp"], options=RCT_OPTIONS)
    means = data.groupby("grupp")["utfall"].mean()
    assert r.estimate.estimate == pytest.approx(means[1] - means[0])
    var = data.groupby("grupp")["utfall"].var(ddof=1)
    count = data.groupby("grupp")["utfall"].size()
    assert r.estimate.std_error == pytest.approx(math.sqrt(var[1] / count[1] + var[0] / count[0]))  # Neyman
    assert_estimate(wb.rct(data, "utfall", "grupp", method="difference_in_means", blocks="stadsdel").estimate)
    cl = make_cluster_trial()
    assert_estimate(wb.rct(cl, "utfall", "grupp", clusters="skola").estimate)


@pytest.mark.parametrize("method", ["ols", "lin"])
@pytest.mark.parametrize("se_type", [None, "HC0", "HC1", "HC2", "HC3"])
def test_rct_regression_se_types(method, se_type):
    data = make_trial()
    r = wb.rct(data, "utfall", "grupp", method=method, covariates=["ålder_std"], se_type=se_type)
    assert_estimate(r.estimate)
    if method == "ols":  # the sandwich formulas of estimatr / R's sandwich
        import statsmodels.api as sm

        X = sm.add_constant(data[["grupp", "ålder_std"]].astype(float))
        fit = sm.OLS(data["utfall"], X).fit(cov_type=se_type or "HC2")
        assert r.estimate.estimate == pytest.approx(fit.params["grupp"])
        assert r.estimate.std_error == pytest.approx(fit.bse["grupp"])
    assert r.estimate.se_type == (se_type or "HC2")  # estimatr's default without clusters
    if se_type is None:
        assert_result(r, columns=["utfall", "grupp", "ålder_std"], options=RCT_OPTIONS)


@pytest.mark.parametrize("method", ["ols", "lin"])
@pytest.mark.parametrize("se_type", [None, "CR2", "stata"])
def test_rct_clustered_se_types(method, se_type):
    r = wb.rct(make_cluster_trial(), "utfall", "grupp", method=method, clusters="skola",
               covariates=["ålder_std"], se_type=se_type)
    assert_estimate(r.estimate)
    if se_type in (None, "CR2"):
        assert "CR2" in r.estimate.se_type  # estimatr's default with clusters


@pytest.mark.parametrize("method", ["ols", "lin"])
def test_rct_stata_without_clusters_is_hc1_as_estimatr(method):
    # estimatr::lm_robust(se_type = "stata") without clusters is HC1 (checked in R 4 / estimatr)
    data = make_trial()
    stata = wb.rct(data, "utfall", "grupp", method=method, covariates=["ålder_std"], se_type="stata")
    hc1 = wb.rct(data, "utfall", "grupp", method=method, covariates=["ålder_std"], se_type="HC1")
    assert stata.estimate.std_error == pytest.approx(hc1.estimate.std_error)


def test_cace(parents):
    data = parents.dropna(subset=["stress_efter"])
    r = wb.cace(data, "stress_efter", "erbjuden", "deltog")
    assert_result(r, columns=["stress_efter", "erbjuden", "deltog"], options=["covariates"])
    z = data["erbjuden"] == 1
    wald = ((data.loc[z, "stress_efter"].mean() - data.loc[~z, "stress_efter"].mean())
            / (data.loc[z, "deltog"].mean() - data.loc[~z, "deltog"].mean()))
    assert r.estimate.estimate == pytest.approx(wald)
    assert r.estimate.se_type == "HC2"
    adj = wb.cace(data, "stress_efter", "erbjuden", "deltog", covariates=["stress_före"])
    assert_estimate(adj.estimate)
    assert adj.estimate.se_type == "HC2"


# --------------------------------------------------------------------------------------------
# Design: power
# --------------------------------------------------------------------------------------------


def _assert_power_fields(r):
    assert_result(r, estimate=False)
    assert _is_float(r.n_per_group) and r.n_per_group > 0
    assert isinstance(r.n_per_group_ceiling, int) and r.n_per_group_ceiling == math.ceil(r.n_per_group - 1e-9)
    assert _is_float(r.power) and 0 < r.power < 1
    assert _is_float(r.mdes) and r.mdes > 0


def test_power_two_proportions():
    solved_n = wb.power.two_proportions(0.30, 0.20, power=0.8)
    _assert_power_fields(solved_n)
    assert solved_n.power == pytest.approx(0.8)
    back = wb.power.two_proportions(0.30, 0.20, n=solved_n.n_per_group)
    _assert_power_fields(back)
    assert back.power == pytest.approx(0.8, abs=1e-4)
    assert wb.power.two_proportions(0.30, 0.20, n=100, alpha=0.05, n_ratio=1.0).n_per_group == pytest.approx(100)
    _assert_power_fields(wb.power.two_proportions(0.30, 0.20, power=0.8, n_ratio=2.0))


def test_power_two_means():
    solved_n = wb.power.two_means(0.5, power=0.8)
    _assert_power_fields(solved_n)
    back = wb.power.two_means(0.5, n=solved_n.n_per_group)
    assert back.power == pytest.approx(0.8, abs=1e-4)
    mdes = wb.power.two_means(None, n=solved_n.n_per_group, power=0.8)
    assert mdes.mdes == pytest.approx(0.5, abs=1e-4)
    paired = wb.power.two_means(0.5, power=0.8, paired=True)
    _assert_power_fields(paired)
    assert paired.n_per_group < solved_n.n_per_group
    _assert_power_fields(wb.power.two_means(0.5, power=0.8, alpha=0.05, paired=False, n_ratio=2.0))


def test_power_cluster_mdes():
    r = wb.power.cluster_mdes(20, 10, 0.05)
    _assert_power_fields(r)
    assert r.power == pytest.approx(0.8)
    assert r.n_per_group == pytest.approx(100)
    full = wb.power.cluster_mdes(20, 10, 0.05, power=0.8, alpha=0.05, share_treated=0.5, r2_level1=0.3,
                                 r2_level2=0.5)
    _assert_power_fields(full)
    assert full.mdes < r.mdes
    saved = full.to_dict()  # the saved result says how it was computed
    for name, value in {"clusters": 20, "cluster_size": 10, "icc": 0.05, "power": 0.8, "alpha": 0.05,
                        "share_treated": 0.5, "r2_level1": 0.3, "r2_level2": 0.5}.items():
        recorded = saved["provenance"]["options"].get(name, saved.get(name))
        assert recorded == pytest.approx(value), name


# --------------------------------------------------------------------------------------------
# Bad input: a WorkbenchError in the user's language
# --------------------------------------------------------------------------------------------

_DF = pd.DataFrame({"id": [f"p{i}" for i in range(30)], "y": np.arange(30.0), "x": np.arange(30.0)[::-1],
                    "t": [0, 1] * 15})
_TEXT = _DF.assign(y=_DF["y"].astype(object))
_TEXT.loc[7, "y"] = "saknas"

BAD_CALLS = {
    "read_table": (lambda lang, tmp: wb.read_table(tmp / "finns_inte.csv", lang=lang), ["finns_inte.csv"]),
    "pseudonymize": (lambda lang, tmp: wb.privacy.pseudonymize(_DF, ["pnr_kol"], key="k" * 32, lang=lang),
                     ["pnr_kol"]),
    "suppress_small_cells": (lambda lang, tmp: wb.privacy.suppress_small_cells(
        pd.DataFrame({"a": [1, 2]}), min_count=-1, lang=lang), ["min_count", "-1|−1"]),
    "Project.open": (lambda lang, tmp: wb.Project.open(tmp / "ingen_mapp", lang=lang), ["ingen_mapp"]),
    "activity_followup": (lambda lang, tmp: wb.activity_followup(
        _DF, id="kund_id", stages={"target_group": None}, lang=lang), ["kund_id"]),
    "prepost": (lambda lang, tmp: wb.prepost(_DF, "före_x", "y", lang=lang), ["före_x"]),
    "prepost kind": (lambda lang, tmp: wb.prepost(_DF, "x", "y", kind="ordinal", lang=lang), ["ordinal"]),
    "prepost text": (lambda lang, tmp: wb.prepost(_TEXT, "x", "y", lang=lang), ["saknas"]),
    "match": (lambda lang, tmp: wb.match(_DF, "behandlad", ["x"], lang=lang), ["behandlad"]),
    "match method": (lambda lang, tmp: wb.match(_DF, "t", ["x"], method="optimal_x", lang=lang), ["optimal_x"]),
    "did": (lambda lang, tmp: wb.did(_DF, unit="kommun", time="x", outcome="y", treated="t", lang=lang),
            ["kommun"]),
    "synthetic_control": (lambda lang, tmp: wb.synthetic_control(
        _DF, unit="kommun", time="x", outcome="y", treated_unit="a", start=3, lang=lang), ["kommun"]),
    "rct": (lambda lang, tmp: wb.rct(_DF, "utfall_z", "t", lang=lang), ["utfall_z"]),
    "rct method": (lambda lang, tmp: wb.rct(_DF, "y", "t", method="probit", lang=lang), ["probit"]),
    "rct text": (lambda lang, tmp: wb.rct(_TEXT, "y", "t", lang=lang), ["saknas"]),
    "cace": (lambda lang, tmp: wb.cace(_DF, "y", "t", "fick_insats", lang=lang), ["fick_insats"]),
    "two_proportions": (lambda lang, tmp: wb.power.two_proportions(1.5, 0.2, power=0.8, lang=lang), ["1.5|1,5"]),
    "two_means": (lambda lang, tmp: wb.power.two_means(0.5, power=1.5, lang=lang), ["1.5|1,5"]),
    "cluster_mdes": (lambda lang, tmp: wb.power.cluster_mdes(20, 10, 1.7, lang=lang), ["icc", "1.7|1,7"]),
    "Registry.trial": (lambda lang, tmp: wb.Registry(path=tmp, lang=lang).trial("Okänd_studie"), ["Okänd_studie"]),
    "create_trial": (lambda lang, tmp: wb.Registry(path=tmp, lang=lang).create_trial(
        f"T-{lang}", scheme="urn"), ["urn"]),
}


@pytest.mark.parametrize("name", sorted(BAD_CALLS))
def test_bad_input_raises_workbench_error_in_both_languages(name, tmp_path):
    call, needles = BAD_CALLS[name]
    assert_lang_error(lambda lang: call(lang, tmp_path), *needles)


def test_front_doors_never_mutate_input(parents, families):
    p0, f0 = parents.copy(), families.copy()
    wb.prepost(parents, "stress_före", "stress_efter")
    wb.rct(parents, "stress_efter", "erbjuden")
    wb.cace(parents, "stress_efter", "erbjuden", "deltog")
    wb.match(families, "hela_familjen", COVARIATES).effect("självförsörjande_år1")
    pd.testing.assert_frame_equal(parents, p0)
    pd.testing.assert_frame_equal(families, f0)
