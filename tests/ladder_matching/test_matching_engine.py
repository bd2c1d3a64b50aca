"""The fast nearest-neighbour engine against a literal port of MatchIt's walk (nn_matchC_vec)."""

from __future__ import annotations

import numpy as np
import pytest

from workbench.ladder.matching.nearest import heap_select, nearest_match


def walk_reference(d, focal, eligible, ratio, replace, caliper, strata, order):
    """Literal port of MatchIt's nn_matchC_vec + find_control_vec (O(n^2), for testing)."""
    n = len(d)
    ind_d_ord = np.argsort(d, kind="stable")
    match_d_ord = np.empty(n, dtype=int)
    match_d_ord[ind_d_ord] = np.arange(n)
    focal_idx = np.flatnonzero(focal)
    row = {u: r for r, u in enumerate(focal_idx)}
    elig = eligible.copy()
    mm = np.full((len(focal_idx), ratio), -1)
    cal = np.inf if caliper is None else caliper

    def find(t, r, k):
        ii = match_d_ord[t]
        prev = [c for c in mm[row[t]] if c >= 0] if r > 1 else []
        starts = [match_d_ord[c] for c in prev]
        if not starts:
            iil = iir = ii
            min_dist = 0.0
        else:
            starts.append(ii)
            iil, iir = min(starts), max(starts)
            if iil == ii:
                min_dist = abs(d[t] - d[ind_d_ord[iir]])
            elif iir == ii:
                min_dist = abs(d[t] - d[ind_d_ord[iil]])
            else:
                min_dist = max(abs(d[t] - d[ind_d_ord[iil]]), abs(d[t] - d[ind_d_ord[iir]]))
        l_stop = r_stop = False
        left = False
        nl = nr = 0
        ids, ds = [], []
        while not l_stop or not r_stop:
            if l_stop:
                left = False
            elif r_stop:
                left = True
            else:
                left = not left
            if left:
                if iil <= 0 or nl == k:
                    l_stop = True
                    continue
                iil -= 1
                iz = ind_d_ord[iil]
            else:
                if iir >= n - 1 or nr == k:
                    r_stop = True
                    continue
                iir += 1
                iz = ind_d_ord[iir]
            if not elig[iz] or focal[iz] or (r > 1 and iz in prev):
                continue
            dc = abs(d[t] - d[iz])
            if dc > cal:
                if left:
                    l_stop = True
                else:
                    r_stop = True
                continue
            if dc < min_dist:
                continue
            if len(ids) >= k and sum(1 for x in ds if x < dc) >= k:
                if left:
                    l_stop = True
                else:
                    r_stop = True
                continue
            if strata is not None and strata[t] != strata[iz]:
                continue
            ids.append(iz)
            ds.append(dc)
            if left:
                nl += 1
                l_stop = nl == k
            else:
                nr += 1
                r_stop = nr == k
        if len(ids) <= 1 or (len(ids) <= k and ds == sorted(ds)):
            return ids
        if len(ids) > k:
            return [ids[i] for i in heap_select(ds, k)]
        return [ids[i] for i in sorted(range(len(ids)), key=lambda i: ds[i])]

    if not replace:
        for r in range(1, ratio + 1):
            for t in order:
                if not elig[t]:
                    continue
                got = find(t, r, 1)
                if not got:
                    elig[t] = False
                    continue
                mm[row[t], r - 1] = got[0]
                elig[got[0]] = False
                if r == ratio:
                    elig[t] = False
    else:
        for t in order:
            if elig[t]:
                got = find(t, 1, ratio)
                mm[row[t], : len(got)] = got
    return mm


@pytest.mark.parametrize("seed", range(12))
def test_engine_equals_matchit_walk(seed):
    rng = np.random.default_rng(seed)
    n = 300
    # coarse scores make many exact ties, the hard case for tie-breaking
    d = np.round(rng.beta(2, 5, n), 2 if seed % 2 else 3)
    focal = rng.random(n) < 0.3
    eligible = rng.random(n) > 0.05
    ratio = 1 + seed % 3
    replace = seed % 4 == 3
    caliper = [None, 0.02, 0.05][seed % 3]
    strata = rng.integers(0, 3, n) if seed % 5 == 0 else None
    focal_idx = np.flatnonzero(focal)
    order = focal_idx if replace else focal_idx[np.argsort(-d[focal_idx], kind="stable")]
    ours = nearest_match(d, focal, eligible, ratio=ratio, replace=replace, caliper=caliper,
                         m_order="largest", strata=strata)
    ref = walk_reference(d, focal, eligible, ratio, replace, caliper, strata, order)
    assert [sorted(r) for r in ours.tolist()] == [sorted(r) for r in ref.tolist()]


def test_heap_select_keeps_k_smallest():
    rng = np.random.default_rng(1)
    for _ in range(200):
        x = rng.integers(0, 5, rng.integers(2, 9)).astype(float).tolist()
        k = int(rng.integers(1, len(x)))
        got = heap_select(x, k)
        assert sorted(x[i] for i in got) == sorted(x)[:k]


def test_no_control_used_twice_without_replacement():
    rng = np.random.default_rng(3)
    n = 20_000
    d = rng.random(n)
    focal = rng.random(n) < 0.2
    mm = nearest_match(d, focal, np.ones(n, bool), ratio=2, caliper=0.01)
    used = mm[mm >= 0]
    assert len(used) == len(np.unique(used))
    rows = np.flatnonzero(mm[:, 0] >= 0)
    t = np.flatnonzero(focal)[rows]
    assert np.all(np.abs(d[t] - d[mm[rows, 0]]) <= 0.01)
