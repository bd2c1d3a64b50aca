"""Regenerate every sample dataset in ``data_samples/``: ``python -m workbench.data.samples.build``.

Writes ``data_samples/<name>/{data.csv, kodbok.csv, truth.json, README.md}`` and
``data_samples/README.md``. The output is a pure function of the seeds, so running it twice gives
identical bytes.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.data.samples import _SAMPLES, data_dir
from workbench.data.samples._files import dataset_files, index_text


def build_all(target: Path | None = None) -> list[Path]:
    """Write every dataset folder under ``target`` (default: the repository's ``data_samples/``)."""
    root = data_dir() if target is None else Path(target)
    written = []
    for name in _SAMPLES:
        folder = root / name
        folder.mkdir(parents=True, exist_ok=True)
        for file_name, data in dataset_files(name).items():
            path = folder / file_name
            path.write_bytes(data)
            written.append(path)
    index = root / "README.md"
    index.write_bytes(index_text().encode("utf-8"))
    written.append(index)
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Regenerate the sample datasets.")
    parser.add_argument("--target", type=Path, default=None, help="folder to write into")
    args = parser.parse_args(argv)
    for path in build_all(args.target):
        print(path)


if __name__ == "__main__":
    main()
