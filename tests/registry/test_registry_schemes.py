"""Allocation schemes, re-derivation from the seed, concealment, roles, adherence, exports."""

import json
from collections import Counter

import pandas as pd
import pytest
import sqlalchemy as sa

from workbench.core.errors import RegistryError
from workbench.registry import schema as s
from workbench.registry.api import Registry
from workbench.registry.sequence import derive_list, generate_blocks


def test_same_seed_same_list_and_chunks_agree():
    cfg = {"scheme": "block", "arms": ["a", "b"], "ratio": [2, 1], "block_sizes": [3, 6],
           "seed": 99, "algorithm": "permuted_blocks_random_sizes", "algorithm_version": "1"}
    full = derive_list(cfg, "*", 500)
    assert full == derive_list(dict(cfg), "*", 500)
    pieced = generate_blocks(cfg, "*", 1, 10, 1)
    pieced += generate_blocks(cfg, "*", 11, 10, pieced[-1].position + 1)
    assert pieced == full[:len(pieced)]
    other = derive_list({**cfg, "seed": 100}, "*", 500)
    assert [x.arm for x in other] != [x.arm for x in full]
    for b in {x.block_no for x in full}:
        arms = Counter(x.arm for x in full if x.block_no == b)
        assert arms["a"] == 2 * arms["b"]
    assert {x.block_size for x in full} == {3, 6}


def test_block_trial_follows_its_list(registry):
    t = registry.create_trial("block", strata={"stadsdel": ["Norr", "Söder"]}, seed=5)
    for i in range(40):
        t.randomize(f"P{i}", strata={"stadsdel": ("Norr", "Söder")[i % 2]}, by="x")
    cfg = t._cfg
    table = t.allocations()
    for key, grp in table.groupby("list_key"):
        derived = derive_list(cfg, key, 20)
        assert list(grp.sort_values("sequence_no")["arm"]) == [x.arm for x in derived[:len(grp)]]
    assert registry.verify().ok


def test_simple_ratio(registry):
    t = registry.create_trial("enkel", scheme="simple", ratio="3:1", seed=4)
    arms = Counter(t.randomize(f"P{i}", by="x").arm for i in range(400))
    assert 0.65 < arms["insats"] / 400 < 0.85
    assert registry.verify().ok


def test_minimisation_balances_margins(registry):
    strata = {"kön": ["K", "M"], "ålder": ["ung", "mellan", "äldre"]}
    t = registry.create_trial("min", scheme="minimisation", strata=strata, seed=3)
    for i in range(120):
        t.randomize(f"P{i}", strata={"kön": "KM"[i % 5 < 2], "ålder": strata["ålder"][i % 3]}, by="x")
    table = t.allocations()
    for factor in strata:
        counts = table.groupby([factor, "arm"]).size().unstack()
        assert (counts["insats"] - counts["kontroll"]).abs().max() <= 3
    assert registry.verify().ok
    _forge_first_allocation(registry)
    report = registry.verify()
    assert {f["key"] for f in report.findings} == {"registry.verify.arm_mismatch"}
    assert "P0 " in report.problems[0]


def _forge_first_allocation(registry):
    """Flip the arm of the first allocation in the log AND the table, and re-hash the whole chain
    (what someone who knows the algorithm could do): only re-deriving the sequence finds it."""
    from workbench.registry.audit import GENESIS, canonical, event_body, event_hash
    from workbench.registry.schema import GUARDED

    with registry._db.engine.begin() as conn:
        for table in GUARDED:
            for action in ("update", "delete"):
                on = f" ON {table}" if registry._db.dialect == "postgresql" else ""
                conn.execute(sa.text(f"DROP TRIGGER IF EXISTS {table}_no_{action}{on}"))
        rows = conn.execute(sa.select(s.events).order_by(s.events.c.seq)).all()
        prev, done = GENESIS, False
        for r in rows:
            payload = json.loads(r.payload)
            if r.kind == "allocation" and not done:
                arms = ["insats", "kontroll"]
                payload["arm"] = arms[1 - arms.index(payload["arm"])]
                conn.execute(sa.update(s.allocations).where(s.allocations.c.event_seq == r.seq)
                             .values(arm=payload["arm"]))
                done = True
            body = event_body(r.seq, r.trial, r.kind, r.participant_id, payload, r.by, r.created_at)
            h = event_hash(prev, body)
            conn.execute(sa.update(s.events).where(s.events.c.seq == r.seq)
                         .values(payload=canonical(payload), prev_hash=prev, hash=h))
            prev = h


def test_rehashed_forgery_found_by_rederiving_the_list(registry):
    t = registry.create_trial("omhashad", seed=9)
    for i in range(10):
        t.randomize(f"P{i}", by="x")
    _forge_first_allocation(registry)
    report = registry.verify()
    assert [f["key"] for f in report.findings] == ["registry.verify.arm_mismatch"]
    assert "P0" in report.problems[0]


def test_cluster_members_share_the_arm(registry):
    t = registry.create_trial("kluster", scheme="cluster", strata=["skola"], seed=8)
    for i in range(60):
        t.randomize(f"E{i}", strata={"skola": f"Skola {i % 8}"}, by="x")
    table = t.allocations()
    per_school = table.groupby("skola")["arm"].nunique()
    assert (per_school == 1).all() and len(per_school) == 8
    firsts = table[table["member_no"] == 0].sort_values("sequence_no")
    assert list(firsts["sequence_no"]) == list(range(1, 9))
    assert Counter(firsts["arm"].iloc[:4]) in (Counter({"insats": 2, "kontroll": 2}),
                                               Counter({"insats": 4}), Counter({"kontroll": 4}),
                                               Counter({"insats": 3, "kontroll": 1}),
                                               Counter({"insats": 1, "kontroll": 3}))
    assert registry.verify().ok


def test_list_grows_by_new_blocks(registry):
    t = registry.create_trial("växer", block_sizes=(2,), seed=6)
    for i in range(150):  # 64 blocks of 2 generated at creation: runs out at 129
        t.randomize(f"P{i}", by="x")
    with registry._db.read() as conn:
        n_slots = conn.execute(sa.select(sa.func.count()).select_from(s.sequence)).scalar()
        kinds = [r[0] for r in conn.execute(sa.select(s.events.c.kind))]
    assert n_slots == 256 and kinds.count("sequence_extended") == 2
    assert sorted(t.allocations()["sequence_no"]) == list(range(1, 151))
    assert registry.verify().ok


def test_concealment(registry):
    t = registry.create_trial("dold", seed=12345, owner="olle")
    assert "seed" not in t.settings
    public = [n for n in dir(t) if not n.startswith("_")]
    assert not [n for n in public if "next" in n or "sequence" in n or "seed" in n]
    assert "12345" not in repr(t)
    t.randomize("A", by="olle")
    assert "12345" not in " ".join(t.event_log()["payload"])
    t.close(by="olle")
    assert "12345" in " ".join(t.event_log()["payload"])
    assert registry.verify().ok


def test_roles(registry):
    t = registry.create_trial("roller", strata={"stadsdel": ["Norr", "Söder"]}, seed=1, owner="olle")
    t.randomize("A", strata={"stadsdel": "Norr"}, by="anna")
    t.randomize("B", strata={"stadsdel": "Norr"}, by="bo")
    assert list(t.allocations(viewer="anna")["participant_id"]) == ["A"]
    assert "list_key" not in t.allocations(viewer="anna").columns
    assert len(t.allocations(viewer="olle")) == 2
    with pytest.raises(RegistryError, match="studieägaren"):
        t.arm_totals(viewer="anna")
    with pytest.raises(RegistryError):
        t.event_log(viewer="anna")
    with pytest.raises(RegistryError):
        t.lookup("B", viewer="anna")
    assert t.arm_totals(viewer="olle")[["insats", "kontroll"]].to_numpy().sum() == 2
    with pytest.raises(RegistryError):
        t.add_staff("cilla", by="anna")
    t.add_staff("cilla", by="olle")
    with pytest.raises(RegistryError, match="får inte slumpa"):
        t.randomize("C", strata={"stadsdel": "Söder"}, by="anna")
    t.randomize("C", strata={"stadsdel": "Söder"}, by="cilla")
    with pytest.raises(RegistryError):
        t.close(by="cilla")
    t.close(by="olle")
    assert t.status == "closed"
    totals = t.arm_totals(viewer="anna")
    assert set(totals["stadsdel"]) == {"Norr", "Söder"}
    assert registry.verify().ok


def test_events_and_consort(registry, tmp_path):
    t = registry.create_trial("flöde", seed=2, owner="olle", require_consent=True)
    allocated = {f"P{i}": t.randomize(f"P{i}", by="anna", consent=True).arm for i in range(10)}
    with pytest.raises(RegistryError, match="samtycke"):
        t.randomize("Q", by="anna")
    with pytest.raises(RegistryError):
        t.randomize("Q", by="anna", consent=False)
    t.withdraw("P1", reason="flyttade", by="anna")
    seq = t.report_deviation("P2", description="fick fel insats", by="anna")
    t.report_unrandomized_entry("Z9", description="började direkt", by="anna")
    t.correct(seq, reason="fel datum", by="olle", description="fick fel insats i mars")
    with pytest.raises(RegistryError):
        t.correct(seq, reason="x", by="olle", arm="insats")
    with pytest.raises(RegistryError):
        t.withdraw("okänd", reason="x", by="anna")
    c = t.consort()
    n = {(st, a or r or ""): v for st, a, r, v in
         zip(c["stage"], c["arm"].fillna(""), c["reason"].fillna(""), c["n"])}
    assert n[("assessed", "")] == 11 and n[("randomized", "")] == 10 and n[("excluded", "")] == 1
    assert n[("excluded", "samtycke saknas")] == 1
    assert n[("allocated", "insats")] == sum(a == "insats" for a in allocated.values())
    assert n[("withdrawn", allocated["P1"])] == 1
    assert n[("entered_without_randomization", "")] == 1
    assert t.allocations().set_index("participant_id").loc["P1", "withdrawn"]
    kinds = list(t.event_log()["kind"])
    assert kinds.count("correction") == 1 and kinds.count("deviation") == 1
    with pytest.raises(RegistryError):
        t.export(tmp_path, viewer="anna")
    paths = t.export(tmp_path, viewer="olle")
    back = pd.read_csv(paths["allocations"], sep=";", encoding="utf-8-sig")
    assert len(back) == 10
    assert registry.verify().ok


def test_adherence(registry):
    t = registry.create_trial("följsamhet", seed=3)
    for pid in ["A", "B", "C"]:
        t.randomize(pid, by="anna")
    today = pd.Timestamp.now(tz="UTC").date()
    entrants = pd.DataFrame({"id": ["A", "B", "C", "D"],
                             "start": [today, today, today - pd.Timedelta(days=3), today]})
    assert t.adherence(["A", "B", "C", "D"]) == pytest.approx(0.75)
    rep = t.adherence_report(entrants, start="start")
    assert rep.share == pytest.approx(0.5)
    assert rep.not_randomized == ("D",) and rep.randomized_late == ("C",)
    assert "50,0 %" in rep.text("sv") and "50.0 %" in rep.text("en")
    json.dumps(rep.to_dict())
    with pytest.raises(Exception, match="saknas"):
        t.adherence_report(entrants, start="startdatum")


def test_schema_migration_from_version_1(tmp_path):
    url = f"sqlite:///{tmp_path / 'gammal.sqlite'}"
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        for table in s.metadata.sorted_tables:
            if table.name != "wb_roles":
                table.create(conn)
        conn.execute(sa.insert(s.meta).values(key="schema_version", value="1"))
    engine.dispose()
    reg = Registry(url)
    assert reg.schema_version == s.SCHEMA_VERSION
    reg.create_trial("efter", owner="olle").add_staff("anna", by="olle")
    with pytest.raises(sa.exc.DBAPIError, match="append-only"):
        with reg._db.engine.begin() as conn:
            conn.execute(sa.text("DELETE FROM wb_events"))
    reg.close()
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.update(s.meta).values(value="99"))
    engine.dispose()
    with pytest.raises(RegistryError, match="schemaversion 99"):
        Registry(url)


def test_path_forms(tmp_path):
    a = Registry(path=tmp_path / "projekt")
    assert a.url.endswith("projekt/register/register.sqlite")
    b = Registry(path=tmp_path / "fil.sqlite")
    assert b.url.endswith("fil.sqlite")
    a.close()
    b.close()
    with pytest.raises(RegistryError):
        Registry("mysql://x")


def test_adherence_with_pseudonymized_case_list(tmp_path):
    from workbench.data.privacy import pseudonymize

    key = "projektets-hemliga-nyckel"
    reg = Registry(path=tmp_path, key=key)
    t = reg.create_trial("pnr", seed=1)
    t.randomize("19121212-1212", by="anna")
    cases = pd.DataFrame({"personnummer": ["19121212-1212", "20010101-0007"]})
    assert t.adherence(cases) == pytest.approx(0.5)
    pseudo = pseudonymize(cases, ["personnummer"], key=key)
    rep = t.adherence_report(pseudo, id="personnummer")
    assert rep.share == pytest.approx(0.5) and len(rep.not_randomized) == 1
    reg.close()
