"""Every comparison result renders its texts in the reader's language, not the language it was made in.

Each result type (``wb.area_comparison``, ``wb.municipality_comparison``, ``wb.pool``) and the
synthetic control and DiD inside a comparison is built in a Swedish session from data that gives at
least one warning and one credibility problem; read in English, its warnings, problems,
explanation and chart titles hold no Swedish, and the saved messages render the same English text
after a JSON round trip. Names that come from the data (Kolada's municipality names such as
"Tranås", its KPI and group titles) are the data's own and are left out before checking.
"""

from __future__ import annotations

import functools
import html
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "opendata"))
from replay import Replay  # noqa: E402

import workbench as wb  # noqa: E402
from tests.language_check import assert_no_swedish, chart_titles  # noqa: E402
from workbench.core.text import Msg, from_stored  # noqa: E402


def _areas_panel(seed=1, g=12, t=24, start=3, effect=-8.0):
    """Areas A00… (ASCII names) over monthly periods from 2020-01, the start three periods in (too few
    pre-periods); A00 far above every other area (no good synthetic control)."""
    rng = np.random.default_rng(seed)
    level = rng.uniform(80, 120, g)
    rows = []
    for u in range(g):
        for s in range(t):
            y = level[u] + 0.5 * s + effect * (u == 0 and s >= start) + rng.normal(0, 1.0)
            rows.append({"area": f"A{u:02d}", "month": str(pd.Period("2020-01", "M") + s),
                         "y": y * (3 if u == 0 else 1)})
    frame = pd.DataFrame(rows)
    # one missing value: A11 cannot take part (a warning naming it)
    return frame.drop(index=frame.index[(frame["area"] == "A11") & (frame["month"] == "2020-05")])


def _kolada_replay():
    """Recorded Kolada pages with one value removed (Tranås left out) and one value flagged with a status."""
    r = Replay.kolada()
    for key, raw in list(r.answers.items()):
        if "/data/kpi/N03702/municipality/0319," in key[1]:
            doc = json.loads(raw)
            doc["values"] = [v for v in doc["values"] if not (v["municipality"] == "0687" and v["period"] == 2014)]
            for v in doc["values"]:
                if v["municipality"] == "1885" and v["period"] == 2016:
                    v["values"][0]["status"] = "B"
            r.answers[key] = json.dumps(doc).encode()
    return r


SIMILAR = ["0319", "0562", "0687", "1082", "1083", "1885", "2084"]
INDICATOR = {"name": "Self-supporting at 12 months", "definition": "Share without income support 12 months on",
             "source": "Case system", "unit": "share (0-1)", "kolada_kpi": None}


def _card(municipality, estimate, se, **over):
    card = {
        "format": "workbench-evidence-card/2", "schema_version": "2.0", "intervention": "Jobs",
        "municipality": municipality, "indicator": dict(INDICATOR), "design": "randomized",
        "rung_reached": 5, "credible": True,
        "estimate": {"estimate": estimate, "std_error": se, "variance": se * se, "ci_low": None, "ci_high": None,
                     "conf_level": 0.95},
        "n": 120, "follow_up_months": 12, "cost_per_participant": {"amount": 48_000, "currency": "SEK"},
        "nesta_level": 3, "eif_rating": "3", "version": wb.__version__,
    }
    card.update(over)
    return card


def _build() -> dict:
    wb.set_language("sv")
    area = wb.area_comparison(_areas_panel(), unit="area", time="month", outcome="y", treated_unit="A00",
                              start="2020-04")
    municipality = wb.municipality_comparison("N03702", "1984", 2015, pool="liknande_socioekonomi",
                                              transport=_kolada_replay())
    # four cards (few: a warning), one of them before/after (not credible), one without a municipality
    cards = [_card("Falun", 0.08, 0.03), _card("Ludvika", 0.12, 0.04),
             _card("Avesta", 0.02, 0.05, rung_reached=3, credible=False, design="before_after",
                   nesta_level=2, eif_rating="2"),
             _card(None, 0.10, 0.06)]
    pooled = wb.pool(cards)
    return {"area_comparison": area, "municipality_comparison": municipality, "pool": pooled,
            "area_comparison.synthetic": area.synthetic, "area_comparison.did": area.did,
            "municipality_comparison.synthetic": municipality.synthetic,
            "municipality_comparison.did": municipality.did}


@pytest.fixture(scope="module")
def results():
    try:
        return _build()
    finally:
        wb.set_language("sv")


NAMES = ["area_comparison", "municipality_comparison", "pool", "area_comparison.synthetic", "area_comparison.did",
         "municipality_comparison.synthetic", "municipality_comparison.did"]


@functools.lru_cache(maxsize=1)
def _kolada_titles() -> tuple[str, ...]:
    return tuple(str(t) for t in wb.opendata.kolada_municipalities(transport=Replay.kolada())["title"])


def _data_names(results) -> list[str]:
    """Strings the data brings (Kolada's municipality names, KPI and group titles), longest first."""
    m = results["municipality_comparison"]
    names = set(_kolada_titles()) | {m.kpi_title, m.pool_msg.params["title"]}
    return sorted(names, key=len, reverse=True)


def _check(text: str, results, where: str) -> None:
    for name in _data_names(results):
        text = text.replace(name, "<data>")
    assert_no_swedish(text, where)


def _texts_of_chart(chart) -> list[str]:
    """Axis/legend/chart titles plus the names shown for the series and rows (the pool's forest plot)."""
    spec = chart.to_dict()
    out = chart_titles(spec)
    for data in spec.get("datasets", {}).values():
        for row in data:
            for key in ("group", "series", "study", "kind"):
                if isinstance(row.get(key), str):
                    out.append(row[key])
    return list(dict.fromkeys(out))


def _charts(r, lang=None):
    yield r.chart(lang)
    if hasattr(r, "placebo_chart"):
        yield r.placebo_chart(lang)


def test_every_result_has_a_warning_and_a_problem_in_a_swedish_session(results):
    assert {type(results[n]).__name__ for n in NAMES[:3]} == {"AreaComparison", "MunicipalityComparison",
                                                              "PoolResult"}
    for name in NAMES:
        r = results[name]
        assert r.warning_msgs and r.problem_msgs, name
        assert all(isinstance(w, Msg) for w in r.warning_msgs + r.problem_msgs), name
        assert not r.credible, name
        assert any(ch in " ".join(r.warnings + r.credibility_problems) for ch in "åäö"), name
    # a comparison's problems are its synthetic control's
    for name in ("area_comparison", "municipality_comparison"):
        assert results[name].problem_msgs == results[name].synthetic.problem_msgs


@pytest.mark.parametrize("name", NAMES)
def test_english_reading_has_no_swedish(results, name):
    r = results[name]
    assert wb.get_language() == "sv"
    for text in r.warnings_in("en"):
        _check(text, results, f"{name} warning")
    for text in r.problems_in("en"):
        _check(text, results, f"{name} problem")
    _check(r.explain("en"), results, f"{name} explain")
    for chart in _charts(r, "en"):
        titles = _texts_of_chart(chart)
        assert titles, name
        for title in titles:
            _check(title, results, f"{name} chart title")
    # and the Swedish reading is still Swedish
    assert r.warnings_in("sv") != r.warnings_in("en")
    assert r.problems_in("sv") != r.problems_in("en")
    assert r.explain("sv") != r.explain("en")


@pytest.mark.parametrize("name", NAMES)
def test_session_language_english_makes_plain_reads_english(results, name):
    r = results[name]
    try:
        wb.set_language("en")
        assert r.warnings == r.warnings_in("en") and r.credibility_problems == r.problems_in("en")
        for text in r.warnings + r.credibility_problems:
            _check(text, results, f"{name} session warning/problem")
        assert r.explain() == r.explain("en")
        _check(r.explain(), results, f"{name} session explain")
        for chart in _charts(r):
            for title in _texts_of_chart(chart):
                _check(title, results, f"{name} session chart title")
        page = r._repr_html_()
        assert html.escape(r.explain("en")) in page and "Warnings" in page
        payload = r.to_dict()
        assert payload["warnings"] == list(r.warnings_in("en"))
        assert payload["credibility_problems"] == list(r.problems_in("en"))
    finally:
        wb.set_language("sv")
    assert r.explain() == r.explain("sv")


@pytest.mark.parametrize("name", NAMES)
def test_stored_messages_round_trip(results, name):
    r = results[name]
    payload = json.loads(json.dumps(r.to_dict()))
    warnings = from_stored(payload["warning_msgs"])
    problems = from_stored(payload["problem_msgs"])
    assert tuple(w.render("en") for w in warnings) == r.warnings_in("en")
    assert tuple(p.render("en") for p in problems) == r.problems_in("en")
    assert tuple(w.render("sv") for w in warnings) == r.warnings_in("sv")
    assert payload["warnings"] == list(r.warnings_in("sv"))  # saved in a Swedish session


def test_the_pool_label_of_a_municipality_comparison_renders_when_read(results):
    m = results["municipality_comparison"]
    assert m.pool_msg == Msg("comparisons.pool.liknande", title=m.pool_msg.params["title"])
    assert m.pool == m.pool_in("sv") and m.pool_in("en").startswith("Kolada: Liknande kommuner")
    payload = json.loads(json.dumps(m.to_dict()))
    assert payload["pool"] == m.pool_in("sv") and Msg.from_dict(payload["pool_msg"]) == m.pool_msg
    r = Replay.kolada()
    munis = wb.opendata.kolada_municipalities(transport=r)
    pools = wb.comparison_pools("1984", munis, wb.opendata.kolada_municipality_groups(transport=r),
                                population={"1984": 14000, "1981": 22000, "2084": 23000})
    assert pools["alla"].label == "Alla kommuner" and pools["alla"].label_in("en") == "All municipalities"
    assert pools["samma_lan"].label_in("en") == "Same county (Region Västmanland)"
    assert pools["skr_kommungrupp"].label_in("en").startswith("SKR municipality group: ")
    assert_no_swedish(pools["storlek"].label_in("en"), "size pool label")
    # an own list of ids is shown as written, in every language
    own = wb.municipality_comparison("N03702", "1984", 2019, pool=SIMILAR, transport=Replay.kolada())
    listed = ", ".join(SIMILAR)
    assert own.pool_msg == listed and own.pool_in("en") == own.pool_in("sv") == listed


def test_an_unnamed_card_is_named_in_the_reader_language(results):
    p = results["pool"]
    assert p.study_labels[-1] == Msg("comparisons.card_n", n=4)
    assert list(p.studies["study"]) == ["Falun", "Ludvika", "Avesta", "kort 4"]  # the table: the run's language
    studies = [row["study"] for data in p.chart("en").to_dict()["datasets"].values() for row in data if "study" in row]
    assert "card 4" in studies and "Pooled" in studies and "kort 4" not in studies
    assert "'Avesta'" in p.problems_in("en")[0] and p.problems_in("en")[0].startswith("1 of 4 evidence cards")
    try:
        wb.set_language("en")
        with pytest.raises(wb.WorkbenchError) as err:
            wb.pool([_card("Falun", 0.1, 0.03), {"format": "nope"}])
    finally:
        wb.set_language("sv")
    assert "card 2" in str(err.value) and "kort 2" in err.value.message("sv")


def test_a_result_made_in_english_reads_in_the_reader_language():
    a = wb.area_comparison(_areas_panel(), unit="area", time="month", outcome="y", treated_unit="A00",
                           start="2020-04", lang="en")
    assert a.lang == "en"
    assert a.explain().startswith("A00 jämförs med 10 andra områden") and a.explain("en").startswith(
        "A00 is compared with 10 other areas")
    assert any("utanför jämförelsen" in w and "'A11'" in w for w in a.warnings)
