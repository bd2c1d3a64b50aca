"""Receipts of the chain head, signed with a key the database does not hold.

The hash chain (:mod:`workbench.registry.audit`) finds an event that was altered, inserted or removed
in the middle, but not the newest events deleted from the end: what is left is still a valid chain.
A receipt closes that gap. It names the head of the chain at one moment and is signed with a key
kept outside the database (the project's pseudonymization key in ``<project>/.hemligt/``):

.. math:: \\mathrm{sig} = \\mathrm{HMAC}_{k_r}(\\texttt{"wbk1|"} \\,\\|\\, n \\,\\|\\, \\texttt{"|"} \\,\\|\\, h_n),
          \\qquad k_r = \\mathrm{HMAC}_{k}(\\texttt{"workbench registry receipts v1"}),

where :math:`n` is the event number, :math:`h_n` its hash and :math:`k` the project key (the receipt
key :math:`k_r` is derived, so a receipt never reveals anything about the pseudonyms). A receipt is
the text ``wbk1.<n>.<h_n>.<sig>``; its short code ``<n>-<first 8 hex digits of sig>`` is shown to
staff with every allocation and can be given to :meth:`Registry.verify` as well (a 32-bit check).

Receipts are appended, one line each, to a file in the project folder after every write
(``register/kvitton.txt``). Someone who deletes the newest events from the database cannot write a
receipt for the shortened chain without the key, and the receipts already written name an event
that no longer exists: :func:`receipt_problems` reports the first missing event number.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

PREFIX = "wbk1"
RECEIPT_FILE = "kvitton.txt"
_CONTEXT = b"workbench registry receipts v1"
_FULL = re.compile(r"^wbk1\.(\d+)\.([0-9a-f]{64})\.([0-9a-f]{64})$")
_SHORT = re.compile(r"^(\d+)-([0-9A-Fa-f]{8})$")

Problem = tuple[str, dict[str, Any]]


def receipt_key(key: str | bytes) -> bytes:
    """The receipt-signing key derived from the project key (never the project key itself)."""
    raw = key.encode("utf-8") if isinstance(key, str) else bytes(key)
    return hmac.new(raw, _CONTEXT, hashlib.sha256).digest()


def signature(rkey: bytes, seq: int, head_hash: str) -> str:
    """HMAC-SHA256 of event number and hash under the receipt key (hex)."""
    return hmac.new(rkey, f"{PREFIX}|{int(seq)}|{head_hash}".encode("ascii"), hashlib.sha256).hexdigest()


def make_receipt(rkey: bytes, seq: int, head_hash: str) -> str:
    """The receipt text ``wbk1.<seq>.<hash>.<signature>``."""
    return f"{PREFIX}.{int(seq)}.{head_hash}.{signature(rkey, seq, head_hash)}"


def short_code(receipt: str) -> str:
    """The code shown to staff: ``<seq>-<first 8 hex digits of the signature, upper case>``."""
    m = _FULL.match(receipt.strip())
    if m is None:
        raise ValueError(receipt)
    return f"{m.group(1)}-{m.group(3)[:8].upper()}"


def append_receipt(file: Path, receipt: str) -> None:
    """Append one receipt line (one ``write`` on an ``O_APPEND`` descriptor: whole lines even when
    several processes append at once)."""
    file.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o640)
    try:
        os.write(fd, (receipt + "\n").encode("ascii"))
    finally:
        os.close(fd)


def stored_receipts(file: Path | None) -> list[str]:
    """The receipts written to ``file`` (empty when there is none)."""
    if file is None or not file.exists():
        return []
    return [line.strip() for line in file.read_text(encoding="ascii", errors="replace").splitlines()
            if line.strip()]


def receipt_problems(events: list[Any], receipts: Iterable[str], rkey: bytes | None) -> list[Problem]:
    """Check receipts (full or short codes) against the stored events (ordered by number).

    Problems: ``receipt_unreadable`` (not a receipt), ``receipt_forged`` (signature wrong: not made
    with this project's key), ``receipt_mismatch`` (the event the receipt names has another hash
    now: the log was rewritten), and ``truncated`` (the receipts name events beyond the last one
    stored: the newest events were deleted; ``first`` is the first missing number). Without a key
    (``rkey=None``) signatures are not checked, but hashes and numbers still are.
    """
    by_seq = {e.seq: e.hash for e in events}
    last = max(by_seq) if by_seq else 0
    problems: list[Problem] = []
    beyond = 0
    forged: list[int] = []
    mismatched: list[int] = []
    for text in receipts:
        text = str(text).strip()
        full, short = _FULL.match(text), _SHORT.match(text)
        if full is None and short is None:
            problems.append(("registry.verify.receipt_unreadable", {"receipt": text[:24]}))
            continue
        if full is not None:
            seq, head, sig = int(full.group(1)), full.group(2), full.group(3)
            if rkey is not None and not hmac.compare_digest(sig, signature(rkey, seq, head)):
                forged.append(seq)
                continue
            if seq > last:
                beyond = max(beyond, seq)
            elif by_seq.get(seq) != head:
                mismatched.append(seq)
            continue
        seq, prefix = int(short.group(1)), short.group(2).lower()
        if seq > last:
            beyond = max(beyond, seq)
        elif rkey is not None and (seq not in by_seq or
                                   not signature(rkey, seq, by_seq[seq]).startswith(prefix)):
            mismatched.append(seq)
    if forged:
        problems.append(("registry.verify.receipt_forged", {"seq": min(forged), "n": len(set(forged))}))
    if mismatched:
        problems.append(("registry.verify.receipt_mismatch",
                         {"seq": min(mismatched), "n": len(set(mismatched))}))
    if beyond:
        problems.insert(0, ("registry.verify.truncated", {"first": last + 1, "last": beyond}))
    return problems
