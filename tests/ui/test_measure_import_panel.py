"""Measurements from a spreadsheet into the registry through the upload page."""

from __future__ import annotations

import datetime as dt

import workbench as wb
from workbench.data.personnummer import luhn_check_digit
from workbench.data.privacy import pseudonym
from workbench.ui.upload_page import UploadPage


def _pnr(yymmdd: str, serial: str) -> str:
    return f"19{yymmdd}-{serial}{luhn_check_digit(yymmdd + serial)}"


def _upload(page, name, content):
    page.upload.value = ({"name": name, "type": "text/csv", "size": len(content), "content": memoryview(content),
                          "last_modified": dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc)},)


def test_import_reports_failed_rows_keeps_others_on_confirmation_and_adds_nothing_twice(tmp_path):
    project = wb.Project.create(tmp_path / "p", name="Import", indicators=[
        {"name": "stress", "definition": "Poäng 0–100"}])
    people = [_pnr(f"8001{d:02d}", "123") for d in range(1, 5)]
    reg = wb.Registry(path=project.path, key=project.pseudonym_key())
    for p in people:
        reg.register_participant(p, by="Anna", registered_on="2025-01-02")
    reg.close()
    rows = ["personnummer;stress_före;stress_efter;datum_efter"]
    values = [("50", "45"), ("55,5", ""), ("140", "60"), ("40", "38")]
    for p, (a, b) in zip(people, values, strict=True):
        rows.append(f"{p};{a};{b};{'2025-07-01' if b else ''}")
    content = ("\n".join(rows) + "\n").encode("utf-8")
    page = UploadPage(project)
    page.measure_import._user = "Anna"
    _upload(page, "matningar.csv", content)
    panel = page.measure_import
    assert panel.participant.value == "personnummer"
    assert panel.columns["baslinje"].value == "stress_före" and panel.columns["efter"].value == "stress_efter"
    panel.dates["efter"].value = "datum_efter"
    first = panel.do_import(confirm=False)
    assert not first.written and [r for r, _, _ in first.failed] == [4]  # the third person: 140
    assert "Rad i filen" in panel.feedback.value and "140" in panel.feedback.value
    assert panel.confirm.layout.display is None
    kept = panel.do_import(confirm=True)
    assert kept.written and kept.added == 6
    reg = wb.Registry(path=project.path, key=project.pseudonym_key())
    stored = reg.measurements("stress")
    key = project.pseudonym_key()
    assert set(stored["participant_id"]) == {pseudonym(p, key) for p in (people[0], people[1], people[2], people[3])}
    assert not any(p in stored.to_csv() for p in people)
    n_events = reg.head()[0]
    reg.close()
    _upload(page, "matningar.csv", content)  # the same file again
    page.measure_import.dates["efter"].value = "datum_efter"
    again = page.measure_import.do_import(confirm=True)
    assert again.added == 0 and again.unchanged == 6
    assert "0 nya värden" in page.measure_import.feedback.value
    reg = wb.Registry(path=project.path, key=project.pseudonym_key())
    assert reg.head()[0] == n_events and reg.verify().ok
    reg.close()
