"""The result protocol base and Estimate."""

from __future__ import annotations

import json
from dataclasses import FrozenInstanceError, dataclass

import numpy as np
import pandas as pd
import pytest

import workbench as wb
from workbench.core.results import Provenance, Result, format_number, format_p, json_safe


@dataclass(frozen=True, kw_only=True)
class _Mean(Result):
    kind = "mean_demo"
    rung = 3
    estimate: wb.Estimate
    values: pd.Series
    _dict_exclude = ("values",)

    def summary(self):
        return pd.DataFrame({"term": ["mean"], "estimate": [self.estimate.estimate]})

    def chart(self):
        import altair as alt

        return alt.Chart(pd.DataFrame({"v": self.values})).mark_tick().encode(x="v:Q")

    def explain(self, lang="sv"):
        return "Medelvärdet är " + self.estimate.format("sv") if lang == "sv" else "The mean is " + self.estimate.format("en")


def _mean_result(values):
    from scipy import stats

    x = np.asarray(values, float)
    m, se = x.mean(), x.std(ddof=1) / np.sqrt(len(x))
    t = stats.t.ppf(0.975, len(x) - 1)
    est = wb.Estimate(estimate=m, std_error=se, ci_low=m - t * se, ci_high=m + t * se,
                      p_value=2 * stats.t.sf(abs(m / se), len(x) - 1), statistic=m / se, df=len(x) - 1,
                      n=len(x), estimand="mean", method="t", se_type="classical")
    return _Mean(provenance=Provenance("demo", {"conf_level": 0.95}, {"x": "värde"}, len(x)), estimate=est,
                 values=pd.Series(x), warning_msgs=("liten grupp",))


def test_result_is_frozen_and_json_safe():
    r = _mean_result([1.0, 2.0, 4.0, 7.0])
    with pytest.raises(FrozenInstanceError):
        r.warnings = ()
    d = r.to_dict()
    text = json.dumps(d)
    assert d["kind"] == "mean_demo" and d["rung"] == 3
    assert d["provenance"]["version"] == wb.__version__ and d["provenance"]["columns"] == {"x": "värde"}
    assert "values" not in d and d["estimate"]["df"] == 3
    assert abs(d["estimate"]["estimate"] - 3.5) < 1e-12
    assert "liten grupp" in text
    html = r._repr_html_()
    assert "Medelvärdet" in html and "Varningar" in html
    assert r.chart().to_dict()["mark"]["type"] == "tick"


def test_estimate_format_and_significance():
    r = _mean_result([1.0, 2.0, 4.0, 7.0])
    e = r.estimate
    assert e.format("sv").startswith("3,50 (95 % KI")
    assert e.format("en").startswith("3.50 (95% CI")
    assert e.significant == (e.p_value < 0.05)


def test_json_safe_handles_numpy_pandas_nan():
    out = json_safe({"a": np.int64(3), "b": np.float64("nan"), "c": np.array([1.5, np.inf]),
                     "d": pd.Timestamp("2024-01-31"), "e": (1, 2), "f": pd.Series({"x": 1})})
    assert out == {"a": 3, "b": None, "c": [1.5, None], "d": "2024-01-31T00:00:00", "e": [1, 2], "f": {"x": 1}}
    json.dumps(out)


def test_number_formats():
    assert format_number(1234567.891, 2, "sv") == "1\u202f234\u202f567,89"
    assert format_number(-0.5, 1, "sv") == "−0,5"
    assert format_number(float("nan")) == "–"
    assert format_p(0.0001) == "p < 0,001" and format_p(0.0321, "en") == "p = 0.032"


def test_incomplete_result_class_cannot_be_made():
    @dataclass(frozen=True, kw_only=True)
    class NoChart(Result):
        def summary(self):
            return pd.DataFrame()

        def explain(self, lang="sv"):
            return ""

    with pytest.raises(TypeError, match="chart"):
        NoChart(provenance=Provenance("x"))


def test_messages_render_when_read_and_survive_to_dict():
    from workbench.core.text import Msg, from_stored

    m = Msg("core.column_missing", column="personnr", available=["a", "b"])
    r = _Mean(provenance=Provenance("demo"), estimate=_mean_result([1.0, 2, 3]).estimate,
              values=pd.Series([1.0]), warning_msgs=(m, "fritext"))
    try:
        wb.set_language("en")
        assert r.warnings[0].startswith("Column 'personnr'") and r.warnings[1] == "fritext"
        wb.set_language("sv")
        assert "Kolumnen 'personnr'" in r.warnings[0]
        assert r.warnings_in("en")[0].startswith("Column")
        stored = json.loads(json.dumps(r.to_dict()))["warning_msgs"]
        again = from_stored(stored)
        assert again == (m, "fritext") and again[0].render("en") == m.render("en")
    finally:
        wb.set_language("sv")


def test_nested_messages_render_in_the_same_language():
    from workbench.core.text import Msg

    outer = Msg("core.column_missing", column=Msg("core.warnings_title"), available=[])
    assert "Warnings" in outer.render("en") and "Varningar" in outer.render("sv")


def test_from_coef_se_follows_r_on_a_zero_standard_error():
    """R's lm on a perfect fit: t = Inf, p = 0, the interval collapsed (golden/zero_se.R)."""
    from pathlib import Path

    ref = pd.read_csv(Path(__file__).parent / "golden" / "zero_se.csv")
    for row in ref.itertuples():
        e = wb.Estimate.from_coef_se(row.estimate, row.std_error, df=row.df, n=4, estimand="coef",
                                     method="ols", se_type="classical")
        assert e.statistic == (np.inf if row.statistic == "Inf" else float(row.statistic))
        assert e.p_value == pytest.approx(float(row.p_value), abs=1e-300)
        assert (e.ci_low, e.ci_high) == pytest.approx((row.ci_low, row.ci_high))


def test_from_coef_se_t_and_normal_references():
    from scipy import stats

    e = wb.Estimate.from_coef_se(-1.5, 0.5, df=10, n=12, estimand="ATE", method="ols", se_type="HC2")
    assert e.statistic == pytest.approx(-3.0) and e.p_value == pytest.approx(2 * stats.t.sf(3.0, 10))
    assert e.ci_high == pytest.approx(-1.5 + stats.t.ppf(0.975, 10) * 0.5)
    z = wb.Estimate.from_coef_se(1.0, 0.5, df=None, n=12, estimand="ATE", method="x", se_type=None)
    assert z.df is None and z.p_value == pytest.approx(2 * stats.norm.sf(2.0))
    both_zero = wb.Estimate.from_coef_se(0.0, 0.0, df=3, n=4, estimand="x", method="x", se_type=None)
    assert np.isnan(both_zero.statistic) and np.isnan(both_zero.p_value)
    missing = wb.Estimate.from_coef_se(1.0, float("nan"), df=3, n=4, estimand="x", method="x", se_type=None)
    assert np.isnan(missing.p_value) and np.isnan(missing.ci_low)


def test_numbers_in_messages_follow_the_reader():
    from workbench.core.text import Msg, Num, from_stored

    m = Msg("core.column_missing", column=Num(0.4321, 2), available=[Num(0.353, 1, percent=True)])
    assert "'0,43'" in m.render("sv") and "35,3 %" in m.render("sv")
    assert "'0.43'" in m.render("en") and "35.3%" in m.render("en")
    again = from_stored(json.loads(json.dumps([m.to_dict()])))[0]
    assert again == m and again.render("en") == m.render("en")
