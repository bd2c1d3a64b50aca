"""Allocation algorithms, each derived from a recorded seed so that the sequence can be re-derived.

Every random number is a deterministic function of (algorithm, version, seed, list, position):
the first 8 bytes of SHA-256 over those parts, read as an unsigned integer and divided by 2**64.
Nothing depends on a library's random-number generator, so the same seed gives the same list on
any machine and any Python version, and :func:`workbench.registry.checks.verify_all` can re-derive it.

Schemes (``AllocationScheme`` in :mod:`workbench.core.options`):

``simple``            each position drawn independently with probabilities proportional to ``ratio``;
``block``             permuted blocks whose sizes are drawn at random from ``block_sizes``; with
                      strata, one list per stratum (the same as ``stratified_block``);
``stratified_block``  permuted blocks of random sizes within each stratum (combination of levels);
``cluster``           permuted blocks over clusters (schools, districts): the first participant of a
                      cluster allocates the whole cluster, later members get the cluster's arm;
``minimisation``      Pocock–Simon minimisation over the strata (range of ratio-adjusted counts,
                      equal weights) with a random element: the arm that minimises imbalance is
                      chosen with probability ``p_best`` (0.8), otherwise another arm at random.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

ALGORITHMS: dict[str, tuple[str, str]] = {
    "simple": ("simple_weighted", "1"),
    "block": ("permuted_blocks_random_sizes", "1"),
    "stratified_block": ("permuted_blocks_random_sizes", "1"),
    "cluster": ("cluster_permuted_blocks", "1"),
    "minimisation": ("pocock_simon_range", "1"),
}
#: schemes whose allocation list is stored in the ``sequence`` table
LIST_SCHEMES = ("simple", "block", "stratified_block", "cluster")
#: how many blocks are generated at once (at creation and whenever a list runs out)
CHUNK_BLOCKS = 64
P_BEST = 0.8
ALL = "*"


@dataclass(frozen=True)
class Slot:
    """One position of an allocation list."""

    position: int
    block_no: int
    block_size: int
    arm: str


def uniform(*parts: object) -> float:
    """A number in [0, 1) determined by ``parts`` (SHA-256 counter-mode generator)."""
    text = "\x1f".join(str(p) for p in parts).encode("utf-8")
    return int.from_bytes(hashlib.sha256(text).digest()[:8], "big") / 2.0**64


def unit_block(arms: Sequence[str], ratio: Sequence[int]) -> list[str]:
    """The smallest balanced block: each arm repeated by its ratio (``2:1`` → a, a, b)."""
    out: list[str] = []
    for arm, r in zip(arms, ratio, strict=True):
        out.extend([arm] * int(r))
    return out


def weighted_pick(arms: Sequence[str], weights: Sequence[float], u: float) -> str:
    """The arm whose cumulative weight interval contains ``u`` (``0 <= u < 1``)."""
    total = float(sum(weights))
    acc = 0.0
    for arm, w in zip(arms, weights, strict=True):
        acc += w / total
        if u < acc:
            return arm
    return arms[-1]


def _parts(cfg: Mapping) -> tuple:
    return (cfg["algorithm"], cfg["algorithm_version"], cfg["seed"])


def generate_blocks(cfg: Mapping, list_key: str, first_block: int, n_blocks: int,
                    first_position: int) -> list[Slot]:
    """Blocks ``first_block … first_block + n_blocks - 1`` of list ``list_key``.

    ``first_position`` is the list position of the first slot of ``first_block``.
    For ``simple`` every block is one independent draw.
    """
    arms, ratio = list(cfg["arms"]), list(cfg["ratio"])
    slots: list[Slot] = []
    pos = first_position
    for b in range(first_block, first_block + n_blocks):
        if cfg["scheme"] == "simple":
            arm = weighted_pick(arms, ratio, uniform(*_parts(cfg), list_key, b, "draw"))
            slots.append(Slot(pos, b, 1, arm))
            pos += 1
            continue
        sizes = list(cfg["block_sizes"])
        size = sizes[int(uniform(*_parts(cfg), list_key, b, "size") * len(sizes))]
        block = unit_block(arms, ratio) * (size // sum(ratio))
        for i in range(len(block) - 1, 0, -1):  # Fisher–Yates with the derived numbers
            j = int(uniform(*_parts(cfg), list_key, b, "perm", i) * (i + 1))
            block[i], block[j] = block[j], block[i]
        for arm in block:
            slots.append(Slot(pos, b, size, arm))
            pos += 1
    return slots


def derive_list(cfg: Mapping, list_key: str, length: int) -> list[Slot]:
    """The first ``length`` positions (whole blocks, at least ``length``) of a list."""
    slots: list[Slot] = []
    block = 1
    while len(slots) < length:
        slots.extend(generate_blocks(cfg, list_key, block, CHUNK_BLOCKS, len(slots) + 1))
        block += CHUNK_BLOCKS
    return slots


def minimisation_arm(cfg: Mapping, counts: Mapping[tuple[str, str, str], int],
                     strata: Mapping[str, str], order_no: int) -> str:
    """Pocock–Simon choice for the participant number ``order_no`` with ``strata``.

    ``counts[(factor, level, arm)]`` are the allocations so far. The imbalance of giving arm *a*
    is the sum over factors of the range (max − min) of the ratio-adjusted counts
    :math:`n_{f,l,k}/r_k` at the participant's level after adding one to *a*.
    """
    arms, ratio = list(cfg["arms"]), [float(r) for r in cfg["ratio"]]
    scores = []
    for a in arms:
        total = 0.0
        for factor, level in strata.items():
            adj = [(counts.get((factor, level, k), 0) + (1 if k == a else 0)) / r
                   for k, r in zip(arms, ratio, strict=True)]
            total += max(adj) - min(adj)
        scores.append(total)
    best_score = min(scores)
    best = [a for a, s in zip(arms, scores, strict=True) if abs(s - best_score) < 1e-12]
    u1 = uniform(*_parts(cfg), ALL, order_no, "p")
    u2 = uniform(*_parts(cfg), ALL, order_no, "pick")
    if len(best) == len(arms):
        return weighted_pick(arms, ratio, u2)
    if u1 < float(cfg.get("p_best", P_BEST)):
        return best[int(u2 * len(best))]
    rest = [a for a in arms if a not in best]
    return rest[int(u2 * len(rest))]
