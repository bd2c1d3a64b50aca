"""Upload and results pages driven as widgets: set the upload's value, choose columns, click, read."""

from __future__ import annotations

import datetime as dt
import html
import io
from dataclasses import dataclass

import ipywidgets as w
import pandas as pd
import pytest
import yaml

import workbench as wb
from workbench.core.results import Provenance, Result
from workbench.data.personnummer import luhn_check_digit
from workbench.data.privacy import find_personnummer_columns
from workbench.ui.app import build_app
from workbench.ui.charts import chart_html, format_cell, table_html
from workbench.ui.results_page import ResultsPage
from workbench.ui.upload_page import UploadPage, load_mapping, safe_file_name, write_new_file

SWEDISH_CSV = (
    "löpnr;grupp;kommun;poäng_före;poäng_efter\n"
    "1;insats;Örebro;12,5;14,25\n"
    "2;jämförelse;Västerås;11;11,5\n"
    "3;insats;Åre;9,75;13\n"
).encode("cp1252")


def _upload_value(name: str, content: bytes) -> tuple[dict, ...]:
    """What ipywidgets 8 stores after a browser upload."""
    return ({"name": name, "type": "text/csv", "size": len(content), "content": memoryview(content),
             "last_modified": dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc)},)


def _pnr(yymmdd: str, serial: str) -> str:
    return f"19{yymmdd}-{serial}{luhn_check_digit(yymmdd + serial)}"


@pytest.fixture
def project(tmp_path):
    return wb.Project.create(tmp_path / "p", name="Test")


def test_upload_reads_previews_saves_and_guesses_columns(project):
    saved = []
    page = UploadPage(project, on_saved=lambda: saved.append(True))
    page.upload.value = _upload_value("poäng.csv", SWEDISH_CSV)
    assert "wb-read-ok" in page.feedback.value and "3 rader och 5 kolumner" in page.feedback.value
    assert "semikolon" in page.feedback.value and "cp1252" in page.feedback.value.lower()
    assert "Örebro" in page.preview.value and "Västerås" in page.preview.value and "Åre" in page.preview.value
    assert "14,25" in page.preview.value and "(tal)" in page.preview.value
    copy = project.folder("data") / "poäng.csv"
    assert copy.read_bytes() == SWEDISH_CSV and page.saved_path == copy and saved
    assert page.sheet.disabled
    mapping = page.mapping()
    assert mapping["id"] == "löpnr" and mapping["group"] == "grupp"
    assert mapping["before"] == "poäng_före" and mapping["after"] == "poäng_efter" and mapping["outcome"] is None
    # every dropdown has a visible label and a CSS hook
    for role, dropdown in page.role_inputs.items():
        assert dropdown.description and f"f-role-{role}" in dropdown._dom_classes


def test_same_name_is_never_overwritten(project):
    page = UploadPage(project)
    page.handle_upload("poäng.csv", SWEDISH_CSV)
    page.handle_upload("poäng.csv", SWEDISH_CSV)  # identical: kept once
    assert "Exakt samma fil finns redan i projektet" in page.feedback.value
    assert sorted(p.name for p in project.folder("data").iterdir()) == ["poäng.csv"]
    other = SWEDISH_CSV.replace(b"12,5", b"13,5")
    page.handle_upload("poäng.csv", other)
    assert page.saved_path.name == "poäng_2.csv" and page.saved_path.read_bytes() == other
    assert (project.folder("data") / "poäng.csv").read_bytes() == SWEDISH_CSV
    assert "poäng_2.csv" in page.feedback.value


def test_bad_file_names_the_row_and_saves_nothing(project):
    page = UploadPage(project)
    bad = "löpnr;grupp;poäng\n1;insats;3\n2;insats\n".encode()
    page.handle_upload("trasig.csv", bad)
    text = page.feedback.value
    assert "role='alert'" in text and "Rad 3" in text and "trasig.csv" in text
    assert "Traceback" not in text and page.df is None and page.preview.value == ""
    assert list(project.folder("data").iterdir()) == []
    assert page.role_inputs["id"].options == (("(ingen)", ""),) and page.role_inputs["id"].label == "(ingen)"
    page.save_mapping_button.click()
    assert "Ladda upp en fil först" in page.mapping_feedback.value
    page.handle_upload("tom.csv", b"")
    assert "tom" in page.feedback.value and "role='alert'" in page.feedback.value


def test_unknown_extension_and_english(project):
    page = UploadPage(project, lang="en")
    page.handle_upload("bild.pdf", b"%PDF-1.4")
    assert "could not be read" in page.feedback.value and "role='alert'" in page.feedback.value
    page.handle_upload("scores.csv", SWEDISH_CSV)
    assert "3 rows and 5 columns" in page.feedback.value and "semicolon" in page.feedback.value
    assert "14.25" in page.preview.value and "(number)" in page.preview.value
    assert page.role_inputs["outcome"].label == "(none)"


def test_personnummer_are_pseudonymized_before_saving(project):
    pnrs = [_pnr("811218", "987"), _pnr("900101", "123"), _pnr("750505", "555")]
    text = "personnummer;namn;poäng\n" + "".join(f"{p};Namn {i};{i},5\n" for i, p in enumerate(pnrs))
    page = UploadPage(project)
    page.handle_upload("deltagare.csv", text.encode("utf-8"))
    assert "pseudonymer" in page.feedback.value and "personnummer" in page.feedback.value
    files = [p.name for p in project.folder("data").iterdir()]
    assert files == ["deltagare_pseudonymiserad.csv"]
    stored = page.saved_path.read_text(encoding="utf-8-sig")
    assert not any(p in stored or p.replace("-", "") in stored for p in pnrs)
    again = wb.read_table(page.saved_path)
    assert find_personnummer_columns(again) == [] and list(again["poäng"]) == [0.5, 1.5, 2.5]
    assert project.key_path.is_file()
    assert not any(p in page.preview.value for p in pnrs)
    # the same person gets the same pseudonym in a second upload
    page.handle_upload("deltagare.csv", text.encode("utf-8"))
    assert page.saved_path.name == "deltagare_pseudonymiserad_2.csv"
    assert list(wb.read_table(page.saved_path)["personnummer"]) == list(again["personnummer"])


def test_a_stray_personnummer_stops_the_upload(project):
    rows = ["1;bra start", "2;ringde mamma", f"3;gäller {_pnr('811218', '987')}", "4;ok", "5;inget"]
    page = UploadPage(project)
    page.handle_upload("anteckningar.csv", ("id;anteckning\n" + "\n".join(rows) + "\n").encode("utf-8"))
    text = html.unescape(page.feedback.value)
    assert "role='alert'" in page.feedback.value and "'anteckning'" in text and "rad 4" in text
    assert list(project.folder("data").iterdir()) == [] and page.df is None


def _workbook(sheets: dict[str, pd.DataFrame]) -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name, index=False)
    return buffer.getvalue()


def test_excel_sheet_selector(project):
    raw = _workbook({"Info": pd.DataFrame({"text": ["Om filen"]}),
                     "Mätningar": pd.DataFrame({"id": [1, 2], "före": [1.5, 2.0], "efter": [2.5, 3.0]})})
    page = UploadPage(project)
    page.handle_upload("mätning.xlsx", raw)
    assert not page.sheet.disabled and list(page.sheet.options) == [("Info", "Info"), ("Mätningar", "Mätningar")]
    assert "Om filen" in page.preview.value and "bladet 'Info'" in html.unescape(page.feedback.value)
    page.sheet.value = "Mätningar"
    assert "2,5" in page.preview.value and "bladet 'Mätningar'" in html.unescape(page.feedback.value)
    assert page.mapping()["before"] == "före" and page.mapping()["id"] == "id"
    assert [p.name for p in project.folder("data").iterdir()] == ["mätning.xlsx"]  # saved once
    page.save_mapping()
    saved = load_mapping(project)["files"]["mätning.xlsx"]
    assert saved["sheet"] == "Mätningar" and saved["columns"] == {"id": "id", "before": "före", "after": "efter"}


def test_excel_with_personnummer_anywhere_is_not_stored_as_is(project):
    raw = _workbook({"Data": pd.DataFrame({"x": [1, 2]}), "Personer": pd.DataFrame({"pnr": [_pnr("811218", "987")]})})
    page = UploadPage(project)
    page.handle_upload("blandat.xlsx", raw)
    assert [p.name for p in project.folder("data").iterdir()] == ["blandat_Data_pseudonymiserad.csv"]
    assert "originalfilen" in page.feedback.value.lower() or "Excel-filen innehåller personnummer" in page.feedback.value


def test_mapping_saved_validated_and_preselected(project):
    page = UploadPage(project)
    page.handle_upload("poäng.csv", SWEDISH_CSV)
    page.role_inputs["outcome"].value = "poäng_efter"
    page.save_mapping_button.click()
    assert "role='alert'" in page.mapping_feedback.value and "poäng_efter" in page.mapping_feedback.value
    page.role_inputs["after"].value = ""
    page.save_mapping_button.click()
    assert "sparades" in page.mapping_feedback.value
    data = yaml.safe_load((project.folder("data") / "kolumner.yaml").read_text(encoding="utf-8"))
    assert data["latest"] == "poäng.csv"
    assert data["files"]["poäng.csv"]["columns"] == {"id": "löpnr", "group": "grupp", "outcome": "poäng_efter",
                                                     "before": "poäng_före"}
    fresh = UploadPage(project)  # the same file again: the saved choices come back, not the guesses
    fresh.handle_upload("poäng.csv", SWEDISH_CSV)
    assert fresh.mapping()["outcome"] == "poäng_efter" and fresh.mapping()["after"] is None
    for role in ("id", "group", "outcome", "before", "after"):
        fresh.role_inputs[role].value = ""
    fresh.save_mapping_button.click()
    assert "minst en kolumn" in fresh.mapping_feedback.value


def test_file_helpers(tmp_path):
    assert safe_file_name("../../etc/passwd") == "passwd"
    assert safe_file_name("C:\\Users\\Åsa\\lista över barn.csv") == "lista över barn.csv"
    assert safe_file_name("..") == "data"
    first = write_new_file(tmp_path, "a.csv", b"1")
    second = write_new_file(tmp_path, "a.csv", b"2")
    assert (first.name, second.name) == ("a.csv", "a_2.csv") and first.read_bytes() == b"1"


@dataclass(frozen=True, kw_only=True)
class _Fake(Result):
    kind = "prepost"
    rung = 3
    credible: bool = False
    credibility_problems: tuple[str, ...] = ("Bortfallet är 40 %",)

    def summary(self):
        return pd.DataFrame({"mätning": ["före", "efter"], "medel": [10.25, 12.5], "n": [40, 38]})

    def chart(self):
        import altair as alt

        return alt.Chart(self.summary()).mark_bar().encode(x="mätning:N", y="medel:Q").properties(title="Medelvärde åäö")

    def explain(self, lang="sv"):
        return "Före/efter-jämförelsen visar förändring, inte effekt." if lang == "sv" else "Change, not effect."


def test_results_page_shows_explanation_table_chart_warnings(project):
    empty = ResultsPage(project)
    assert "Inga resultat" in empty.body.value
    project.save_result(_Fake(provenance=Provenance("test"), warning_msgs=("Liten grupp <åäö>",)), label="Före och efter")
    empty.refresh_button.click()
    body = empty.body.value
    assert "Steg 3:" in body and "visar förändring, inte effekt" in body
    assert "<svg" in body and "Medelvärde åäö" in body
    assert "10,25" in body and "&lt;åäö&gt;" in body and "<åäö>" not in body
    assert "data-credible='false'" in body and "Bortfallet är 40 %" in body
    english = ResultsPage(project, lang="en")
    assert "Change, not effect." in english.body.value and "Rung 3" in english.body.value


def test_results_page_background_and_report(project):
    project.save_result(_Fake(provenance=Provenance("test")), label="Före och efter")
    page = ResultsPage(project, background=True)
    page._thread.join(timeout=60)
    assert "<svg" in page.body.value
    page.report_button.click()
    assert "rapporter/rapport.html" in page.feedback.value and "download='rapport.html'" in page.feedback.value
    assert "href='data:text/html;charset=utf-8;base64," in page.feedback.value
    assert (project.folder("reports") / "rapport.html").is_file() and page.busy.layout.visibility == "hidden"


def test_odd_result_files_do_not_break_the_page(project):
    folder = project.folder("results")
    (folder / "trasig.json").write_text("{inte json", encoding="utf-8")
    (folder / "konstig.json").write_text('{"kind": "x", "rung": "tre", "summary": {"a": 1}, "chart_vegalite": {"mark": 5}}',
                                         encoding="utf-8")
    page = ResultsPage(project)
    body = page.body.value
    assert "Övriga resultat" in body and "trasig.json" in body and "wb-chart-missing" in body
    assert page.feedback.value == ""


def test_report_failure_is_kind(project, monkeypatch):
    import workbench.reporting.report as report

    def boom(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(report, "build_report", boom)
    page = ResultsPage(project)
    page.report_button.click()
    assert "felkod" in page.feedback.value and "secret" not in page.feedback.value


def test_chart_and_table_helpers():
    assert "wb-chart-missing" in chart_html({"mark": "no-such-mark", "data": {"values": []}}, label="x")
    assert chart_html(None) == ""
    assert ">2<" in table_html({"a": [1, 2]}) and ">7<" in table_html({"a": 7}) and table_html([]) == ""
    html_table = table_html([{"a<b": "<script>", "x": 1.5}], lang="sv", digits=2)
    assert "&lt;script&gt;" in html_table and "a&lt;b" in html_table and "1,50" in html_table
    assert format_cell(float("nan")) == "" and format_cell(dt.date(2024, 1, 2)) == "2024-01-02"
    assert format_cell(2.5, "en") == "2.5"
    table = table_html([{"p_value": 0.00002, "p": 0.0312, "estimat": 0.00002}], digits=3)
    assert "&lt; 0,001" in table and "0,031" in table and ">0,000<" in table


def test_app_has_upload_and_results_tabs(project):
    app = build_app(project)
    titles = app.children[1].titles
    assert "Ladda upp data" in titles and "Resultat" in titles
    assert isinstance(app.children[1].children[titles.index("Resultat")].page, w.VBox)
