"""Staff and decision makers read a summary's labels, not its codes (app tables and the report)."""

from __future__ import annotations

import pandas as pd

import workbench as wb
from workbench.reporting.cells import readable_columns
from workbench.reporting.report import _suppressed_table
from workbench.ui.charts import table_html


def _activity_summary() -> pd.DataFrame:
    data = pd.DataFrame({"id": range(40), "erbjuden": [1] * 40, "startat": [1] * 30 + [0] * 10,
                         "slutfort": [1] * 20 + [0] * 20})
    r = wb.activity_followup(data, id="id", stages={"erbjuden": "erbjuden", "startat": "startat",
                                                     "slutfort": "slutfort"})
    return r.summary()


def test_codes_stay_in_the_summary_for_programs():
    s = _activity_summary()
    assert s["measure"].str.startswith("flow.").any()


def test_the_app_and_the_report_show_labels_not_codes():
    s = _activity_summary()
    for html in (table_html(s, lang="sv", digits=3, result_columns=True),
                 _suppressed_table(s.to_dict(orient="records"), "sv")):
        assert "flow." not in html and "reach" not in html
        assert "<th scope='col'>mått</th>" in html or "<th>mått</th>" in html
        assert "beskrivning" not in html
        for label in s["label"]:
            assert label in html


def test_tables_without_a_label_column_are_unchanged():
    t = pd.DataFrame({"measure": ["a"], "n": [3]})
    assert readable_columns(t).equals(t)
