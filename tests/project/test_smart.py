"""SMART checks on structured goals and free Swedish/English text."""

from __future__ import annotations

import pytest

import workbench as wb


def verdict(goal, lang="sv"):
    return {f.criterion: f.ok for f in wb.check_smart(goal, lang=lang)}


def test_good_free_text_goal_passes_all():
    goal = ("Andelen familjer i målgruppen som är självförsörjande ska öka från 20 % till 30 % "
            "senast 2027, beslutat av socialnämnden.")
    assert all(verdict(goal).values())


def test_vague_goal_fails_each_with_advice():
    findings = wb.check_smart("Fler ska må bättre.")
    assert [f.criterion for f in findings] == ["specific", "measurable", "accepted", "realistic", "time_bound"]
    assert not any(f.ok for f in findings)
    assert "utgångsläget" in findings[1].message and "senast" in findings[4].message


def test_structured_goal_and_each_missing_part():
    goal = {"text": "Färre placeringar", "indicator": "andel placerade", "baseline": "5 %", "target": "3,5 %",
            "deadline": "2028-12-31", "target_group": "barn i utredning", "decided_by": "Socialnämnden"}
    assert all(verdict(goal).values())
    assert verdict({**goal, "decided_by": ""})["accepted"] is False
    assert verdict({**goal, "deadline": ""})["time_bound"] is False
    assert verdict({**goal, "target": ""})["measurable"] is False
    assert verdict({**goal, "target": "0 %"})["realistic"] is False
    assert verdict({**goal, "target": "5 %"})["realistic"] is False  # no change


@pytest.mark.parametrize("text, criterion", [
    ("Alla barn ska klara skolan till 100 % inom 2 år", "realistic"),
    ("Minska orosanmälningar för barn från 40 till 10 per år senast 2027", "realistic"),
    ("Öka andelen i arbete från 20 till 25 procent", "time_bound"),
])
def test_specific_failures(text, criterion):
    assert verdict(text)[criterion] is False


def test_within_years_is_a_deadline_not_a_number():
    v = verdict("Andelen unga i målgruppen i sysselsättning ska öka från 30 % till 40 % inom 2 år, förankrat i styrgruppen")
    assert all(v.values()), v


def test_english_goal_and_messages():
    goal = "The share of families in the target group who are self-supporting rises from 20% to 30% by 2027, agreed by the committee"
    findings = wb.check_smart(goal, lang="en")
    assert all(f.ok for f in findings)
    assert findings[0].message.startswith("Specific")
