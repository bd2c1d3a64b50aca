"""The allocation step inside the write transaction: which list position a participant takes.

Callers hold the registry's writer lock (``Database.write``), so reading the highest used position
and taking the next one cannot race. The list grows by whole new blocks when it runs out; a used
position is never handed out again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from workbench.registry.audit import append_event
from workbench.registry.config import list_key
from workbench.registry.sql import execute_many, first, rows, scalar
from workbench.registry.sequence import ALL, CHUNK_BLOCKS, generate_blocks, minimisation_arm

SYSTEM = "system"


@dataclass(frozen=True)
class Draw:
    """The list position a participant takes and its arm."""

    list_key: str
    sequence_no: int
    member_no: int
    arm: str
    block_no: int | None
    extended: bool = False


def extend_list(conn: sa.Connection, trial_id: int, trial_name: str, cfg: Mapping[str, Any],
                key: str) -> None:
    """Append the next ``CHUNK_BLOCKS`` blocks of list ``key`` and log that it grew."""
    row = first(conn, "sequence_top", trial_id=trial_id, list_key=key)
    last_pos, last_block = (row[0] or 0, row[1] or 0) if row else (0, 0)
    slots = generate_blocks(cfg, key, last_block + 1, CHUNK_BLOCKS, last_pos + 1)
    execute_many(conn, "insert_slot", [
        {"trial_id": trial_id, "list_key": key, "position": sl.position, "block_no": sl.block_no,
         "block_size": sl.block_size, "arm": sl.arm} for sl in slots
    ])
    digest = hashlib.sha256("\n".join(sl.arm for sl in slots).encode("utf-8")).hexdigest()
    append_event(conn, trial=trial_name, kind="sequence_extended", by=SYSTEM, payload={
        "list_key": key, "first_block": last_block + 1, "n_blocks": CHUNK_BLOCKS,
        "first_position": last_pos + 1, "last_position": slots[-1].position, "digest": digest,
    })


def _slot(conn: sa.Connection, trial_id: int, trial_name: str, cfg: Mapping[str, Any], key: str,
          position: int) -> tuple[str, int]:
    row = first(conn, "slot", trial_id=trial_id, list_key=key, position=position)
    while row is None:
        extend_list(conn, trial_id, trial_name, cfg, key)
        row = first(conn, "slot", trial_id=trial_id, list_key=key, position=position)
    return row[0], row[1]


def _next_position(conn: sa.Connection, trial_id: int, key: str) -> int:
    top = scalar(conn, "max_position", trial_id=trial_id, list_key=key)
    return (top or 0) + 1


def draw(conn: sa.Connection, trial_id: int, trial_name: str, cfg: Mapping[str, Any],
         strata: Mapping[str, str], slot_row: tuple | None = None) -> Draw:
    """Take the next position for a participant with ``strata`` (inside the write transaction).

    ``slot_row`` is the result of the ``next_slot`` statement when the caller has already
    fetched it in this transaction (list schemes other than cluster).
    """
    scheme = cfg["scheme"]
    if scheme == "minimisation":
        counts: dict[tuple[str, str, str], int] = {}
        n = 0
        for arm, st in rows(conn, "arms_and_strata", trial_id=trial_id):
            n += 1
            for factor, level in json.loads(st).items():
                counts[(factor, level, arm)] = counts.get((factor, level, arm), 0) + 1
        return Draw(ALL, n + 1, 0, minimisation_arm(cfg, counts, strata, n + 1), None)
    if scheme == "cluster":
        unit = strata[cfg["cluster"]]
        row = first(conn, "cluster_of", trial_id=trial_id, cluster=unit)
        if row is not None:
            return Draw(ALL, row[0], row[2] + 1, row[1], None)
        position = _next_position(conn, trial_id, ALL)
        arm, block = _slot(conn, trial_id, trial_name, cfg, ALL, position)
        return Draw(ALL, position, 0, arm, block, extended=True)
    key = list_key(cfg, strata)
    if slot_row is None:
        slot_row = first(conn, "next_slot", trial_id=trial_id, list_key=key)
    position, arm, block = slot_row
    if arm is not None:
        return Draw(key, position, 0, arm, block)
    arm, block = _slot(conn, trial_id, trial_name, cfg, key, position)
    return Draw(key, position, 0, arm, block, extended=True)
