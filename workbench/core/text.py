"""Messages as data, rendered when read: :class:`Msg` and the helpers results use to show them.

A result keeps its warnings, credibility problems and chart titles as ``Msg(key, params)`` — the
same data a :class:`~workbench.core.errors.WorkbenchError` keeps — and renders them in the reader's
language: the ``lang`` argument if given, else the session language (:func:`wb.set_language`), else
Swedish. ``to_dict()`` stores the key and parameters, so a saved result renders in either language
later (an English report of an analysis run in Swedish shows English warnings).

Parameters may themselves be messages (e.g. *what* was too strict: ``Msg("matching.what.caliper")``);
they are rendered in the same language. Numbers that a template shows are formatted by the caller
(e.g. ``share="35 %"``); a plain string (no key) is shown as written, in every language.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from workbench.core.messages import msg, resolve_lang
from workbench.core.serialize import json_safe


def format_number(x: float | None, digits: int = 2, lang: str = "sv") -> str:
    """A number as staff read it: Swedish decimal comma and thin-space thousands in ``sv``."""
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return "–"
    text = f"{x:,.{digits}f}"
    if lang == "sv":
        text = text.replace(",", "\u202f").replace(".", ",").replace("-", "−")
    return text


def format_p(p: float | None, lang: str = "sv") -> str:
    """A p-value as ``'p = 0,032'`` or ``'p < 0,001'``."""
    if p is None or not math.isfinite(p):
        return "p = –"
    if p < 0.001:
        return "p < 0,001" if lang == "sv" else "p < 0.001"
    return f"p = {format_number(p, 3, lang)}"


class Num:
    """A number shown in the reader's language: ``Num(0.353, 1, percent=True)`` → ``35,3 %`` / ``35.3%``.

    Use it as a :class:`Msg` parameter instead of a number formatted when the result is built, so a
    Swedish run read in English shows ``0.43``, not ``0,43``.
    """

    __slots__ = ("value", "digits", "percent")

    def __init__(self, value: float | None, digits: int = 2, *, percent: bool = False) -> None:
        object.__setattr__(self, "value", None if value is None else float(value))
        object.__setattr__(self, "digits", int(digits))
        object.__setattr__(self, "percent", bool(percent))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Num is immutable")

    def render(self, lang: str | None = None) -> str:
        lang = resolve_lang(lang)
        if self.percent:
            shown = format_number(None if self.value is None else 100 * self.value, self.digits, lang)
            return f"{shown} %" if lang == "sv" else f"{shown}%"
        return format_number(self.value, self.digits, lang)

    def to_dict(self) -> dict[str, Any]:
        return {"num": json_safe(self.value), "digits": self.digits, "percent": self.percent}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Num:
        return cls(data.get("num"), int(data.get("digits", 2)), percent=bool(data.get("percent")))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Num) and (other.value, other.digits, other.percent) == (
            self.value, self.digits, self.percent)

    def __hash__(self) -> int:
        return hash((self.value, self.digits, self.percent))

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Num({self.value!r}, {self.digits}, percent={self.percent})"

    def __reduce__(self):  # picklable despite the immutability guard
        return (_num, (self.value, self.digits, self.percent))


def _num(value: float | None, digits: int, percent: bool) -> Num:
    return Num(value, digits, percent=percent)


def is_num_dict(value: Any) -> bool:
    return isinstance(value, Mapping) and "num" in value and set(value) <= {"num", "digits", "percent"}


def _param_from_dict(value: Any) -> Any:
    if is_msg_dict(value):
        return Msg.from_dict(value)
    if is_num_dict(value):
        return Num.from_dict(value)
    if isinstance(value, list):
        return [_param_from_dict(v) for v in value]
    return value


class Msg:
    """A catalogue key and its parameters: a message that renders in any language when read."""

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params: Any) -> None:
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "params", dict(params))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Msg is immutable")

    def render(self, lang: str | None = None) -> str:
        """The text in ``lang`` (None: the session language)."""
        lang = resolve_lang(lang)
        return msg(self.key, lang, **{k: render(v, lang) for k, v in self.params.items()})

    def to_dict(self) -> dict[str, Any]:
        """``{"key": …, "params": {…}}`` with nested messages as dicts (JSON-safe)."""
        return {"key": self.key, "params": {k: (v.to_dict() if isinstance(v, (Msg, Num)) else json_safe(v))
                                            for k, v in self.params.items()}}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Msg:
        params = {k: _param_from_dict(v) for k, v in (data.get("params") or {}).items()}
        return cls(str(data["key"]), **params)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Msg) and other.key == self.key and other.params == self.params

    def __hash__(self) -> int:
        return hash((self.key, repr(sorted(self.params.items(), key=lambda kv: kv[0]))))

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Msg({self.key!r}, **{self.params!r})"

    def __reduce__(self):  # picklable despite the immutability guard
        return (_rebuild, (self.key, self.params))


def _rebuild(key: str, params: dict[str, Any]) -> Msg:
    return Msg(key, **params)


Text = Msg | str
"""What a result stores for a message: a :class:`Msg`, or a plain string shown as written."""


def is_msg_dict(value: Any) -> bool:
    return isinstance(value, Mapping) and set(value) == {"key", "params"} and isinstance(value.get("key"), str)


def render(value: Any, lang: str | None = None) -> Any:
    """A message (or a list of them) as text in ``lang``; anything else unchanged."""
    if isinstance(value, (Msg, Num)):
        return value.render(lang)
    if is_msg_dict(value) or is_num_dict(value):
        return _param_from_dict(value).render(lang)
    if isinstance(value, (list, tuple)):
        return type(value)(render(v, lang) for v in value)
    return value


def render_all(items: Iterable[Any], lang: str | None = None) -> tuple[str, ...]:
    """Each stored message of a sequence as text in ``lang`` (the session language if None)."""
    return tuple(str(render(i, lang)) for i in items)


def stored(items: Sequence[Any]) -> list[Any]:
    """Messages as ``to_dict()`` keeps them: dicts for :class:`Msg`, strings as they are."""
    return [i.to_dict() if isinstance(i, Msg) else str(i) for i in items]


def from_stored(items: Iterable[Any] | None) -> tuple[Text, ...]:
    """The inverse of :func:`stored`, for a saved payload."""
    return tuple(Msg.from_dict(i) if is_msg_dict(i) else str(i) for i in (items or ()))


def unique(items: Iterable[Any]) -> tuple[Text, ...]:
    """Drop empty entries and repeats (the same key and parameters), keep order."""
    seen: dict[Any, None] = {}
    for item in items:
        if item:
            seen.setdefault(item, None)
    return tuple(seen)


#: where a saved payload keeps the messages behind each rendered list
_STORED = {"warnings": "warning_msgs", "credibility_problems": "problem_msgs"}


def payload_texts(payload: Mapping[str, Any], name: str, lang: str | None = None) -> tuple[str, ...]:
    """A saved result's ``warnings`` or ``credibility_problems`` in ``lang``.

    Payloads written since messages became data carry the messages (``warning_msgs``,
    ``problem_msgs``) and render in any language; older payloads have only the text they were saved
    with, which is shown as written.
    """
    msgs = payload.get(_STORED[name])
    if msgs:
        return render_all(from_stored(msgs), lang)
    return tuple(str(t) for t in (payload.get(name) or ()))
