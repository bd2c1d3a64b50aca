"""The one message catalogue: every user-facing error and warning text, in Swedish and English.

Each room keeps its entries in a sibling module (``core.py``, ``data.py``, ``prepost.py`` …) as a
dict ``MESSAGES = {key: {"sv": template, "en": template}}``; this package merges every module in it into one
catalogue and renders a key with :func:`msg`. Templates use ``str.format`` fields, so a message can
name the column, row or value it is about.

Keys are namespaced by room (``"data.column_missing"``) so two rooms never collide; a duplicate key
is an import-time error, caught by the test suite.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any, Literal

Lang = Literal["sv", "en"]
LANGUAGES: tuple[str, ...] = ("sv", "en")


_state: dict[str, str] = {"lang": "sv"}
_catalogue: dict[str, dict[str, str]] | None = None


def _load() -> dict[str, dict[str, str]]:
    global _catalogue
    if _catalogue is None:
        merged: dict[str, dict[str, str]] = {}
        for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
            room = info.name
            module = importlib.import_module(f"{__name__}.{room}")
            for key, texts in module.MESSAGES.items():
                if key in merged:
                    raise RuntimeError(f"duplicate message key {key!r} in room {room!r}")
                missing = [lang for lang in LANGUAGES if lang not in texts]
                if missing:
                    raise RuntimeError(f"message {key!r} lacks languages {missing}")
                merged[key] = texts
        _catalogue = merged
    return _catalogue


def catalogue() -> dict[str, dict[str, str]]:
    """Return the merged catalogue (key -> {lang -> template})."""
    return dict(_load())


def get_language() -> str:
    """The session's default language for messages (``"sv"`` unless changed)."""
    return _state["lang"]


def set_language(lang: str) -> None:
    """Set the session's default language for messages and explanations (``"sv"`` or ``"en"``)."""
    if lang not in LANGUAGES:
        raise ValueError(
            f"Okänt språk {lang!r}; välj 'sv' eller 'en'. / Unknown language {lang!r}; use 'sv' or 'en'."
        )
    _state["lang"] = lang


def resolve_lang(lang: str | None) -> str:
    """``lang`` if given and known, otherwise the session default."""
    if lang is None:
        return _state["lang"]
    if lang not in LANGUAGES:
        raise ValueError(
            f"Okänt språk {lang!r}; välj 'sv' eller 'en'. / Unknown language {lang!r}; use 'sv' or 'en'."
        )
    return lang


def _fmt_value(value: Any, lang: str) -> Any:
    if callable(getattr(value, "render", None)):  # a message (core.text.Msg) rendered in the same language
        return value.render(lang)
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [str(_fmt_value(v, lang)) for v in value]
        if len(items) > 12:
            more = len(items) - 12
            items = items[:12] + [f"… (+{more} {'till' if lang == 'sv' else 'more'})"]
        return ", ".join(f"'{v}'" for v in items)
    return value


def msg(key: str, lang: str | None = None, /, **params: Any) -> str:
    """Render message ``key`` in ``lang`` with ``params`` filled in.

    Lists and tuples are shown as quoted, comma-separated items (at most 12).
    """
    lang = resolve_lang(lang)
    texts = _load().get(key)
    if texts is None:
        raise KeyError(f"no message {key!r} in the catalogue")
    shown = {k: _fmt_value(v, lang) for k, v in params.items()}
    return texts[lang].format(**shown)
