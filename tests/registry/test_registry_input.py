"""Bad input gives clear Swedish errors and writes nothing; idempotency; privacy of ids."""

import pytest

from workbench.core.errors import PrivacyError, RegistryError
from workbench.core.messages import catalogue
from workbench.registry.api import Registry


@pytest.fixture
def trial(registry):
    t = registry.create_trial("indata", strata={"stadsdel": ["Norr", "Söder"]}, seed=1,
                              inclusion_criteria=["Bor i kommunen", "Barn under 18 år"])
    t.randomize("A-1", strata={"stadsdel": "Norr"}, by="anna", eligibility=True)
    return t


def _state(reg):
    return reg.head(), len(reg.trial("indata").allocations())


@pytest.mark.parametrize("pid,strata,kwargs,key,words", [
    ("", {"stadsdel": "Norr"}, {}, "participant_empty", "saknas"),
    ("   ", {"stadsdel": "Norr"}, {}, "participant_empty", "saknas"),
    (None, {"stadsdel": "Norr"}, {}, "participant_empty", "saknas"),
    ("a b c", {"stadsdel": "Norr"}, {}, "participant_malformed", "64 tecken"),
    ("x" * 65, {"stadsdel": "Norr"}, {}, "participant_malformed", "64 tecken"),
    ("<script>", {"stadsdel": "Norr"}, {}, "participant_malformed", "bokstäver"),
    (3.5, {"stadsdel": "Norr"}, {}, "participant_malformed", "går inte"),
    ("B-1", {"stadsdel": "Öster"}, {}, "bad_strata_value", "'Norr', 'Söder'"),
    ("B-1", {}, {}, "stratum_missing", "stadsdel"),
    ("B-1", {"stadsdel": "Norr", "kön": "K"}, {}, "unknown_factor", "kön"),
    ("B-1", {"stadsdel": "Norr"}, {"eligibility": None}, "eligibility_missing", "Bocka i"),
    ("B-1", {"stadsdel": "Norr"}, {"eligibility": ["Okänt"]}, "eligibility_unknown", "Okänt"),
    ("B-1", {"stadsdel": "Norr"}, {"by": ""}, "by_missing", "vem"),
])
def test_bad_input_writes_nothing(registry, trial, pid, strata, kwargs, key, words):
    before = _state(registry)
    call = {"by": "anna", "eligibility": True, **kwargs}
    with pytest.raises(RegistryError) as err:
        trial.randomize(pid, strata=strata, **call)
    assert err.value.key == f"registry.{key}"
    assert words in str(err.value)
    assert _state(registry) == before
    assert err.value.message("en") != str(err.value)


def test_unknown_trial_lists_the_trials(registry, trial):
    with pytest.raises(RegistryError) as err:
        registry.trial("Finns inte")
    assert "Finns inte" in str(err.value) and "'indata'" in str(err.value)


def test_closed_trial_refuses_and_writes_nothing(registry, trial):
    trial.close(by="olle")
    before = _state(registry)
    with pytest.raises(RegistryError, match="avslutad"):
        trial.randomize("B-2", strata={"stadsdel": "Norr"}, by="anna", eligibility=True)
    assert _state(registry) == before
    # asking again for someone already randomized still shows their allocation
    assert trial.randomize("A-1", strata={"stadsdel": "Norr"}, by="anna", eligibility=True).existing


def test_same_participant_gets_the_same_allocation(registry, trial):
    first = trial.lookup("A-1")
    again = trial.randomize(" A-1 ", strata={"stadsdel": "Söder"}, by="bo", eligibility=True)
    assert again.existing and first.note is not None
    assert (again.arm, again.sequence_no, again.created_at, again.by) == \
        (first.arm, first.sequence_no, first.created_at, "anna")
    assert "redan slumpad" in again.note
    assert len(trial.allocations()) == 1


def test_not_eligible_is_recorded_as_excluded(registry, trial):
    with pytest.raises(RegistryError) as err:
        trial.randomize("E-1", strata={"stadsdel": "Norr"}, by="anna",
                        eligibility={"Bor i kommunen": True, "Barn under 18 år": False})
    assert "Barn under 18 år" in str(err.value)
    assert trial.lookup("E-1") is None
    consort = trial.consort()
    n = {(st, r): v for st, r, v in zip(consort["stage"], consort["reason"].fillna(""), consort["n"])}
    assert n[("excluded", "Barn under 18 år")] == 1
    assert n[("assessed", "")] == 2 and n[("randomized", "")] == 1 and n[("excluded", "")] == 1


KEY = "hemlig-projektnyckel-2026"


def test_personnummer_is_never_stored_raw(db_url):
    reg = Registry(db_url)
    t = reg.create_trial("pnr", seed=2)
    head = reg.head()
    with pytest.raises(PrivacyError) as err:
        t.randomize("19121212-1212", by="anna")
    assert "pseudonymisera" in str(err.value)
    assert reg.head() == head
    with pytest.raises(RegistryError, match="kontrollsiffran"):
        t.randomize("191212121213", by="anna", key=KEY)
    a = t.randomize("19121212-1212", by="anna", key=KEY)
    from workbench.data.privacy import pseudonym

    assert a.participant_id == pseudonym("191212121212", KEY)
    assert "19121212" not in a.participant_id
    assert t.randomize("191212121212", by="anna", key=KEY).existing
    with reg._db.engine.connect() as conn:
        import sqlalchemy as sa
        dump = " ".join(str(r) for r in conn.execute(sa.text("SELECT * FROM wb_events")))
    assert "1212-1212" not in dump and "1212121212" not in dump
    keyed = Registry(db_url, key=KEY)
    assert keyed.trial("pnr").lookup("191212121212").arm == a.arm
    reg.close()
    keyed.close()


def test_bad_trial_settings(registry):
    cases = [
        ({"arms": ("a",)}, "bad_arms"), ({"arms": ("a", "a")}, "bad_arms"),
        ({"ratio": (2, 1), "block_sizes": (4,)}, "bad_block_sizes"),
        ({"ratio": (1, 0)}, "bad_ratio"), ({"scheme": "lotto"}, None),
        ({"scheme": "minimisation"}, "strata_required"), ({"seed": -1}, "bad_seed"),
        ({"scheme": "cluster"}, "cluster_missing"),
        ({"strata": {"a|b": ["x"]}}, "bad_strata_spec"),
    ]
    for kwargs, key in cases:
        with pytest.raises(Exception) as err:
            registry.create_trial("fel", **kwargs)
        assert isinstance(err.value, ValueError)
        if key:
            assert err.value.key == f"registry.{key}", kwargs
    assert registry.trials() == []
    registry.create_trial("rätt")
    with pytest.raises(RegistryError, match="finns redan"):
        registry.create_trial("rätt")


def test_registry_messages_have_both_languages():
    cat = catalogue()
    keys = [k for k in cat if k.startswith("registry.")]
    assert len(keys) > 50
    for k in keys:
        assert cat[k]["sv"] != cat[k]["en"] or k.startswith("registry.consort")


@pytest.mark.parametrize("content,key", [
    (b"hej\nanteckningar om familjen\n", "not_a_database"),
    (b"SQLite format 3\x00" + b"\x00" * 84, "not_a_database"),  # a header and nothing else
])
def test_a_file_that_is_not_a_registry_is_refused_and_left_unchanged(tmp_path, content, key):
    f = tmp_path / "notes.db"
    f.write_bytes(content)
    with pytest.raises(RegistryError) as err:
        Registry(url=f"sqlite:///{f}")
    assert err.value.key == f"registry.{key}"
    assert str(f) in str(err.value) and "inte ändrats" in str(err.value)
    assert f.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]  # no -wal / -shm beside it


def test_another_programs_sqlite_database_is_refused_and_left_unchanged(tmp_path):
    import sqlite3

    f = tmp_path / "kunder.db"
    conn = sqlite3.connect(f)
    conn.execute("CREATE TABLE kunder (id INTEGER, namn TEXT)")
    conn.commit()
    conn.close()
    before = f.read_bytes()
    with pytest.raises(RegistryError) as err:
        Registry(url=f"sqlite:///{f}", lang="en")
    assert err.value.key == "registry.not_a_registry" and "kunder" in str(err.value)
    assert f.read_bytes() == before


def test_an_empty_file_becomes_a_registry(tmp_path):
    f = tmp_path / "nytt.sqlite"
    f.write_bytes(b"")
    with Registry(url=f"sqlite:///{f}") as reg:
        assert reg.verify().ok
