"""An evaluation is a project folder.

::

    mitt-projekt/
      projekt.yaml        the step-1 record (human-readable, edited by the form or by hand)
      data/               uploaded spreadsheets
      resultat/           saved analysis results (JSON payloads, no personal data)
      rapporter/          exported HTML reports and evidence cards
      register/           the randomization registry (SQLite by default)
      .hemligt/           the pseudonymization key (never exported, never beside the output)

Saving writes to a temporary file and renames it, so a crash never leaves half a record; a
record that cannot be parsed is never overwritten.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from workbench.core.errors import ProjectError
from workbench.core.messages import LANGUAGES, resolve_lang
from workbench.core.results import json_safe
from workbench.project.record import Finding, clean_record
from workbench.project.schema import set_path

RECORD_FILE = "projekt.yaml"
FOLDERS = {"data": "data", "results": "resultat", "reports": "rapporter", "registry": "register", "secret": ".hemligt"}

_HEADER = """\
# Projektbeskrivning (steg 1 på utvärderingstrappan) — skapad av workbench.
# Filen kan redigeras i formuläret eller för hand. Fält som inte känns igen sparas som de är.
# Project description (rung 1 of the evaluation ladder). Edit in the form or by hand.
"""


def _dump_yaml(record: Mapping[str, Any]) -> str:
    import yaml

    return _HEADER + yaml.safe_dump(json_safe(dict(record)), allow_unicode=True, sort_keys=False, width=100)


def _atomic_write(path: Path, text: str, mode: int = 0o644) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class Project:
    """A project folder with its step-1 record, data, results, reports and registry.

    Use :meth:`create` for a new folder and :meth:`open` for an existing one.
    """

    def __init__(self, path: Path, description: dict[str, Any], findings: list[Finding], lang: str) -> None:
        self.path = path
        self._description = description
        self.findings = findings
        self.lang = lang

    # -- creating and opening -------------------------------------------------------------
    @classmethod
    def create(cls, path: str | os.PathLike[str], *, name: str, lang: str | None = None, **fields: Any) -> "Project":
        """Create a project folder with a step-1 record.

        ``fields`` are record fields by name; nested parts as mappings (``target_group={...}``) or
        dotted keys passed through a mapping (``**{"target_group.size": 120}``).
        """
        lang = resolve_lang(lang)
        root = Path(path)
        if not str(name or "").strip():
            raise ProjectError("project.folder.name_required", lang=lang)
        if (root / RECORD_FILE).exists():
            raise ProjectError("project.folder.exists", lang=lang, path=str(root))
        root.mkdir(parents=True, exist_ok=True)
        for folder in FOLDERS.values():
            (root / folder).mkdir(exist_ok=True)
        os.chmod(root / FOLDERS["secret"], 0o700)
        record: dict[str, Any] = {"name": name.strip()}
        for key, value in fields.items():
            set_path(record, key, value)
        record, _ = clean_record(record, lang=lang)
        record["created"] = dt.date.today().isoformat()
        _atomic_write(root / RECORD_FILE, _dump_yaml(record))
        return cls.open(root, lang=lang)

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, lang: str | None = None) -> "Project":
        """Open an existing project folder; a half-filled record loads with ``findings``."""
        import yaml

        lang = resolve_lang(lang)
        root = Path(path)
        if not root.is_dir():
            raise ProjectError("project.folder.missing", lang=lang, path=str(root))
        file = root / RECORD_FILE
        if not file.is_file():
            raise ProjectError("project.folder.no_record", lang=lang, path=str(root), file=RECORD_FILE)
        text = file.read_text(encoding="utf-8")
        try:
            raw = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise ProjectError(
                "project.folder.bad_yaml", lang=lang, file=str(file),
                line=(mark.line + 1) if mark is not None else "?",
                problem=getattr(exc, "problem", None) or str(exc).splitlines()[0],
            ) from None
        description, findings = clean_record(raw, lang=lang)
        for folder in FOLDERS.values():
            (root / folder).mkdir(exist_ok=True)
        return cls(root, description, findings, lang)

    # -- the record -----------------------------------------------------------------------
    @property
    def description(self) -> dict[str, Any]:
        """The step-1 record as a plain dict (a copy; change it with :meth:`update`)."""
        return json.loads(json.dumps(json_safe(self._description)))

    @property
    def name(self) -> str:
        return str(self._description.get("name") or self.path.name)

    def update(self, changes: Mapping[str, Any] | None = None, **fields: Any) -> list[Finding]:
        """Merge changes (dotted paths allowed) into the record, save it, and return the findings."""
        record = self.description
        for key, value in {**dict(changes or {}), **fields}.items():
            set_path(record, key, value)
        record, findings = clean_record(record, lang=self.lang)
        record["updated"] = dt.datetime.now().replace(microsecond=0).isoformat()
        _atomic_write(self.path / RECORD_FILE, _dump_yaml(record))
        self._description, self.findings = record, findings
        return findings

    # -- folders --------------------------------------------------------------------------
    def folder(self, kind: str) -> Path:
        """``data``, ``results``, ``reports``, ``registry`` or ``secret``."""
        return self.path / FOLDERS[kind]

    @property
    def registry_path(self) -> Path:
        return self.folder("registry") / "register.sqlite"

    @property
    def key_path(self) -> Path:
        return self.folder("secret") / "pseudonymnyckel"

    def pseudonym_key(self) -> bytes:
        """The project's pseudonymization key, created on first use (file mode 0600)."""
        from workbench.data.privacy import load_or_create_key

        return load_or_create_key(self.key_path)

    # -- results --------------------------------------------------------------------------
    def save_result(self, result: Any, *, label: str | None = None) -> Path:
        """Save a result's ``to_dict()`` payload under ``resultat/`` so the ladder can count it."""
        if not hasattr(result, "to_dict") or not hasattr(result, "kind"):
            raise ProjectError("project.result.not_a_result", lang=self.lang, got=type(result).__name__)
        payload = json_safe(result.to_dict())
        payload["label"] = label or payload.get("label") or payload.get("kind")
        payload["explain"] = {lang: result.explain(lang) for lang in LANGUAGES} if hasattr(result, "explain") else {}
        if hasattr(result, "chart"):
            # the report draws the chart from its Vega-Lite spec, offline, titles in the report's language
            by_lang = {lang: _chart_spec(result, lang) for lang in LANGUAGES}
            payload["chart_vegalite_by_lang"] = by_lang
            payload["chart_vegalite"] = by_lang.get(resolve_lang(None))
        plain = (label or payload["kind"]).lower().translate(str.maketrans("åäöéü", "aaoeu"))
        slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "resultat"
        path = self.folder("results") / f"{slug}.json"
        _atomic_write(path, json.dumps(payload, ensure_ascii=False, indent=1))
        return path

    def results(self) -> list[dict[str, Any]]:
        """Saved result payloads (unreadable files are skipped and listed in ``findings``)."""
        out = []
        for file in sorted(self.folder("results").glob("*.json")):
            try:
                payload = json.loads(file.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                payload = None
            if isinstance(payload, dict):
                out.append(payload)
            else:
                from workbench.core.messages import msg

                self.findings.append(Finding(str(file.name), msg("project.result.bad_file", self.lang, file=file.name)))
        return out

    # -- the ladder -----------------------------------------------------------------------
    def status(self, *, lang: str | None = None, extras: Mapping[str, Any] | None = None):
        """Which rung the project has reached, what is missing, and the next actions."""
        from workbench.project.rung1 import ladder_status

        return ladder_status(self._description, self.results(), extras=extras, lang=lang or self.lang)

    def __repr__(self) -> str:
        return f"Project({str(self.path)!r}, name={self.name!r})"


def _chart_spec(result: Any, lang: str) -> Any:
    """A result's chart as a JSON-safe Vega-Lite spec in ``lang`` (None when it has none to draw)."""
    import inspect

    try:
        takes_lang = "lang" in inspect.signature(result.chart).parameters
        chart = result.chart(lang=lang) if takes_lang else result.chart()  # a result class of the user's own
        return json_safe(chart.to_dict())
    except Exception:  # a result without a drawable chart is still worth saving
        return None
