"""Bad inputs to wb.power give clear Swedish (and English) errors."""

from __future__ import annotations

import pytest

import workbench as wb


@pytest.mark.parametrize("p1, p2", [(0.0, 0.1), (1.0, 0.5), (-0.2, 0.1), (0.05, 1.5), (0.05, 5)])
def test_proportion_out_of_range(p1, p2) -> None:
    with pytest.raises(wb.WorkbenchError) as e:
        wb.power.two_proportions(p1, p2, power=0.8)
    assert e.value.key == "design.proportion_range"
    assert "andel mellan 0 och 1" in str(e.value)


def test_proportion_error_in_english() -> None:
    with pytest.raises(wb.WorkbenchError) as e:
        wb.power.two_proportions(5, 3.5, power=0.8, lang="en")
    assert "proportion between 0 and 1" in str(e.value)


@pytest.mark.parametrize("icc", [-0.1, 1.0, 1.5])
def test_icc_out_of_range(icc) -> None:
    with pytest.raises(wb.WorkbenchError) as e:
        wb.power.cluster_mdes(10, 20, icc)
    assert e.value.key == "design.icc_range"
    assert "ICC" in str(e.value)


def test_both_n_and_power_missing() -> None:
    with pytest.raises(wb.WorkbenchError) as e:
        wb.power.two_means(0.3)
    assert e.value.key == "design.solve_none"
    assert "exakt en" in str(e.value)


def test_all_three_given() -> None:
    with pytest.raises(wb.WorkbenchError) as e:
        wb.power.two_proportions(0.05, 0.035, n=100, power=0.8)
    assert e.value.key == "design.solve_all"
    assert "inget att räkna ut" in str(e.value)


def test_equal_proportions_and_zero_effect() -> None:
    with pytest.raises(wb.WorkbenchError, match="ingen skillnad"):
        wb.power.two_proportions(0.05, 0.05, power=0.8)
    with pytest.raises(wb.WorkbenchError, match="noll"):
        wb.power.two_means(0.0, power=0.8)


def test_one_sided_wrong_direction() -> None:
    with pytest.raises(wb.WorkbenchError) as e:
        wb.power.two_means(-0.3, power=0.8, alternative="greater")
    assert e.value.key == "design.wrong_direction"


def test_bad_alpha_and_alternative() -> None:
    with pytest.raises(wb.WorkbenchError):
        wb.power.two_means(0.3, power=0.8, alpha=1.5)
    with pytest.raises(wb.WorkbenchError):
        wb.power.two_means(0.3, power=0.8, alternative="two.sided")


def test_too_few_clusters_and_floor() -> None:
    with pytest.raises(wb.WorkbenchError) as e:
        wb.power.cluster_mdes(2, 20, 0.05)
    assert e.value.key == "design.too_few_clusters"
    with pytest.raises(wb.WorkbenchError) as e:
        wb.power.cluster_sample_size(0.2, 0.2, clusters=6)
    assert e.value.key == "design.cluster_floor"
    assert "minst" in str(e.value)


def test_errors_are_value_errors() -> None:
    with pytest.raises(ValueError):
        wb.power.design_effect(10, 1.0)
