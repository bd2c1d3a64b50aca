"""The shipped files regenerate byte for byte from their seeds, and say what they should."""

from __future__ import annotations

import json

import pytest

from workbench.data import samples
from workbench.data.samples._files import dataset_files, index_text
from workbench.data.samples.build import build_all

NAMES = list(samples._SAMPLES)
FILES = ("data.csv", "kodbok.csv", "truth.json", "README.md")


@pytest.mark.parametrize("name", NAMES)
def test_each_file_regenerates_byte_for_byte(name):
    fresh = dataset_files(name)
    assert set(fresh) == set(FILES)
    for file_name in FILES:
        shipped = (samples.data_dir() / name / file_name).read_bytes()
        assert fresh[file_name] == shipped, f"{name}/{file_name} differs from its regeneration"


def test_index_readme_lists_every_dataset():
    shipped = (samples.data_dir() / "README.md").read_text(encoding="utf-8")
    assert shipped == index_text()
    for name in NAMES:
        assert f"`{name}`" in shipped


def test_build_writes_the_same_bytes_elsewhere(tmp_path):
    written = build_all(tmp_path)
    assert len(written) == 4 * len(NAMES) + 1
    for path in written:
        shipped = samples.data_dir() / path.relative_to(tmp_path)
        assert path.read_bytes() == shipped.read_bytes(), path


@pytest.mark.parametrize("name", NAMES)
def test_csv_looks_like_a_swedish_export(name):
    data = (samples.data_dir() / name / "data.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    header = text.split("\r\n", 1)[0]
    assert ";" in header and "," not in header
    assert any(ch in text for ch in "åäö")


@pytest.mark.parametrize("name", NAMES)
def test_truth_json_matches_the_generator_and_codebook_file_has_both_languages(name):
    folder = samples.data_dir() / name
    assert json.loads((folder / "truth.json").read_text(encoding="utf-8")) == json.loads(
        json.dumps(samples.truth(name)))
    header = (folder / "kodbok.csv").read_bytes().decode("utf-8-sig").split("\r\n", 1)[0]
    assert header.split(";") == ["kolumn", "typ", "enhet", "beskrivning", "type", "unit", "description"]


@pytest.mark.parametrize("name", ["hela_familjen", "barnavard_rct", "hemloshet_stadsdelar",
                                  "utomhuspedagogik", "kostnader"])
def test_the_workbench_reader_catches_the_oddities_kindly(name):
    """If the data room's reader is present, it reads every raw file without a traceback."""
    read = pytest.importorskip("workbench.data.read")
    from workbench.core.errors import WorkbenchError

    path = samples.data_dir() / name / "data.csv"
    try:
        table = read.read_table(path)
    except WorkbenchError as err:  # a kind, specific message is acceptable too
        assert str(err)
    else:
        assert len(table) >= len(samples.load_sample(name)) - 1
