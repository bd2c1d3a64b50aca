"""Import measured values from a spreadsheet into the registry, idempotently.

Each spreadsheet row gives one participant's values of one indicator at one or more occasions
(one column per occasion, ``occasions={"baslinje": "stress_före", "efter": "stress_efter"}``) and
optionally the dates (``dates={"baslinje": "datum_före"}``). Every value is checked exactly as
:meth:`~workbench.registry.measurements.MeasurementsMixin.record_measurement` checks it. Then:

* a value equal to the one already in force (same value and date) is *unchanged* — importing the
  same file twice adds nothing;
* a different value where one is in force fails (unless ``corrections=True``: then it is stored as
  a correction);
* when any row fails, nothing is written unless ``confirm=True``, which keeps the other rows.

All writes happen in one transaction; each value is its own event in the chain. A failed row is
reported with its spreadsheet row number (``first_row`` is the number of the first data row: 2
when the header is row 1).
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from workbench.core.errors import RegistryError, WorkbenchError
from workbench.registry import schema as s
from workbench.registry.ids import normalize_participant, normalize_user
from workbench.registry.measure_values import clean_date
from workbench.registry.roles import require_writer

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


@dataclass(frozen=True)
class ImportReport:
    """What an import did: values added, unchanged and corrected, and the rows that failed."""

    added: int
    unchanged: int
    corrected: int
    failed: tuple[tuple[int, str, str], ...] = field(default_factory=tuple)
    written: bool = True
    source: str | None = None

    @property
    def ok(self) -> bool:
        """True when no row failed."""
        return not self.failed

    def failed_table(self) -> "pd.DataFrame":
        """The failed rows: ``row`` (spreadsheet row number), ``column`` and ``message``."""
        import pandas as pd

        return pd.DataFrame(list(self.failed), columns=["row", "column", "message"])


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or \
        (isinstance(value, str) and not value.strip()) or str(value) in ("NaT", "<NA>")


def source_of(data: "pd.DataFrame") -> str:
    """A short fingerprint of the table's content (recorded with each imported value)."""
    digest = hashlib.sha256(data.to_csv(index=False).encode("utf-8")).hexdigest()
    return f"import:{digest[:16]}"


def import_frame(reg: Any, data: "pd.DataFrame", *, participant: str, indicator: str,
                 occasions: dict[str, str], by: str, dates: dict[str, str] | None, source: str | None,
                 confirm: bool, corrections: bool, first_row: int, lang: str) -> ImportReport:
    """See the module docstring; returns an :class:`ImportReport`."""
    who = normalize_user(by, lang=lang)
    dates = dict(dates or {})
    needed = [participant, *occasions.values(), *dates.values()]
    missing = [c for c in needed if c not in data.columns]
    if missing:
        raise RegistryError("measure.import_column_missing", lang=lang, columns=missing,
                            available=[str(c) for c in data.columns])
    unknown = [o for o in dates if o not in occasions]
    if unknown:
        raise RegistryError("measure.unknown_occasion", lang=lang, occasion=unknown[0],
                            available=list(occasions))
    source = source or source_of(data)
    failed: list[tuple[int, str, str]] = []
    planned: list[tuple[int, str, str, Any, str, str]] = []  # row, column, pid, value, occasion, day
    for i, (_, row) in enumerate(data.iterrows()):
        row_no = first_row + i
        try:
            pid = normalize_participant(row[participant], key=reg.key, lang=lang)
        except WorkbenchError as exc:
            failed.append((row_no, participant, exc.message(lang)))
            continue
        for occ, col in occasions.items():
            if _missing(row[col]):
                continue
            try:
                day = clean_date(None if occ not in dates or _missing(row[dates[occ]])
                                 else row[dates[occ]], lang=lang)
            except WorkbenchError as exc:
                failed.append((row_no, dates[occ], exc.message(lang)))
                continue
            planned.append((row_no, col, pid, row[col], occ, day))
    try:
        return _write(reg, planned, failed, indicator=indicator, who=who, source=source,
                      confirm=confirm, corrections=corrections, lang=lang)
    except _Rollback as stop:  # nothing written, not even a step-1 indicator's definition
        return stop.report


class _Rollback(Exception):
    def __init__(self, report: ImportReport) -> None:
        super().__init__("rollback")
        self.report = report


def _write(reg: Any, planned: list[tuple[int, str, str, Any, str, str]],
           failed: list[tuple[int, str, str]], *, indicator: str, who: str, source: str,
           confirm: bool, corrections: bool, lang: str) -> ImportReport:
    added = unchanged = corrected = 0
    m = s.measurements
    with reg._db.write() as conn:
        require_writer(conn, who, lang=lang)
        writes: list[tuple[str, float, str, str, bool]] = []
        seen: set[tuple[str, str]] = set()
        for row_no, col, pid, value, occ, day in planned:
            try:
                if (pid, occ) in seen:  # the same participant twice in one file: the first row holds
                    raise RegistryError("measure.import_duplicate", lang=lang, participant=pid,
                                        occasion=occ)
                old = conn.execute(sa.select(m.c.value, m.c.measured_on)
                                   .where(m.c.participant_id == pid, m.c.indicator == indicator,
                                          m.c.occasion == occ)
                                   .order_by(m.c.event_seq.desc()).limit(1)).first()
                ind, number, occ_, _ = reg._check(conn, pid, indicator, value, occ, day, who,
                                                  old is not None, lang)
                seen.add((pid, occ))
                if old is not None and float(old[0]) == number and old[1] == day:
                    unchanged += 1
                    continue
                if old is not None and not corrections:
                    raise RegistryError("measure.import_differs", lang=lang, participant=pid,
                                        occasion=occ, old=_show(old[0]), value=_show(number))
                writes.append((pid, number, occ, day, old is not None))
            except WorkbenchError as exc:
                text = exc.message(lang)
                if not any(r == row_no and f == text for r, _, f in failed):  # once per row
                    failed.append((row_no, col, text))
        failed.sort()
        if failed and not confirm:
            raise _Rollback(ImportReport(0, unchanged, 0, tuple(failed), written=False, source=source))
        for pid, number, occ, day, is_corr in writes:
            reg._store(conn, pid, indicator, number, occ, day, who, is_corr, source, lang)
            corrected += is_corr
            added += not is_corr
    return ImportReport(added, unchanged, corrected, tuple(failed), written=True, source=source)


def _show(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)
