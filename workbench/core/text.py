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

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from workbench.core.messages import msg, resolve_lang
from workbench.core.serialize import json_safe


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
        return {"key": self.key, "params": {k: (v.to_dict() if isinstance(v, Msg) else json_safe(v))
                                            for k, v in self.params.items()}}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Msg:
        params = {k: (cls.from_dict(v) if is_msg_dict(v) else v) for k, v in (data.get("params") or {}).items()}
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
    if isinstance(value, Msg):
        return value.render(lang)
    if is_msg_dict(value):
        return Msg.from_dict(value).render(lang)
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
