"""The comparison page's widgets: pools, comparison, save, and kind errors (no traceback)."""

from __future__ import annotations

import json
import shutil

import workbench as wb
from workbench.comparisons.sample_cache import offline_transport
from workbench.ui.compare_page import ComparePage


def _page(tmp_path):
    project = wb.Project.create(tmp_path / "p", name="Test")
    shutil.copytree(wb.kolada_sample_cache(), project.path / "oppna_data")
    return project, ComparePage(project, transport=offline_transport)


def test_pools_compare_and_save(tmp_path):
    project, page = _page(tmp_path)
    page.run_button.click()
    assert "Visa jämförelsegrupper" in page.feedback.value
    page.municipality.value = "1984"
    page.pools_button.click()
    assert "Arboga: 15 jämförelsegrupper" in page.feedback.value
    assert page.pool.value == "liknande_overgripande"
    page.pool.value = "liknande_socioekonomi"
    page.run_button.click()
    assert "Arboga jämförs med 7 kommuner" in page.body.value and "<svg" in page.body.value
    assert "api.kolada.se/v3/data/kpi/N03702" in page.body.value and "2026-03-23" in page.body.value
    page.save_button.click()
    assert "sparades" in page.feedback.value
    saved = list(project.folder("results").glob("*.json"))
    payload = json.loads(saved[0].read_text(encoding="utf-8"))
    assert len(saved) == 1 and payload["kind"] == "municipality_comparison" and payload["rung"] == 4
    assert payload["credible"] is True and "hämtat 2026-03-23" in payload["explain"]["sv"]
    rung4 = next(s for s in wb.Project.open(project.path).status().steps if s.step == 4)
    assert rung4.missing == []  # the ladder counts the saved comparison as rung-4 evidence
    page_html = wb.report(wb.Project.open(project.path), out=tmp_path / "rapport.html")
    assert "Data: Kolada, nyckeltal N03702, hämtat 2026-03-23" in page_html  # the report names data and date


def test_errors_are_kind_messages(tmp_path):
    _, page = _page(tmp_path)
    page.municipality.value = "9999"
    page.pools_button.click()
    assert "inte en kommun i Kolada" in page.feedback.value and "Traceback" not in page.feedback.value
    page.municipality.value = "1984"
    page.pools_button.click()
    page.pool.value = "alla"  # not in the recorded cache: needs the network, which the page says kindly
    page.run_button.click()
    assert "Kunde inte nå" in page.feedback.value and "cache" in page.feedback.value
