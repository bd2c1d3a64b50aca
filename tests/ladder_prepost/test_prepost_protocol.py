"""wb.prepost: result protocol, guardrails (attrition, regression to the mean) and Swedish errors."""

import json

import numpy as np
import pandas as pd
import pytest

import workbench as wb
from workbench.core.errors import (
    ColumnMissingError,
    ColumnTypeError,
    InputError,
    MissingValuesError,
    OptionError,
    TooFewRowsError,
)


def make(n=40, seed=1, lost=0):
    rng = np.random.default_rng(seed)
    before = rng.normal(10, 2, n).round(2)
    after = (before + rng.normal(1, 1.5, n)).round(2)
    after[:lost] = np.nan
    return pd.DataFrame({
        "id": [f"p{i}" for i in range(n)],
        "skattning_fore": before, "skattning_efter": after,
        "arbete_fore": rng.binomial(1, 0.3, n), "arbete_efter": rng.binomial(1, 0.5, n),
    })


def test_protocol_continuous_and_binary_together():
    df = make()
    original = df.copy()
    r = wb.prepost(df, ["skattning_fore", "arbete_fore"], ["skattning_efter", "arbete_efter"], id="id")
    pd.testing.assert_frame_equal(df, original)  # caller's frame untouched
    assert r.kind == "prepost" and r.rung == 3
    s = r.summary()
    assert list(s["indicator"]) == ["skattning", "arbete"]
    assert list(s["kind"]) == ["continuous", "binary"]
    assert set(s["claim"]) == {"förändring, inte effekt"}
    assert list(r.tests.index) == ["paired_t", "wilcoxon", "mcnemar", "mcnemar_exact"]
    payload = r.to_dict()
    text = json.dumps(payload, ensure_ascii=False)
    assert payload["credible"] is True and payload["rung"] == 3
    assert "skattning_fore" in text and "förändring" in text
    sv, en = r.explain("sv"), r.explain("en")
    assert sv != en and "inte effekt" in sv.lower() and "not effect" in en.lower()
    assert "jämförelsegrupp" in sv
    chart = r.chart()
    assert "vconcat" in chart.to_dict()
    assert "<div" in r._repr_html_()
    assert r.indicator("arbete").kind == "binary"
    assert r.effect_size.estimand.startswith("Cohen's d_z")


def test_single_indicator_chart_and_frozen():
    r = wb.prepost(make(), "skattning_fore", "skattning_efter")
    spec = r.chart().to_dict()
    assert "hconcat" in spec
    with pytest.raises(AttributeError):
        r.credible = False  # frozen


def test_kind_binary_forced_and_yes_no_text():
    df = make()
    df["arbete_fore"] = df["arbete_fore"].map({1: "ja", 0: "nej"})
    r = wb.prepost(df, "arbete_fore", "arbete_efter")
    assert r.indicators[0].kind == "binary"
    with pytest.raises(ColumnTypeError):
        wb.prepost(df, "skattning_fore", "skattning_efter", kind="binary")


def test_attrition_reported_and_warned():
    r = wb.prepost(make(n=40, lost=12), "skattning_fore", "skattning_efter")
    att = r.attrition.iloc[0]
    assert att["n_before"] == 40 and att["n_complete"] == 28 and att["n_lost"] == 12
    assert att["share_lost"] == pytest.approx(0.3)
    assert any("Bortfallet" in w for w in r.warnings)
    assert r.credible  # 30 % is warned but still interpretable
    r2 = wb.prepost(make(n=40, lost=5), "skattning_fore", "skattning_efter")
    assert not any("Bortfallet" in w for w in r2.warnings)


def test_heavy_attrition_and_few_pairs_not_credible():
    r = wb.prepost(make(n=30, lost=22), "skattning_fore", "skattning_efter", lang="en")
    assert not r.credible
    joined = " ".join(r.problems_in("en"))  # rendered when read: lang= of the run no longer fixes it
    assert "8 complete pairs" in joined and "attrition" in joined


def test_regression_to_the_mean_guardrails():
    df = make()
    plain = wb.prepost(df, "skattning_fore", "skattning_efter")
    assert not any("regression mot medelvärdet" in w for w in plain.warnings)
    flagged = wb.prepost(df, "skattning_fore", "skattning_efter", selected_on_extreme=True)
    assert any("regression mot medelvärdet" in w for w in flagged.warnings)
    far = wb.prepost(df, "skattning_fore", "skattning_efter", reference_mean=6.0, reference_sd=2.0)
    assert any("standardavvikelser" in w for w in far.warnings)
    near = wb.prepost(df, "skattning_fore", "skattning_efter", reference_mean=10.0, reference_sd=2.0)
    assert not any("standardavvikelser" in w for w in near.warnings)
    by_name = wb.prepost(df, "skattning_fore", "skattning_efter", reference_mean={"skattning": 6.0},
                         reference_sd={"skattning": 2.0})
    assert any("standardavvikelser" in w for w in by_name.warnings)
    with pytest.raises(InputError):
        wb.prepost(df, "skattning_fore", "skattning_efter", reference_mean={"okänd": 1.0})


def test_errors_are_swedish_and_specific():
    df = make()
    with pytest.raises(ColumnMissingError, match="Kolumnen 'saknas' saknas"):
        wb.prepost(df, "saknas", "skattning_efter")
    bad = df.copy()
    bad["skattning_efter"] = bad["skattning_efter"].astype(str)
    bad.loc[3, "skattning_efter"] = "bra"
    with pytest.raises(ColumnTypeError, match="rad 5"):
        wb.prepost(bad, "skattning_fore", "skattning_efter")
    with pytest.raises(InputError, match="olika långa"):
        wb.prepost(df, ["skattning_fore", "arbete_fore"], ["skattning_efter"])
    with pytest.raises(TooFewRowsError):
        wb.prepost(df.iloc[:1], "skattning_fore", "skattning_efter")
    empty_after = df.assign(skattning_efter=np.nan)
    with pytest.raises(MissingValuesError, match="saknar värden på alla rader"):
        wb.prepost(empty_after, "skattning_fore", "skattning_efter")
    with pytest.raises(InputError, match="både som"):
        wb.prepost(df, "skattning_fore", "skattning_fore")
    with pytest.raises(OptionError):
        wb.prepost(df, "skattning_fore", "skattning_efter", kind="ordinal")
    with pytest.raises(InputError):
        wb.prepost(df.iloc[:0], "skattning_fore", "skattning_efter")
    with pytest.raises(InputError, match="differ in length"):
        wb.prepost(df, ["skattning_fore"], ["a", "b"], lang="en")


def test_wilcoxon_all_zero_differences_and_constant_change():
    df = pd.DataFrame({"f": [1.0, 2.0, 3.0, 4.0], "e": [2.0, 3.0, 4.0, 5.0]})
    r = wb.prepost(df, "f", "e")
    assert np.isnan(r.estimate.p_value)
    assert any("samma förändring" in w for w in r.warnings)
    json.dumps(r.to_dict())
    r.chart().to_dict()


def test_binary_without_discordant_pairs():
    df = pd.DataFrame({"f": [0, 1, 0, 1, 1], "e": [0, 1, 0, 1, 1]})
    r = wb.prepost(df, "f", "e")
    assert np.isnan(r.tests.loc["mcnemar", "p_value"])
    assert any("bytte svar" in w for w in r.warnings)
    json.dumps(r.to_dict())


def test_ladder_reads_credibility():
    from workbench.ladder.status import evaluate

    r = wb.prepost(make(), "skattning_fore", "skattning_efter")
    status = evaluate({}, [r.to_dict()])
    assert status.step(3).done
    weak = wb.prepost(make(n=30, lost=22), "skattning_fore", "skattning_efter")
    assert not evaluate({}, [weak.to_dict()]).step(3).done


def test_indicator_names_and_duplicates():
    df = make()
    df["x2"] = df["skattning_efter"]
    r = wb.prepost(df, ["skattning_fore", "skattning_fore"], ["skattning_efter", "x2"], names=["a", "b"])
    assert list(r.summary()["indicator"]) == ["a", "b"]
    assert r.summary()["change"].iloc[0] == pytest.approx(r.summary()["change"].iloc[1])
    with pytest.raises(InputError, match="samma namn"):
        wb.prepost(df, ["skattning_fore", "skattning_fore"], ["skattning_efter", "x2"], names=["a", "a"])


@pytest.mark.parametrize("before,after,key", [
    ([np.nan] * 5, [np.nan] * 5, "prepost.all_before_missing"),
    ([np.nan] * 5, [1.0, 2, 3, 4, 5], "prepost.all_before_missing"),
    ([1.0, 2, 3, 4, 5], [np.nan] * 5, "prepost.all_after_missing"),
    ([1.0, np.nan, 3, np.nan, 5], [np.nan, 2, np.nan, 3, 2], "prepost.too_few_pairs"),
])
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_missing_pairs_name_the_columns_the_user_typed(before, after, key, lang):
    df = pd.DataFrame({"poang_fore": before, "poang_efter": after})
    with pytest.raises(wb.WorkbenchError) as err:
        wb.prepost(df, "poang_fore", "poang_efter", lang=lang)
    assert err.value.key == key
    text = str(err.value)
    named = {"prepost.all_after_missing": ["poang_efter"]}.get(key, ["poang_fore", "poang_efter"])
    assert all(f"'{c}'" in text for c in named), text
    assert "'poang'" not in text  # never a name the user did not type


def test_tests_are_keyed_by_stable_names_with_a_readable_label():
    rng = np.random.default_rng(2)
    df = pd.DataFrame({"a": rng.normal(size=30), "b": rng.normal(size=30),
                       "c": rng.integers(0, 2, 30), "d": rng.integers(0, 2, 30)})
    cont = wb.prepost(df, "a", "b")
    assert list(cont.tests.index) == ["paired_t", "wilcoxon"] and cont.tests.index.name == "test"
    assert cont.tests["method"].str.len().min() > 5
    binary = wb.prepost(df, "c", "d")
    assert list(binary.tests.index) == ["mcnemar", "mcnemar_exact"]
