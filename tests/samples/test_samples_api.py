"""The public face of the sample data: listing, loading, codebooks, errors, determinism."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

import workbench as wb
from workbench.core.errors import OptionError, WorkbenchError
from workbench.data import samples

NAMES = list(samples._SAMPLES)


def test_list_samples_in_both_languages():
    sv = wb.list_samples(lang="sv")
    en = wb.list_samples(lang="en")
    assert list(sv.columns) == ["namn", "trappsteg", "beskrivning"]
    assert list(en.columns) == ["name", "rung", "description"]
    assert sv["namn"].tolist() == NAMES == en["name"].tolist()
    assert len(NAMES) == 8
    assert (sv["beskrivning"] != en["description"]).all()
    assert set(sv["trappsteg"]) <= {2, 3, 4, 5}


def test_public_names_point_here():
    assert wb.samples is samples
    assert wb.load_sample is samples.load_sample


@pytest.mark.parametrize("name", NAMES)
def test_load_sample_equals_generate_with_the_shipped_seed(name):
    loaded = wb.load_sample(name)
    generated = samples.generate(name)
    pd.testing.assert_frame_equal(loaded, generated)
    assert 100 <= len(loaded) <= 5000
    assert list(loaded.columns) == samples.codebook(name)["kolumn"].tolist()


@pytest.mark.parametrize("name", NAMES)
def test_raw_file_keeps_its_oddities(name):
    raw = wb.load_sample(name, raw=True)
    clean = wb.load_sample(name)
    differs = (
        list(raw.columns) != list(clean.columns)
        or len(raw) != len(clean)
        or any(raw[c].astype(str).tolist() != clean[c].astype(str).tolist() for c in clean.columns)
    )
    assert differs, "the raw file should show at least one oddity that cleaning repairs"


@pytest.mark.parametrize("name", NAMES)
def test_codebook_tables_in_swedish_and_english(name):
    sv = wb.samples.codebook(name, lang="sv")
    en = wb.samples.codebook(name, lang="en")
    assert list(sv.columns) == ["kolumn", "typ", "enhet", "beskrivning"]
    assert list(en.columns) == ["column", "type", "unit", "description"]
    assert sv["kolumn"].tolist() == en["column"].tolist()
    assert (sv["beskrivning"].str.len() > 10).all()
    assert (en["description"].str.len() > 10).all()
    assert (sv["beskrivning"] != en["description"]).any()
    assert any(ch in "".join(sv["beskrivning"]) for ch in "åäö")


def test_codebook_rejects_unknown_language():
    with pytest.raises(OptionError):
        samples.codebook("hela_familjen", lang="de")


@pytest.mark.parametrize("lang,word", [("sv", "Tillgängliga"), ("en", "Available")])
def test_unknown_name_lists_the_available_ones(lang, word):
    with pytest.raises(WorkbenchError) as info:
        wb.load_sample("hela_famijen", lang=lang)
    text = str(info.value)
    assert word in text and "hela_famijen" in text
    for name in NAMES:
        assert name in text
    assert info.value.key == "samples.unknown"


@pytest.mark.parametrize("bad", [0, -5, 2.5, "100", True])
def test_generate_rejects_a_bad_size(bad):
    with pytest.raises(OptionError):
        samples.generate("barnavard_rct", n=bad)


@pytest.mark.parametrize("name", NAMES)
def test_generate_is_deterministic_and_seed_dependent(name):
    a = samples.generate(name, seed=7)
    b = samples.generate(name, seed=7)
    c = samples.generate(name, seed=8)
    pd.testing.assert_frame_equal(a, b)
    assert not a.equals(c)


@pytest.mark.parametrize("name", NAMES)
def test_truth_is_json_and_names_the_dataset(name):
    truth = samples.truth(name)
    assert truth["dataset"] == name
    json.dumps(truth)


def test_without_the_data_folder_the_sample_is_regenerated(monkeypatch, tmp_path):
    monkeypatch.setattr(samples, "data_dir", lambda: tmp_path / "saknas")
    for name in ("foraldrastod_rct", "hemloshet_stadsdelar"):
        pd.testing.assert_frame_equal(samples.load_sample(name), samples.generate(name))
        assert len(samples.load_sample(name, raw=True)) > len(samples.generate(name)) - 1


def test_importing_the_package_is_light():
    code = (
        "import sys; import workbench.data.samples as s; s.list_samples.__name__; "
        "print('pandas' in sys.modules, 'numpy' in sys.modules, "
        "any(m.startswith('workbench.data.samples.') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "False"]


def test_no_real_looking_personnummer_in_the_files():
    import re

    pattern = re.compile(r"\b(19|20)?\d{6}[-+]?\d{4}\b")
    for name in NAMES:
        text = (samples.data_dir() / name / "data.csv").read_text(encoding="utf-8-sig")
        cells = text.replace(";", "\n").splitlines()
        assert not any(pattern.fullmatch(c) for c in cells), name
