"""The demo's followed trial: measured through the registry, analysed from reg.measurements()."""

import pytest

import workbench as wb
from workbench.demo import FOLLOWED_TRIAL, INDICATOR, build_demo


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return build_demo(tmp_path_factory.mktemp("demo") / "demo")


def test_the_trial_carries_baseline_after_and_24_months(demo):
    reg = wb.Registry(path=demo.path, key=demo.pseudonym_key())
    try:
        long = reg.measurements(INDICATOR, trial=FOLLOWED_TRIAL)
        counts = long.groupby("occasion").size()
        assert counts["baslinje"] == 227 and 180 < counts["efter"] < 227 and 120 < counts["uppfoljning_24"] < 180
        assert set(long["arm"]) == {"erbjudande", "kontroll"}
        events = reg.measurements(INDICATOR, history=True)
        assert len(events) == len(long)  # every value is one event in the chain
        assert reg.trial(FOLLOWED_TRIAL).status == "closed" and reg.verify().ok
        wide = reg.measurements(INDICATOR, wide=True, trial=FOLLOWED_TRIAL)
        adherence = reg.trial(FOLLOWED_TRIAL).adherence(reg.participants_table()["participant_id"].tolist())
    finally:
        reg.close()
    saved = {r["label"]: r for r in demo.results()}
    itt = saved["Steg 5: effekt av erbjudandet (ITT)"]
    again = wb.rct(wide, "efter", "arm", treated_arm="erbjudande", method="lin", covariates=["baslinje"],
                   adherence=adherence)
    assert itt["estimate"]["estimate"] == pytest.approx(again.estimate.estimate)
    assert itt["credible"] and again.estimate.ci_high < 0  # the synthetic effect −3.6 is found


def test_the_report_shows_end_and_24_months_with_attrition_per_arm(demo, tmp_path):
    held = {r["label"]: r for r in demo.results()}["Steg 5: höll effekten i sig? (efter insatsen och 24 månader)"]
    rows = {r["occasion"]: r for r in held["summary"]}
    assert set(rows) == {"efter", "uppfoljning_24"}
    assert rows["uppfoljning_24"]["measured_control"] < rows["uppfoljning_24"]["measured_treated"]
    assert not held["credible"]  # differential attrition at 24 months lowers the rung
    page = wb.report(demo, out=tmp_path / "rapport.html")
    section = page[page.index("höll effekten i sig?"):]
    assert "uppfoljning_24" in section and "Höll resultaten i sig?" in section and "Lee-gränser" in section
    for column in ("measured_treated", "randomized_treated", "measured_control", "randomized_control"):
        assert f"<th>{column}</th>" in section  # attrition per arm, per occasion
    late = rows["uppfoljning_24"]
    assert f"<td>{late['measured_control']}</td><td>{late['randomized_control']}</td>" in section
