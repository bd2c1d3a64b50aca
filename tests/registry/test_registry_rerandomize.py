"""Randomization inference that re-runs the trial's own scheme from the registry."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd
import pytest

import workbench as wb
from workbench.core.errors import RegistryError
from workbench.registry.rerandomize import arms_for_seed, _places, reassigner


@pytest.fixture
def trial(tmp_path):
    reg = wb.Registry(path=tmp_path)
    t = reg.create_trial("RI", arms=("insats", "kontroll"), scheme="block", block_sizes=(4, 6),
                         strata={"stadsdel": ["Norr", "Söder"]}, seed=11, owner="eva")
    for i in range(40):
        t.randomize(f"P{i:03d}", strata={"stadsdel": "Norr" if i % 3 else "Söder"}, by="anna")
    yield t
    reg.close()


def test_original_seed_reproduces_the_real_allocation(trial):
    alloc = trial.allocations()
    ids = list(alloc["participant_id"])
    again = arms_for_seed(trial._cfg, _places(trial, ids, None), trial._cfg["seed"])
    assert again == list(alloc["arm"])


def test_fresh_allocations_keep_the_block_structure(trial):
    alloc = trial.allocations()
    ids = list(alloc["participant_id"])[::-1]  # any data order
    reassign = reassigner(trial, ids, treated_arm="insats")
    rng = np.random.default_rng(5)
    draws = [reassign(rng) for _ in range(30)]
    assert len({tuple(d) for d in draws}) > 20  # really random
    places = _places(trial, ids, None)
    for d in draws:
        for key in {k for k, _ in places}:
            # the first six places of each list always hold a complete block of 4 or 6 (or 4 + part)
            first4 = [z for (k, pos), z in zip(places, d) if k == key and pos <= 4]
            if len(first4) == 4:
                counts = Counter(first4)
                assert counts[1.0] in (2, 1, 3)  # 4-block: exactly 2; 6-block start: 1..3
    # every complete first block of size 4 or 6 is balanced exactly, across many draws
    sizes = Counter()
    for seed in range(50):
        cfg = {**trial._cfg, "seed": seed}
        from workbench.registry.sequence import derive_list

        slots = derive_list(cfg, places[0][0], 12)
        first = [s for s in slots if s.block_no == 1]
        sizes[len(first)] += 1
        assert Counter(s.arm for s in first)["insats"] == len(first) // 2
    assert set(sizes) <= {4, 6} and len(sizes) == 2


def test_rct_uses_the_registry_scheme(trial):
    alloc = trial.allocations()
    rng = np.random.default_rng(1)
    data = pd.DataFrame({"participant_id": alloc["participant_id"],
                         "arm": alloc["arm"],
                         "y": rng.normal(0, 1, len(alloc)) + (alloc["arm"] == "insats") * 1.5})
    reassign = trial.reassigner(data["participant_id"], treated_arm="insats")
    r = wb.rct(data, "y", "arm", treated_arm="insats", randomization_inference=True, ri_scheme=reassign,
               ri_draws=500, seed=3)
    d = r.to_dict()
    text = str(d)
    assert "callable" in text
    assert r.randomization.scheme == "reassign" and r.randomization.n_draws == 500
    assert 0 < r.randomization.p_value < 0.05


def test_bad_requests(trial):
    with pytest.raises(RegistryError, match="inte slumpade"):
        reassigner(trial, ["P000", "X999"], treated_arm="insats")
    with pytest.raises(RegistryError, match="finns inte"):
        reassigner(trial, ["P000"], treated_arm="behandling")
