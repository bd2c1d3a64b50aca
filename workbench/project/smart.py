"""SMART checks of a goal: Specifikt, Mätbart, Accepterat, Realistiskt, Tidsatt.

A goal is either a structured record (``text, indicator, baseline, target, deadline, target_group,
decided_by``) or free Swedish/English text. Structured fields are used first; free text is read
with simple, documented patterns (numbers, years, target-group words, decision words). Each finding
says what to add, so staff can fix the goal in the form.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from workbench.core.messages import msg, resolve_lang
from workbench.project.record import parse_number

CRITERIA: tuple[str, ...] = ("specific", "measurable", "accepted", "realistic", "time_bound")

_GROUP_WORDS = re.compile(
    r"\b(famil\w*|barn\w*|ung\w*|elev\w*|förälder\w*|föräldrar\w*|deltagar\w*|hushåll\w*|person\w*|kvinn\w*|"
    r"män|äldre|boende|klient\w*|invånar\w*|målgrupp\w*|vårdnadshavar\w*|pojk\w*|flick\w*|"
    r"families|family|children|child|young|youth|pupils?|parents?|participants?|households?|people|"
    r"residents?|clients?|target group|women|men|girls|boys)\b",
    re.IGNORECASE,
)
_DECISION_WORDS = re.compile(
    r"\b(beslut\w*|förankra\w*|nämnd\w*|styrgrupp\w*|ledningsgrupp\w*|fastställ\w*|godkän\w*|"
    r"decided|agreed|approved|committee|board|endorsed)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b20\d\d\b")
_WITHIN = re.compile(
    r"\b(inom|efter|within|after)\s+(\d+|ett|en|två|tre|fyra|fem|one|two|three|four|five)\s+"
    r"(år|månader|månad|veckor|years?|months?|weeks?)\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"(?<![\w.,])(\d+(?:[ \u00a0]\d{3})*(?:[.,]\d+)?)\s*(%|procent|percent)?", re.IGNORECASE)
_ALL_NONE = re.compile(r"\b(alla|samtliga|ingen|inga|noll|all|everyone|nobody|none|zero)\b", re.IGNORECASE)


@dataclass(frozen=True)
class SmartFinding:
    """The verdict on one SMART criterion: ``ok`` and a message saying what is there or what to add."""

    criterion: str
    ok: bool
    message: str


def _numbers(text: str) -> list[float]:
    """Numbers in text, in order, skipping years (2000–2099)."""
    out = []
    text = _WITHIN.sub(" ", text)  # "inom 2 år" is a deadline, not a measurement
    for match in _NUMBER.finditer(text):
        value = parse_number(match.group(1))
        if value is None:
            continue
        if match.group(2) is None and 2000 <= value <= 2099 and float(value).is_integer():
            continue
        out.append(value)
    return out


def _as_goal(goal: Any) -> tuple[dict[str, Any], str]:
    if isinstance(goal, Mapping):
        record = {k: v for k, v in goal.items()}
        return record, str(record.get("text") or "")
    text = "" if goal is None else str(goal)
    return {"text": text}, text


def check_smart(goal: Mapping[str, Any] | str, *, lang: str | None = None) -> list[SmartFinding]:
    """Check a goal against the five SMART criteria.

    Parameters
    ----------
    goal
        A mapping with any of ``text, indicator, baseline, target, deadline, target_group,
        decided_by``, or free text such as "Andelen familjer som är självförsörjande ska öka från
        20 % till 30 % senast 2027, beslutat av socialnämnden".
    lang
        ``"sv"`` (default) or ``"en"``.

    Returns
    -------
    list of SmartFinding
        One per criterion, in the order specific, measurable, accepted, realistic, time_bound.
    """
    lang = resolve_lang(lang)
    record, text = _as_goal(goal)
    all_text = " ".join(str(v) for v in record.values() if v is not None)
    if not all_text.strip():
        empty = msg("project.smart.empty", lang)
        return [SmartFinding(c, False, empty) for c in CRITERIA]

    def finding(criterion: str, ok: bool, **params: Any) -> SmartFinding:
        key = f"project.smart.{criterion}.{'ok' if ok else 'missing'}"
        return SmartFinding(criterion, ok, msg(key, lang, **params) if not ok else msg(key, lang))

    text_numbers = _numbers(text)
    baseline = parse_number(record.get("baseline"))
    target = parse_number(record.get("target"))
    if baseline is None and target is None and len(text_numbers) >= 2:
        baseline, target = text_numbers[0], text_numbers[1]
    elif target is None and baseline is None and len(text_numbers) == 1:
        target = text_numbers[0]

    # Specific: a target group and something that changes.
    has_group = bool(str(record.get("target_group") or "").strip()) or bool(_GROUP_WORDS.search(text))
    has_what = bool(str(record.get("indicator") or "").strip()) or len(text.split()) >= 4
    out = [finding("specific", has_group and has_what)]

    # Measurable: indicator (or a goal sentence with numbers), baseline, target.
    lacking = []
    if not (str(record.get("indicator") or "").strip() or text_numbers):
        lacking.append(msg("project.smart.what.indicator", lang))
    if baseline is None:
        lacking.append(msg("project.smart.what.baseline", lang))
    if target is None:
        lacking.append(msg("project.smart.what.target", lang))
    joiner = " och " if lang == "sv" else " and "
    out.append(
        SmartFinding("measurable", True, msg("project.smart.measurable.ok", lang))
        if not lacking
        else SmartFinding("measurable", False, msg("project.smart.measurable.missing", lang, what=joiner.join(lacking)))
    )

    # Accepted: who decided or stands behind the goal.
    accepted = bool(str(record.get("decided_by") or "").strip()) or bool(_DECISION_WORDS.search(all_text))
    out.append(finding("accepted", accepted))

    # Realistic: a plausible change from the baseline.
    why = _realism_problem(baseline, target, all_text, record, lang)
    out.append(
        SmartFinding("realistic", True, msg("project.smart.realistic.ok", lang))
        if why is None
        else SmartFinding("realistic", False, msg("project.smart.realistic.missing", lang, why=why))
    )

    # Time-bound: a deadline.
    deadline = str(record.get("deadline") or "")
    timed = bool(_YEAR.search(deadline) or _WITHIN.search(deadline) or _YEAR.search(text) or _WITHIN.search(text))
    out.append(finding("time_bound", timed))
    return out


def _realism_problem(
    baseline: float | None, target: float | None, text: str, record: Mapping[str, Any], lang: str
) -> str | None:
    is_percent = "%" in text or "procent" in text.lower() or "percent" in text.lower()
    if target is not None:
        target_text = str(record.get("target") or _fmt(target, lang))
        extreme_share = (is_percent and target in (0.0, 100.0)) or (
            baseline is not None and max(baseline, target) <= 1 and target in (0.0, 1.0)
        )
        if extreme_share or _ALL_NONE.search(str(record.get("target") or "")):
            return msg("project.smart.realistic.extreme", lang, target=target_text)
    if baseline is None or target is None:
        return msg("project.smart.realistic.unknown", lang)
    if target == baseline:
        return msg("project.smart.realistic.no_change", lang)
    if baseline > 0 and target > 0 and not (0.5 <= target / baseline <= 2.0):
        return msg("project.smart.realistic.too_large", lang, baseline=_fmt(baseline, lang), target=_fmt(target, lang))
    return None


def _fmt(x: float, lang: str) -> str:
    text = f"{x:g}"
    return text.replace(".", ",") if lang == "sv" else text


def is_smart(goal: Mapping[str, Any] | str) -> bool:
    """All five criteria met."""
    return all(f.ok for f in check_smart(goal))
