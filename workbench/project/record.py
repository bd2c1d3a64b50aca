"""Reading and checking the step-1 record: kinds are coerced where safe, problems become findings.

A half-filled or partly wrong record always loads. Values that cannot be understood are *kept as
written* (so saving never loses what a person typed) and reported as :class:`Finding` s; the
rung-1 requirements treat such fields as not filled in.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from workbench.core.messages import msg, resolve_lang
from workbench.project.schema import (
    FIELDS,
    GOAL_KEYS,
    INDICATOR_KEYS,
    COMPARISON_DESIGNS,
    get_path,
    set_path,
)

_KNOWN_TOP = {f.path.split(".")[0] for f in FIELDS} | {"schema_version", "notes", "created", "updated"}
SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Finding:
    """A problem in the record: the dotted ``path`` of the field and a message saying what to do."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def parse_number(value: Any) -> float | None:
    """A number from a float/int or Swedish text (``'1 250,5'``); ``None`` if not a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        text = value.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
        text = text.replace("−", "-").replace(",", ".").rstrip("%").removesuffix("kr")
        try:
            return float(text)
        except ValueError:
            return None
    return None


def parse_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def as_list(value: Any) -> list[str]:
    """A list of non-empty strings from a list or multi-line text."""
    if value is None:
        return []
    if isinstance(value, str):
        return [line.strip(" -•\t") for line in value.splitlines() if line.strip(" -•\t")]
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if v is not None and str(v).strip()]
    return [str(value)]


def clean_record(raw: Any, *, lang: str | None = None) -> tuple[dict[str, Any], list[Finding]]:
    """Check a loaded record; return the record (coerced where safe) and the findings."""
    lang = resolve_lang(lang)
    findings: list[Finding] = []
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        return {"notes": str(raw)}, [Finding("", msg("project.record.not_mapping", lang))]
    record: dict[str, Any] = dict(raw)
    for key in record:
        if key not in _KNOWN_TOP:
            findings.append(Finding(str(key), msg("project.record.unknown_key", lang, key=key)))
    for spec in FIELDS:
        value = get_path(record, spec.path)
        if value is None or value == "":
            continue
        label = spec.label(lang)
        if spec.kind in ("int", "number"):
            number = parse_number(value)
            if number is None or (spec.kind == "int" and not float(number).is_integer()) or number < 0:
                findings.append(Finding(spec.path, msg("project.record.not_number", lang, field=label, value=value)))
            else:
                set_path(record, spec.path, int(number) if spec.kind == "int" else number)
        elif spec.kind == "date":
            if parse_date(value) is None:
                findings.append(Finding(spec.path, msg("project.record.not_date", lang, field=label, value=value)))
            else:
                set_path(record, spec.path, parse_date(value).isoformat())
        elif spec.kind == "rung":
            number = parse_number(value)
            if number not in (1.0, 2.0, 3.0, 4.0, 5.0):
                findings.append(Finding(spec.path, msg("project.record.not_rung", lang, field=label, value=value)))
            else:
                set_path(record, spec.path, int(number))
        elif spec.kind == "design":
            if value not in COMPARISON_DESIGNS:
                findings.append(Finding(spec.path, msg("project.record.not_design", lang, field=label, value=value,
                                                       allowed=list(COMPARISON_DESIGNS))))
        elif spec.kind == "list":
            set_path(record, spec.path, as_list(value))
        elif spec.kind in ("goals", "indicators"):
            keys = GOAL_KEYS if spec.kind == "goals" else INDICATOR_KEYS
            items = value if isinstance(value, list) else [value]
            cleaned = []
            for i, item in enumerate(items, start=1):
                if isinstance(item, str):
                    item = {keys[0]: item}
                if not isinstance(item, dict):
                    findings.append(Finding(f"{spec.path}[{i}]", msg("project.record.bad_item", lang, field=label, number=i)))
                    cleaned.append(item)
                    continue
                for k in item:
                    if k not in keys:
                        findings.append(Finding(f"{spec.path}[{i}].{k}", msg("project.record.unknown_key", lang, key=k)))
                cleaned.append(item)
            set_path(record, spec.path, cleaned)
        elif not isinstance(value, (str, int, float)):
            findings.append(Finding(spec.path, msg("project.record.not_text", lang, field=label)))
    record.setdefault("schema_version", SCHEMA_VERSION)
    return record, findings
