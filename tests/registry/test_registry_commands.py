"""The plain functions behind `workbench randomize` and `workbench verify`."""

import pytest
import sqlalchemy as sa

import workbench as wb
from workbench.core.errors import RegistryError
from workbench.registry.commands import parse_strata, randomize_command, verify_command


def test_randomize_and_verify_commands(tmp_path):
    reg = wb.Registry(path=tmp_path)
    reg.create_trial("Föräldrastöd", strata={"stadsdel": ["Norr", "Söder"]}, seed=3)
    reg.close()
    text = randomize_command(tmp_path, "Föräldrastöd", "F-1", "stadsdel=Norr", "anna")
    assert text.startswith("Deltagaren F-1 är slumpad till '")
    again = randomize_command(tmp_path, "Föräldrastöd", "F-1", ["stadsdel=Norr"], "bo")
    assert "redan slumpad" in again and text.split("'")[1] in again
    ok, report = verify_command(tmp_path)
    assert ok and "intakt" in report
    url = f"sqlite:///{tmp_path / 'register' / 'register.sqlite'}"
    ok_en, report_en = verify_command(url, lang="en")
    assert ok_en and "intact" in report_en
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP TRIGGER wb_events_no_update"))
        conn.execute(sa.text("UPDATE wb_events SET \"by\"='mallory' WHERE kind='allocation'"))
    engine.dispose()
    ok, report = verify_command(tmp_path)
    assert not ok and "ändrats" in report


def test_command_errors(tmp_path):
    wb.Registry(path=tmp_path).close()
    with pytest.raises(RegistryError, match="ingen studie"):
        randomize_command(tmp_path, "Saknas", "F-1", None, "anna")
    with pytest.raises(RegistryError, match="namn=värde"):
        parse_strata("stadsdel")
    assert parse_strata("stadsdel=Norr, kön=K") == {"stadsdel": "Norr", "kön": "K"}
    assert parse_strata({"a": "b"}) == {"a": "b"} and parse_strata(None) is None


def test_public_name_and_fast_import():
    import subprocess
    import sys

    code = ("import time; t=time.perf_counter(); import workbench as wb; "
            "d=time.perf_counter()-t; import sys; "
            "assert 'sqlalchemy' not in sys.modules; print(d)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert float(out.stdout) < 2.0
    from workbench.registry.api import Registry

    assert wb.Registry is Registry


def test_cli_shows_a_receipt_and_verify_checks_noted_codes(tmp_path, capsys):
    from workbench.cli import main
    from workbench.project.folder import Project

    project = Project.create(tmp_path / "p", name="Kvitto i terminalen")
    with wb.Registry(path=project.path, key=project.pseudonym_key()) as reg:
        reg.create_trial("T", seed=9)
    assert main(["randomize", str(project.path), "--studie", "T", "--deltagare", "A-1", "--av", "anna"]) == 0
    out = capsys.readouterr().out
    code = out.split("Kvitto: ")[1].split()[0]
    assert main(["verify", str(project.path), "--kvitto", code]) == 0
    capsys.readouterr()
    engine = sa.create_engine(f"sqlite:///{project.registry_path}")
    with engine.begin() as conn:  # the newest allocation and its event deleted, triggers dropped
        conn.execute(sa.text("DROP TRIGGER wb_events_no_delete"))
        conn.execute(sa.text("DROP TRIGGER wb_allocations_no_delete"))
        conn.execute(sa.text("DELETE FROM wb_allocations"))
        conn.execute(sa.text("DELETE FROM wb_events WHERE kind = 'allocation'"))
    engine.dispose()
    (project.path / "register" / "kvitton.txt").unlink()  # even with the stored receipts gone
    assert main(["verify", str(project.path), "--kvitto", code]) == 1
    seq = code.split("-")[0]
    assert f"Första saknade händelse: {seq}." in capsys.readouterr().out
    url = f"sqlite:///{project.registry_path}"
    assert main(["verify", url, "--projekt", str(project.path), "--kvitto", code]) == 1
