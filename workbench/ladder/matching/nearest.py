"""Greedy nearest-neighbour matching on a scalar distance, as MatchIt's ``nn_matchC_vec``.

The available controls of each exact-matching stratum sit in one array sorted by the distance; two
union–find pointer arrays (nearest alive to the left / right, with path compression) skip controls
already used, so matching without replacement costs O(n log n) for the sort plus close to O(1) per
match instead of MatchIt's walk over used units (quadratic at register scale). The 1:1 case without
replacement (the common one) has its own lean loop, :func:`_greedy_one`, over arrays prepared with
numpy; the greedy order makes each choice depend on all earlier ones, so the loop itself stays.

MatchIt's rules are kept exactly, including its tie-breaking:

* focal units are matched in ``m_order`` (``largest`` / ``smallest`` score first, ``data`` order or
  ``random``); without replacement, ``ratio = k`` runs k rounds, each giving every still-matched
  focal unit one more control; a unit without a match in round 1 is dropped;
* a candidate farther than the caliper ends the search on that side;
* among the candidates on the left and right, the nearest wins; equal distances go to the one
  MatchIt's alternating walk (left first) reaches first, i.e. the fewer sorted positions away;
* with replacement, up to k candidates per side are collected and the k nearest kept by the same
  partial sort (libstdc++ heap selection) MatchIt uses.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np


def _adjust_heap(a: list[int], hole: int, length: int, value: int, d: list[float]) -> None:
    top = hole
    child = hole
    while child < (length - 1) // 2:
        child = 2 * (child + 1)
        if d[a[child]] < d[a[child - 1]]:
            child -= 1
        a[hole] = a[child]
        hole = child
    if length % 2 == 0 and child == (length - 2) // 2:
        child = 2 * (child + 1)
        a[hole] = a[child - 1]
        hole = child - 1
    parent = (hole - 1) // 2
    while hole > top and d[a[parent]] < d[value]:
        a[hole] = a[parent]
        hole = parent
        parent = (hole - 1) // 2
    a[hole] = value


def heap_select(dist: list[float], k: int) -> list[int]:
    """Indices of the k smallest ``dist`` as ``std::partial_sort`` (libstdc++) leaves them."""
    a = list(range(len(dist)))
    if k >= 2:
        parent = (k - 2) // 2
        while True:
            _adjust_heap(a, parent, k, a[parent], dist)
            if parent == 0:
                break
            parent -= 1
    for i in range(k, len(a)):
        if dist[a[i]] < dist[a[0]]:
            value = a[i]
            a[i] = a[0]
            _adjust_heap(a, 0, k, value, dist)
    return a[:k]


def select(left: list[tuple[int, int, float]], right: list[tuple[int, int, float]], k: int) -> list[int]:
    """MatchIt's choice among candidates ``(steps, unit, distance)`` found walking left and right."""
    events = [(2 * s - 1, 0, u, dd) for s, u, dd in left] + [(2 * s, 1, u, dd) for s, u, dd in right]
    events.sort()
    stopped = [False, False]
    ids: list[int] = []
    dists: list[float] = []
    for _, side, u, dd in events:
        if stopped[side]:
            continue
        if len(ids) >= k and sum(1 for x in dists if x < dd) >= k:
            stopped[side] = True
            continue
        ids.append(u)
        dists.append(dd)
    if len(ids) <= 1 or (len(ids) <= k and all(dists[i] <= dists[i + 1] for i in range(len(dists) - 1))):
        return ids
    if len(ids) > k:
        return [ids[i] for i in heap_select(dists, k)]
    return ids


def focal_order(distance: "np.ndarray", focal_idx: "np.ndarray", eligible: "np.ndarray", m_order: str,
                rng: "np.random.Generator | None") -> "np.ndarray":
    """The order in which focal units are matched (indices into the full sample)."""
    import numpy as np

    d = distance[focal_idx]
    if m_order == "largest":
        return focal_idx[np.argsort(-d, kind="stable")]
    if m_order == "smallest":
        return focal_idx[np.argsort(d, kind="stable")]
    keep = focal_idx[eligible[focal_idx]]
    if m_order == "random":
        gen = rng if rng is not None else np.random.default_rng()
        return gen.permutation(keep)
    return keep


def nearest_match(
    distance: "np.ndarray",
    focal: "np.ndarray",
    eligible: "np.ndarray",
    *,
    ratio: int = 1,
    replace: bool = False,
    caliper: float | None = None,
    m_order: str = "largest",
    strata: "np.ndarray | None" = None,
    rng: "np.random.Generator | None" = None,
) -> "np.ndarray":
    """Match focal units to non-focal units; returns an (n_focal, ratio) array of unit indices.

    Rows follow the focal units in data order; ``-1`` marks an empty slot.
    """
    import numpy as np

    n = len(distance)
    focal_idx = np.flatnonzero(focal)
    order_d = np.argsort(distance, kind="stable")
    pos = np.empty(n, dtype=np.int64)
    pos[order_d] = np.arange(n)
    strata = np.zeros(n, dtype=np.int64) if strata is None else np.asarray(strata, dtype=np.int64)

    # the available controls sorted by (stratum, position): a stable sort of the sorted ones by stratum
    ctrl = order_d[(~focal & eligible)[order_d]]
    if ctrl.size and strata[ctrl].min() != strata[ctrl].max():
        ctrl = ctrl[np.argsort(strata[ctrl], kind="stable")]
    ckey = strata[ctrl] * (n + 1) + pos[ctrl]
    tkey = strata[focal_idx] * (n + 1) + pos[focal_idx]
    tslot = np.searchsorted(ckey, tkey)  # first control at or after the focal unit
    cal = float("inf") if caliper is None else float(caliper)
    mm = np.full((len(focal_idx), ratio), -1, dtype=np.int64)
    order = focal_order(distance, focal_idx, eligible, "data" if replace else m_order, rng)

    if not replace and ratio == 1:
        order = order[eligible[order]]
        row = np.searchsorted(focal_idx, order)
        s = strata[order]
        lo = np.searchsorted(ckey, s * (n + 1))
        hi = np.searchsorted(ckey, (s + 1) * (n + 1))
        slot = _greedy_one(distance[ctrl], pos[ctrl], lo, hi, distance[order], pos[order], tslot[row], cal)
        got = slot >= 0
        mm[row[got], 0] = ctrl[slot[got]]
        return mm

    cstr = strata[ctrl]
    # block bounds of each control's stratum within the sorted control array
    uniq, first = np.unique(cstr, return_index=True)
    bounds_lo = dict(zip(uniq.tolist(), first.tolist()))
    bounds_hi = dict(zip(uniq.tolist(), (np.r_[first[1:], len(ctrl)]).tolist()))
    tslot = tslot.tolist()

    d_all = distance.tolist()
    pos_l = pos.tolist()
    ctrl_l = ctrl.tolist()
    cpos = pos[ctrl].tolist()
    ckey_l = ckey.tolist()
    row_of = {u: r for r, u in enumerate(focal_idx.tolist())}
    strat_l = strata.tolist()
    elig = eligible.tolist()

    if replace:
        for t in order.tolist():
            if not elig[t]:
                continue
            r = row_of[t]
            s = strat_l[t]
            lo, hi = bounds_lo.get(s), bounds_hi.get(s)
            if lo is None:
                continue
            dt, pt, j = d_all[t], pos_l[t], tslot[r]
            left, right = [], []
            i = j - 1
            while i >= lo and len(left) < ratio:
                dd = dt - d_all[ctrl_l[i]]
                if dd > cal:
                    break
                left.append((pt - cpos[i], ctrl_l[i], abs(dd)))
                i -= 1
            i = j
            while i < hi and len(right) < ratio:
                dd = d_all[ctrl_l[i]] - dt
                if dd > cal:
                    break
                right.append((cpos[i] - pt, ctrl_l[i], abs(dd)))
                i += 1
            got = select(left, right, ratio)
            mm[r, : len(got)] = got
        return mm

    m = len(ctrl_l)
    pl = list(range(m))  # nearest alive at or left of i (-1: none)
    pr = list(range(m))  # nearest alive at or right of i (m: none)

    def find_l(i: int) -> int:
        root = i
        while root >= 0 and pl[root] != root:
            root = pl[root]
        while i >= 0 and pl[i] != i:
            pl[i], i = root, pl[i]
        return root

    def find_r(i: int) -> int:
        root = i
        while root < m and pr[root] != root:
            root = pr[root]
        while i < m and pr[i] != i:
            pr[i], i = root, pr[i]
        return root

    t_elig = {t: elig[t] for t in focal_idx.tolist()}
    matched: dict[int, list[int]] = {}
    order_l = order.tolist()
    for rnd in range(1, ratio + 1):
        if find_r(0) >= m:
            break
        for t in order_l:
            if not t_elig[t]:
                continue
            r = row_of[t]
            s = strat_l[t]
            lo, hi = bounds_lo.get(s), bounds_hi.get(s)
            dt, pt = d_all[t], pos_l[t]
            prev = matched.get(t, [])
            if rnd == 1 or not prev:
                iil = iir = pt
                jl, jr = tslot[r] - 1, tslot[r]
                min_dist = 0.0
            else:
                ppos = [pos_l[c] for c in prev]
                iil, iir = min(ppos + [pt]), max(ppos + [pt])
                jl = bisect_left(ckey_l, s * (n + 1) + iil) - 1
                jr = bisect_left(ckey_l, s * (n + 1) + iir + 1)
                if iil == pt:
                    min_dist = abs(dt - d_all[prev[ppos.index(iir)]])
                elif iir == pt:
                    min_dist = abs(dt - d_all[prev[ppos.index(iil)]])
                else:
                    min_dist = max(abs(dt - d_all[prev[ppos.index(iil)]]), abs(dt - d_all[prev[ppos.index(iir)]]))
            cand_l = cand_r = None
            if lo is not None:
                i = find_l(jl) if jl >= lo else -1
                while i >= lo:
                    dd = abs(dt - d_all[ctrl_l[i]])
                    if dd > cal:
                        break
                    if dd >= min_dist:
                        cand_l = (iil - cpos[i], i, dd)
                        break
                    i = find_l(i - 1)
                i = find_r(jr) if jr < hi else m
                while i < hi:
                    dd = abs(d_all[ctrl_l[i]] - dt)
                    if dd > cal:
                        break
                    if dd >= min_dist:
                        cand_r = (cpos[i] - iir, i, dd)
                        break
                    i = find_r(i + 1)
            if cand_l is None and cand_r is None:
                t_elig[t] = False
                continue
            if cand_r is None or (cand_l is not None and (
                    cand_l[2] < cand_r[2] or (cand_l[2] == cand_r[2] and cand_l[0] <= cand_r[0]))):
                ci = cand_l[1]
            else:
                ci = cand_r[1]
            u = ctrl_l[ci]
            mm[r, rnd - 1] = u
            matched.setdefault(t, []).append(u)
            pl[ci] = ci - 1
            pr[ci] = ci + 1
            if rnd == ratio:
                t_elig[t] = False
    return mm



def _greedy_one(cd: "np.ndarray", cp: "np.ndarray", lo: "np.ndarray", hi: "np.ndarray", dt: "np.ndarray",
                pt: "np.ndarray", start: "np.ndarray", cal: float) -> "np.ndarray":
    """1:1 greedy matching without replacement; returns each focal unit's control slot (-1: none).

    Focal units come in matching order with their distance ``dt``, sorted position ``pt``, first
    control slot at or after them ``start`` and their stratum's block ``[lo, hi)`` of the sorted
    controls (``cd`` distances, ``cp`` sorted positions). A unit takes the nearest still-available
    control within the caliper; equal distances go to the fewer sorted positions away, then to the
    left one. Used controls are skipped by two "next available" arrays (left and right) with path
    halving, so each unit costs close to O(1); the loop runs over plain Python lists, which is
    several times faster than indexing numpy arrays one element at a time.
    """
    import numpy as np

    m = len(cd)
    left = list(range(m + 2))  # index i + 1 (slot i): nearest available at or left of i (0: none)
    right = list(range(m + 2))  # index i + 1: nearest available at or right of slot i (m + 1: none)
    cdl, cpl = cd.tolist(), cp.tolist()
    out = [-1] * len(dt)
    for r, (d, p, j, a, b) in enumerate(zip(dt.tolist(), pt.tolist(), start.tolist(), lo.tolist(), hi.tolist())):
        # nearest available left of slot j (path halving on the shifted array)
        i = j
        while left[i] != i:
            left[i] = left[left[i]]
            i = left[i]
        i -= 1
        k = j + 1
        while right[k] != k:
            right[k] = right[right[k]]
            k = right[k]
        k -= 1
        ok_l = i >= a and d - cdl[i] <= cal
        ok_r = k < b and cdl[k] - d <= cal
        if ok_l and ok_r:
            dl, dr = d - cdl[i], cdl[k] - d
            c = i if dl < dr or (dl == dr and p - cpl[i] <= cpl[k] - p) else k
        elif ok_l:
            c = i
        elif ok_r:
            c = k
        else:
            continue
        out[r] = c
        left[c + 1] = c  # c is used: its left pointer moves to c - 1 (shifted: c)
        right[c + 1] = c + 2
    return np.asarray(out, dtype=np.int64)
