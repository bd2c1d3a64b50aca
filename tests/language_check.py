"""Test helper: a text meant to be English holds no Swedish letters or common Swedish words."""

from __future__ import annotations

import re

SWEDISH_WORDS = ("och", "är", "för", "inte", "att", "som", "har", "med", "kan", "av", "på", "till", "eller",
                 "efter", "före", "saknas", "grupp", "deltagare", "steg", "resultat")
_WORD = re.compile(r"\b(" + "|".join(SWEDISH_WORDS) + r")\b", re.IGNORECASE)
_LETTERS = re.compile("[åäöÅÄÖ]")


def swedish_in(text: str) -> list[str]:
    """The Swedish letters and words found in ``text`` (empty when none)."""
    return sorted(set(_LETTERS.findall(text)) | {m.lower() for m in _WORD.findall(text)})


def assert_no_swedish(text: str, where: str = "") -> None:
    found = swedish_in(text)
    assert not found, f"Swedish in {where or 'text'}: {found}: {text[:300]!r}"


def chart_titles(spec) -> list[str]:
    """Every title string in a Vega-Lite spec (chart, axis, legend titles; text marks' literal text)."""
    out: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k in ("title", "text") and isinstance(v, str):
                    out.append(v)
                elif k in ("title", "text") and isinstance(v, list) and all(isinstance(x, str) for x in v):
                    out.extend(v)
                elif k == "title" and isinstance(v, dict) and isinstance(v.get("text"), (str, list)):
                    t = v["text"]
                    out.extend(t if isinstance(t, list) else [t])
                else:
                    walk(v)
        elif isinstance(node, list):
            for x in node:
                walk(x)

    walk(spec)
    return out
