"""The exported report: one self-contained HTML file, summary first, charts inline, small cells hidden."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pandas as pd
import pytest

import workbench as wb
from workbench.cli import main
from workbench.core.results import Provenance, Result
from workbench.demo import build_demo


@dataclass(frozen=True, kw_only=True)
class _Effect(Result):
    kind = "matching_effect"
    rung = 4
    estimate: wb.Estimate
    credible: bool = True
    credibility_problems: tuple[str, ...] = ()

    def summary(self):
        return pd.DataFrame({"group": ["insats", "jämförelse", "liten"], "n": [120, 240, 3], "mean": [0.41, 0.22, 0.5]})

    def chart(self):
        import altair as alt

        return alt.Chart(self.summary()).mark_bar().encode(x="group:N", y="mean:Q").properties(title="Självförsörjning")

    def explain(self, lang="sv"):
        return "Matchad jämförelse: effekten gäller under antaganden." if lang == "sv" else "Matched comparison."


def _estimate():
    return wb.Estimate(estimate=0.19, std_error=0.05, ci_low=0.09, ci_high=0.29, p_value=0.0002, statistic=3.8,
                       df=None, n=360, estimand="ATT", method="matching", se_type="CR2")


def test_report_is_self_contained_and_suppresses_small_cells(tmp_path):
    project = build_demo(tmp_path / "demo", with_results=False)
    project.save_result(_Effect(provenance=Provenance("test", columns={"outcome": "sjalvforsorjande_3ar"}),
                                estimate=_estimate(), warning_msgs=("Få matchade par",)), label="Matchning")
    out = tmp_path / "rapport.html"
    page = wb.report(project, out=out)
    assert out.read_text(encoding="utf-8") == page
    # summary first
    assert page.index("Vad vet vi om effekten?") < page.index("Utvärderingstrappan") < page.index("Metodbilaga")
    assert "0,19" in page and "0,09" in page and "n = 360" in page
    # offline: no scripts, no external references of any kind
    assert "<script" not in page.lower()
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", page)
    assert "<svg" in page and "Självförsörjning" in page
    # count cells under 5 are suppressed, larger ones shown
    assert "&lt;5" in page and ">120<" in page and ">3<" not in page
    assert "Få matchade par" in page
    assert len(page.encode()) < 3_000_000
    card = json.loads((tmp_path / "evidensbevis.json").read_text(encoding="utf-8"))
    assert card["rung_reached"] == 1 and card["design"] == "matched_comparison"
    assert card["estimate"]["ci_low"] == 0.09 and card["outcome"] == "sjalvforsorjande_3ar"


def test_report_without_results_says_we_do_not_know(tmp_path, capsys):
    project = build_demo(tmp_path / "demo", with_results=False)
    assert main(["report", str(project.path)]) == 0
    page = (project.folder("reports") / "rapport.html").read_text(encoding="utf-8")
    assert "vet inte om insatsen har effekt" in page and "Inga sparade resultat" in page
    assert "rapport.html" in capsys.readouterr().out
    english = wb.report(project, out=tmp_path / "en.html", lang="en")
    assert "What do we know about the effect?" in english and 'lang="en"' in english


def test_report_shows_cost_benefit_with_assumptions(tmp_path):
    project = build_demo(tmp_path / "demo", with_results=False)
    flows = wb.load_sample("kostnader")
    cb = wb.economics.cost_benefit(flows, cost_source="Budget", benefit_source="Budget", n_sims=200, seed=1)
    project.save_result(cb, label="Kalkyl")
    page = wb.report(project, out=tmp_path / "r.html")
    section = page[page.index("Kommunalekonomisk analys"):page.index('id="antaganden"')]
    assert "Kalkyl" in section and "<svg" in section
    for line in cb.to_dict()["assumptions_text"]["sv"][:3]:
        assert line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;").replace("'", "&#39;") in section


def test_chart_axes_follow_the_language():
    from workbench.reporting.svg import chart_svg

    spec = {"data": {"values": [{"x": 0.35, "y": 1.5}]}, "mark": "point",
            "encoding": {"x": {"field": "x", "type": "quantitative"}, "y": {"field": "y", "type": "quantitative"}}}
    assert ">0,35<" in chart_svg(spec, "sv") and ">0,35<" not in chart_svg(spec, "en")
    assert chart_svg(None) is None


def test_report_tables_follow_the_language(tmp_path):
    project = build_demo(tmp_path / "demo", with_results=False)
    project.save_result(_Effect(provenance=Provenance("test"), estimate=_estimate()), label="Matchning")
    assert ">0,410<" in wb.report(project, out=tmp_path / "sv.html", lang="sv")
    assert ">0.410<" in wb.report(project, out=tmp_path / "en.html", lang="en")


def test_summary_headers_are_in_the_reader_s_language(tmp_path):
    project = build_demo(tmp_path / "demo", with_results=False)
    project.save_result(_Effect(provenance=Provenance("test"), estimate=_estimate()), label="Matchning")
    assert "<th>grupp</th>" in wb.report(project, out=tmp_path / "sv.html", lang="sv")
    assert "<th>group</th>" in wb.report(project, out=tmp_path / "en.html", lang="en")


def test_report_writes_an_evidence_card_that_follows_the_schema(tmp_path):
    from workbench.comparisons.evidence_schema import validate_card

    project = build_demo(tmp_path / "demo", with_results=False)
    project.save_result(_Effect(provenance=Provenance("test", columns={"outcome": "sjalvforsorjande_3ar"}),
                                estimate=_estimate(), warning_msgs=()), label="Matchning")
    wb.report(project, out=tmp_path / "rapport.html")
    card = json.loads((tmp_path / "evidensbevis.json").read_text(encoding="utf-8"))
    assert validate_card(card) is card
    assert card["format"] == "workbench-evidence-card/2" and card["estimate"]["variance"] == pytest.approx(0.05**2)
    assert card["n"] == 360 and card["nesta_level"] in (1, 2, 3) and card["eif_rating"] in ("1", "2", "3")
    assert set(card["indicator"]) >= {"name", "definition", "source", "unit"}
