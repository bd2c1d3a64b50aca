"""The bytes of every shipped sample file, as functions of the seeds (used by ``build`` and tests)."""

from __future__ import annotations

import inspect
from types import ModuleType

from workbench.data.samples import _SAMPLES, _module
from workbench.data.samples._spec import codebook_bilingual
from workbench.data.samples._writer import (
    CODEBOOK_FILE,
    DATA_FILE,
    README_FILE,
    TRUTH_FILE,
    csv_bytes,
    truth_bytes,
)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _model_text(module: ModuleType) -> str:
    docs = [inspect.getdoc(module) or ""]
    for attr in ("core", "panel"):
        helper = getattr(module, attr, None)
        if isinstance(helper, ModuleType):
            docs.append(inspect.getdoc(helper) or "")
    return "\n\n".join(d for d in docs if d)


def readme_text(name: str, module: ModuleType, n_rows: int) -> str:
    """The README of one dataset folder: what it is, how it was made, the codebook."""
    cols = module.COLUMNS
    lines = [
        f"# {name}",
        "",
        f"**Svenska.** {module.README['sv']}",
        "",
        f"**English.** {module.README['en']}",
        "",
        "## Filer / Files",
        "",
        f"- `{DATA_FILE}` — {n_rows} rader/rows (efter rensning / after cleaning), `;`-separerad, "
        "decimalkomma, UTF-8 med BOM / `;`-separated, decimal comma, UTF-8 with BOM",
        f"- `{CODEBOOK_FILE}` — kodbok på svenska och engelska / codebook in Swedish and English",
        f"- `{TRUTH_FILE}` — de sanna parametrarna / the true parameters",
        "",
        "Läs in / load: `wb.load_sample(\"" + name + "\")` (rensad / cleaned) eller / or "
        "`wb.load_sample(\"" + name + "\", raw=True)` (som filen är / as the file is). "
        f"Seed: {module.SEED}. Återskapa / regenerate: `python -m workbench.data.samples.build`.",
        "",
        "## Kodbok / Codebook",
        "",
        "| kolumn | typ / type | enhet / unit | beskrivning | description |",
        "|---|---|---|---|---|",
    ]
    for c, row in zip(cols, codebook_bilingual(cols).itertuples(index=False)):
        unit = row.enhet if row.enhet == row.unit or not row.unit else f"{row.enhet} / {row.unit}"
        lines.append(f"| `{c.name}` | {_cell(row.typ)} | {_cell(unit)} | {_cell(c.sv)} | {_cell(c.en)} |")
    lines += ["", "## Hur data skapades / How the data were made", "", "```text",
              _model_text(module), "```", ""]
    return "\n".join(lines)


def dataset_files(name: str) -> dict[str, bytes]:
    """``{file name: bytes}`` of one dataset folder, regenerated from its seed."""
    module = _module(name)
    clean = module.generate(seed=module.SEED, n=None)
    return {
        DATA_FILE: csv_bytes(module.export(clean, module.SEED)),
        CODEBOOK_FILE: csv_bytes(codebook_bilingual(module.COLUMNS)),
        TRUTH_FILE: truth_bytes(module.truth()),
        README_FILE: readme_text(name, module, len(clean)).encode("utf-8"),
    }


def index_text() -> str:
    """``data_samples/README.md``: the list of datasets."""
    lines = [
        "# Exempeldata med känd sanning / Sample data with known truth",
        "",
        "Syntetiska data som liknar kommunala exporter, med kända sanna effekter, byggda på "
        "fallen i seminarietexterna. Alla värden är påhittade; id-nummer är pseudonymer. "
        "Synthetic data that look like municipal exports, with known true effects, modelled on "
        "the cases in the seed texts. All values are invented; ids are pseudonyms.",
        "",
        "Varje mapp / each folder: `data.csv`, `kodbok.csv`, `truth.json`, `README.md`. "
        "I Python / in Python: `wb.list_samples()`, `wb.load_sample(namn)`, "
        "`wb.samples.codebook(namn, lang=\"sv\")`, `wb.samples.truth(namn)`, "
        "`wb.samples.generate(namn, seed=..., n=...)`.",
        "",
        "Återskapa allt byte för byte / regenerate everything byte for byte: "
        "`python -m workbench.data.samples.build`",
        "",
        "| namn / name | trappsteg / rung | beskrivning | description |",
        "|---|---|---|---|",
    ]
    for name, (_, rung, sv, en) in _SAMPLES.items():
        lines.append(f"| [`{name}`]({name}/README.md) | {rung} | {_cell(sv)} | {_cell(en)} |")
    lines.append("")
    return "\n".join(lines)
