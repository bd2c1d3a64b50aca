"""The project template notebooks: installed into a project, never overwriting, run top to bottom."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest

import workbench as wb
from workbench.core.errors import ProjectError
from workbench.project import template as tpl
from workbench.project.template import install_templates

ROOT = Path(__file__).resolve().parents[2]
SV = ROOT / "templates" / "projekt"
EN = SV / "en"
NAMES = [
    "steg1_projektbeskrivning.ipynb",
    "steg2_aktivitetsuppfoljning.ipynb",
    "steg3_fore_efter.ipynb",
    "steg4_jamforelsegrupp.ipynb",
    "steg5_randomiserad.ipynb",
]
# the teaching data the templates' default parameters point at, copied as the raw files
DATA = ["aktiviteter", "foraldrastod_rct", "hela_familjen", "hemloshet_stadsdelar"]


def _project(tmp_path: Path, *, data: bool) -> wb.Project:
    project = wb.Project.create(tmp_path / "projekt", name="Mallprov")
    if data:
        for name in DATA:
            shutil.copy(ROOT / "data_samples" / name / "data.csv", project.folder("data") / f"{name}.csv")
    return project


def _run(path: Path, cwd: Path, parameters: dict | None = None) -> nbformat.NotebookNode:
    import papermill as pm

    out = cwd / f"ut_{path.name}"
    pm.execute_notebook(str(path), str(out), parameters=parameters or {}, cwd=str(cwd),
                        kernel_name="python3", progress_bar=False, log_output=False, start_timeout=120)
    return nbformat.read(out, as_version=4)


def _text(nb: nbformat.NotebookNode) -> str:
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                raise AssertionError(f"{out.get('ename')}: {out.get('evalue')}")
            parts.append(out.get("text", "") or out.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


# -- the files ------------------------------------------------------------------------------
def test_one_swedish_template_per_rung_and_an_english_variant_of_each():
    assert sorted(p.name for p in SV.glob("*.ipynb")) == NAMES
    assert sorted(p.name for p in EN.glob("*.ipynb")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_templates_are_parameterised_and_in_their_language(name):
    for folder, heading in ((SV, "# Steg"), (EN, "# Rung")):
        nb = nbformat.read(folder / name, as_version=4)
        nbformat.validate(nb)
        code = [c for c in nb.cells if c.cell_type == "code"]
        tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(tagged) == 1 and tagged[0] is code[0], "the first code cell is the one parameters cell"
        assert "projekt_mapp" in tagged[0].source
        assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith(f"{heading} {name[4]}")
        assert "import workbench as wb" in code[1].source
        assert not any("from workbench" in c.source or "import workbench." in c.source for c in code), "public names only"
        assert not any(c.get("outputs") for c in code), "templates are shipped without outputs"
    sv_md = " ".join(c.source for c in nbformat.read(SV / name, as_version=4).cells if c.cell_type == "markdown")
    en_md = " ".join(c.source for c in nbformat.read(EN / name, as_version=4).cells if c.cell_type == "markdown")
    assert sv_md != en_md
    assert "utvärdering" in sv_md.lower() or "trappan" in sv_md.lower()


# -- installing -----------------------------------------------------------------------------
def test_install_copies_every_template_into_anteckningar(tmp_path):
    project = _project(tmp_path, data=False)
    written = install_templates(project.path)
    assert [p.name for p in written] == NAMES
    assert all(p.parent == project.path / "anteckningar" for p in written)
    assert (project.path / "anteckningar" / NAMES[0]).read_bytes() == (SV / NAMES[0]).read_bytes()


def test_install_never_overwrites(tmp_path):
    project = _project(tmp_path, data=False)
    folder = project.path / "anteckningar"
    folder.mkdir()
    mine = folder / NAMES[2]
    mine.write_text("mitt eget arbete", encoding="utf-8")
    written = install_templates(project.path)
    assert mine.read_text(encoding="utf-8") == "mitt eget arbete"
    assert [p.name for p in written] == [n for n in NAMES if n != NAMES[2]]
    assert install_templates(project.path) == []
    assert mine.read_text(encoding="utf-8") == "mitt eget arbete"


def test_install_english(tmp_path):
    project = _project(tmp_path, data=False)
    written = install_templates(project.path, lang="en")
    assert len(written) == len(NAMES)
    first = nbformat.read(written[0], as_version=4)
    assert first.cells[0].source.startswith("# Rung 1")


def test_install_into_missing_project_names_the_folder(tmp_path):
    missing = tmp_path / "finns-inte"
    with pytest.raises(ProjectError) as sv:
        install_templates(missing)
    with pytest.raises(ProjectError) as en:
        install_templates(missing, lang="en")
    assert str(missing) in str(sv.value) and "workbench new" in str(sv.value)
    assert str(sv.value) != str(en.value)
    assert not missing.exists()


def test_install_refuses_a_file_as_project(tmp_path):
    file = tmp_path / "fil.txt"
    file.write_text("x", encoding="utf-8")
    with pytest.raises(ProjectError):
        install_templates(file)


def test_missing_templates_folder_is_a_clear_error(tmp_path, monkeypatch):
    project = _project(tmp_path, data=False)
    monkeypatch.setattr(tpl, "templates_root", lambda: tmp_path / "inga-mallar")
    with pytest.raises(ProjectError) as err:
        install_templates(project.path)
    assert "inga-mallar" in str(err.value) and "templates/" in str(err.value)
    empty = tmp_path / "tomma" / "projekt"
    empty.mkdir(parents=True)
    monkeypatch.setattr(tpl, "templates_root", lambda: tmp_path / "tomma")
    with pytest.raises(ProjectError):
        install_templates(project.path)
    assert not list((project.path / "anteckningar").glob("*.ipynb"))


def test_templates_root_is_the_repository_folder():
    assert tpl.templates_root() == ROOT / "templates"


# -- running --------------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.notebook
def test_templates_run_on_a_fresh_project_without_data(tmp_path):
    """Straight after `workbench new`: every notebook runs with its defaults and says what is missing."""
    project = _project(tmp_path, data=False)
    folder = project.path / "anteckningar"
    for path in install_templates(project.path, lang="en"):
        text = _text(_run(path, folder))
        if path.name != NAMES[0]:
            assert "is not in" in text, path.name
    assert not list(project.folder("results").glob("*.json"))


@pytest.mark.slow
@pytest.mark.notebook
def test_templates_run_on_a_project_with_data_and_climb_the_ladder(tmp_path):
    project = _project(tmp_path, data=True)
    folder = project.path / "anteckningar"
    params = {
        NAMES[0]: {"fyll_i_exempel": True},
        NAMES[3]: {"panelfil": "hemloshet_stadsdelar.csv", "insatsomrade": "Västerby", "startperiod": 40},
        NAMES[4]: {"foljsamhet": 1.0},
    }
    texts = {}
    for path in install_templates(project.path):
        texts[path.name] = _text(_run(path, folder, params.get(path.name)))  # defaults: projekt_mapp=".."
    assert "Beskrivningen uppdaterades" in texts[NAMES[0]]
    assert "'ej besvarad'" in texts[NAMES[2]]  # the raw file's text in a number column is reported
    assert "Hela staden" in texts[NAMES[3]]  # the total row is removed from the panel
    saved = {json.loads(p.read_text(encoding="utf-8"))["kind"] for p in project.folder("results").glob("*.json")}
    assert {"activity_followup", "prepost", "matching_effect", "did", "synthetic_control", "rct", "cace"} <= saved
    assert wb.Project.open(project.path).status().reached == 5


@pytest.mark.slow
@pytest.mark.notebook
def test_rung5_template_reads_the_registry(tmp_path):
    project = _project(tmp_path, data=True)
    ids = wb.load_sample("foraldrastod_rct")["förälder_id"].tolist()
    registry = wb.Registry(path=project.path)
    trial = registry.create_trial("Föräldrastöd", seed=7)
    for pid in ids[:150]:  # the rest entered without randomization
        trial.randomize(pid, by="test")
    registry.close()
    path = install_templates(project.path)[4]
    nb = _run(path, project.path / "anteckningar", {"projekt_mapp": str(project.path), "forsok_namn": "Föräldrastöd"})
    text = _text(nb)
    assert "Följsamhet: 0.66" in text
    payload = json.loads((project.folder("results") / "effekt-av-erbjudandet.json").read_text(encoding="utf-8"))
    assert payload["credible"] is False  # two in three entrants randomized is not enough for rung 5


# -- the workshop series (executed by tests/notebooks; here: its shape) ----------------------
WORKSHOPS = sorted((ROOT / "notebooks").glob("workshop_*.ipynb"))


def test_five_workshops_one_per_seed_case():
    assert [p.name for p in WORKSHOPS] == [
        "workshop_1_hela_familjen.ipynb",
        "workshop_2_barnavard.ipynb",
        "workshop_3_foraldrastod.ipynb",
        "workshop_4_hemloshet.ipynb",
        "workshop_5_utomhuspedagogik.ipynb",
    ]


@pytest.mark.parametrize("path", WORKSHOPS, ids=[p.stem for p in WORKSHOPS])
def test_workshop_has_exercises_with_marked_hidden_answers_and_a_known_truth(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    cells = nb.cells
    exercises = [i for i, c in enumerate(cells) if "övning" in c.metadata.get("tags", [])]
    answers = [i for i, c in enumerate(cells) if "svar" in c.metadata.get("tags", [])]
    assert len(exercises) >= 4 and len(answers) == len(exercises)
    for n, (ex, ans) in enumerate(zip(exercises, answers), 1):
        assert ex < ans, "the answer comes after its exercise"
        assert cells[ex - 1].source.startswith(f"### Övning {n}")
        assert cells[ans - 1].source.startswith(f"#### Svar – övning {n}")
        assert cells[ans].metadata.get("jupyter", {}).get("source_hidden") is True
    source = "\n".join(c.source for c in cells if c.cell_type == "code")
    assert "wb.samples.truth(" in source and "import workbench as wb" in source
    assert "from workbench" not in source, "public names only"
    assert cells[0].source.startswith("# Workshop")
