"""'Vilka ska följas upp?': planned windows, due/overdue per district, completeness per arm, exports."""

import datetime as dt

import pandas as pd
import pytest

from workbench.core.errors import RegistryError
from workbench.data.privacy import pseudonym
from workbench.registry.api import Registry

KEY = b"projektnyckel-for-test-0123456789"
PNR = "19121212-1212"


@pytest.fixture
def reg(tmp_path):
    r = Registry(f"sqlite:///{tmp_path / 'f.sqlite'}", key=KEY)
    r.define_indicator("stress", minimum=0, maximum=100)
    yield r
    r.close()


def test_windows_and_status_follow_the_start_date(reg):
    reg.register_participant("A-1", by="anna", district="Norr", registered_on="2025-01-31")
    reg.register_participant("A-2", by="anna", district="Söder", registered_on="2025-01-10",
                             stages={"started": "2025-02-10"})
    table = reg.followup("stress", today="2025-08-20").set_index(["participant_id", "occasion"])
    a1 = table.loc[("A-1", "efter")]
    assert a1.planned_on == pd.Timestamp("2025-07-31")  # 6 calendar months after the start
    assert a1.window_start == pd.Timestamp("2025-07-01") and a1.window_end == pd.Timestamp("2025-09-14")
    assert a1.status == "due"
    assert table.loc[("A-2", "efter")].planned_on == pd.Timestamp("2025-08-10")  # started, not registered
    assert table.loc[("A-1", "baslinje")].status == "overdue"
    assert table.loc[("A-1", "uppfoljning_24")].status == "not_yet"
    assert table.loc[("A-1", "uppfoljning_24")].planned_on == pd.Timestamp("2027-01-31")
    reg.record_measurement("A-1", "stress", 40, occasion="efter", measured_on="2025-08-01", by="anna")
    after = reg.followup("stress", today="2025-08-20").set_index(["participant_id", "occasion"])
    assert after.loc[("A-1", "efter")].status == "measured"
    assert after.loc[("A-1", "efter")].measured_on == pd.Timestamp("2025-08-01")
    later = reg.followup("stress", today=dt.date(2025, 9, 30)).set_index(["participant_id", "occasion"])
    assert later.loc[("A-2", "efter")].status == "overdue"  # window closed 2025-09-24


def test_summary_by_district_and_exports_keep_personnummer_out_and_suppress_small_cells(reg, tmp_path):
    for i in range(7):
        reg.register_participant(f"N-{i}", by="anna", district="Norr", registered_on="2025-01-05")
    reg.register_participant(PNR, by="anna", district="Söder", registered_on="2025-01-05")
    reg.record_measurement("N-0", "stress", 55, occasion="baslinje", measured_on="2025-01-06", by="anna")
    reg.record_dropout("N-6", by="anna", reason="Flyttat", date="2025-03-01")
    summary = reg.followup_summary("stress", today="2025-07-10").set_index(["district", "occasion"])
    assert summary.loc[("Norr", "baslinje"), "measured"] == 1
    assert summary.loc[("Norr", "baslinje"), "overdue"] == 6
    assert summary.loc[("Norr", "efter"), "due"] == 7 and summary.loc[("Söder", "efter"), "due"] == 1
    table = reg.followup("stress", today="2025-07-10")
    assert table.loc[table.participant_id == "N-6", "dropout"].all()  # still followed up (ITT)
    files = reg.export_followup(tmp_path / "ut", indicator="stress", today="2025-07-10")
    listing = files["lista"].read_text(encoding="utf-8-sig")
    assert PNR not in listing and PNR.replace("-", "") not in listing
    assert pseudonym(PNR, KEY) in listing and "försenad" in listing and "aktuell nu" in listing
    counts = pd.read_csv(files["sammanstallning"], sep=";", encoding="utf-8-sig").set_index(["district", "occasion"])
    assert pd.isna(counts.loc[("Söder", "efter"), "due"])  # one person: suppressed
    assert pd.isna(counts.loc[("Norr", "baslinje"), "measured"])
    assert counts.loc[("Norr", "efter"), "due"] == 7
    xlsx = reg.export_followup(tmp_path / "ut", indicator="stress", today="2025-07-10", excel=True)
    assert pd.read_excel(xlsx["lista"])["participant_id"].notna().all()
    with pytest.raises(RegistryError, match="idag"):
        reg.followup("stress", today="idag")


def test_completeness_per_arm_for_the_owner_and_the_long_term_analysis(reg):
    trial = reg.create_trial("T", seed=3, block_sizes=(4,))
    arms = {}
    for i in range(40):
        arms[f"P-{i}"] = trial.randomize(f"P-{i}", by="anna").arm
    for i, (pid, arm) in enumerate(arms.items()):
        reg.record_measurement(pid, "stress", 50, occasion="baslinje", by="anna")
        lost = (arm == "kontroll" and i % 3 == 0)  # about a third of the controls lost
        if not lost:
            reg.record_measurement(pid, "stress", 45 if arm == "insats" else 50 + i % 2, occasion="efter",
                                   by="anna")
    table, warnings = reg.completeness("stress")
    t = table.set_index(["occasion", "arm"])
    n_lost = sum(1 for i, a in enumerate(arms.values()) if a == "kontroll" and i % 3 == 0)
    assert t.loc[("efter", "kontroll"), "measured"] == 20 - n_lost
    assert t.loc[("efter", "insats"), "share_measured"] == 1.0
    assert any("'efter'" in w and "procentenheter" in w for w in warnings)
    reg.set_role("agare", "owner", by="agare")
    reg.set_role("personal", "staff", by="agare")
    staff_table, _ = reg.completeness("stress", viewer="personal")
    assert set(staff_table["arm"]) == {"alla"}
    early = reg.longterm("stress", ["efter"], treated_arm="insats")  # today: the window is not open
    assert early.estimate.n == 40 - n_lost and early.bounds.empty  # the lost are not yet lost
    later = dt.date.today() + dt.timedelta(days=300)  # the 'efter' window has closed
    result = reg.longterm("stress", ["efter"], treated_arm="insats", today=later)
    assert result.estimate.estimate < -4 and not result.credible
    assert set(result.bounds["method"]) == {"lee", "worst_best"}
    assert result.effects["measured_control"].iloc[0] == 20 - n_lost
