"""The workbench command: version, new, status, demo --bara-bygg, and Swedish errors."""

from __future__ import annotations

import subprocess
import sys

import pytest

import workbench as wb
from workbench.cli import main


def test_version_and_help(capsys):
    out = subprocess.run([sys.executable, "-m", "workbench.cli", "--version"], capture_output=True, text=True)
    assert out.stdout.strip() == f"workbench {wb.__version__}"
    out = subprocess.run([sys.executable, "-m", "workbench.cli", "--help"], capture_output=True, text=True)
    assert "utvärderingstrappan" in out.stdout and "visa den här hjälpen" in out.stdout


def test_new_status_demo(tmp_path, capsys):
    assert main(["new", str(tmp_path / "nytt")]) == 0
    assert wb.Project.open(tmp_path / "nytt").name == "nytt"
    installed = sorted(p.name for p in (tmp_path / "nytt" / "anteckningar").glob("*.ipynb"))
    assert installed[0].startswith("steg1") and len(installed) == 5
    assert main(["status", str(tmp_path / "nytt")]) == 0
    out = capsys.readouterr().out
    assert "steg 0 av 5" in out and "Fyll i: Problembeskrivning" in out
    assert main(["demo", "--mapp", str(tmp_path / "demo"), "--bara-bygg"]) == 0
    assert main(["status", str(tmp_path / "demo")]) == 0
    assert "steg 5 av 5" in capsys.readouterr().out


def test_errors_are_messages_not_tracebacks(tmp_path, capsys):
    assert main(["status", str(tmp_path / "saknas")]) == 2
    err = capsys.readouterr().err
    assert "finns inte" in err and "Traceback" not in err
    assert main(["--lang", "en", "status", str(tmp_path / "saknas")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_randomize_and_verify_commands(tmp_path, capsys):
    from workbench.demo import DEMO_TRIAL, build_demo

    project = build_demo(tmp_path / "demo", with_results=False)
    args = ["randomize", str(project.path), "--studie", DEMO_TRIAL, "--strata", "stadsdel=Solvik",
            "--kriterier-uppfyllda", "--samtycke", "--av", "anna"]
    assert main([*args, "--deltagare", "19121212-1212"]) == 0
    first = capsys.readouterr().out
    assert "19121212" not in first and "slumpad till" in first  # stored and shown only as a pseudonym
    assert main([*args, "--deltagare", "19121212-1212"]) == 0
    assert "redan slumpad" in capsys.readouterr().out
    assert main(["verify", str(project.path)]) == 0
    assert "intakt" in capsys.readouterr().out
    assert main([*args, "--deltagare", "X-1", "--studie", "Okänd"]) == 2
    assert "ingen studie" in capsys.readouterr().err.lower()


def test_demo_help_names_the_demo_project(capsys):
    from workbench.demo import DEMO_NAME

    with pytest.raises(SystemExit):
        main(["demo", "--help"])
    out = capsys.readouterr().out
    assert DEMO_NAME.split(" (")[0] in " ".join(out.split())
    assert "Hela familjen" not in out
