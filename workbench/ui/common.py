"""Shared pieces of the staff apps: safe button handlers, kind messages, headings, a busy indicator.

A Voilà app must never show a traceback: :func:`safe_handler` turns a ``WorkbenchError`` into its
Swedish message and anything else into a kind message with an error code, while the details go to
the server log (``workbench.ui`` logger) for the evaluator.
"""

from __future__ import annotations

import functools
import html
import logging
import uuid
from collections.abc import Callable
from typing import Any

import ipywidgets as w

from workbench.core.errors import WorkbenchError
from workbench.core.messages import msg

log = logging.getLogger("workbench.ui")


def message_html(text: str, kind: str = "info") -> str:
    """A message box; ``kind`` is info, ok, warning or error (colours with text labels, not colour alone)."""
    colours = {"info": ("#e8f0fe", "#1a4480"), "ok": ("#e7f4e4", "#1e5c1e"),
               "warning": ("#fff4d6", "#6b4700"), "error": ("#fde8e8", "#8a1c1c")}
    bg, fg = colours.get(kind, colours["info"])
    role = "alert" if kind == "error" else "status"
    return (f"<div role='{role}' class='wb-msg wb-msg-{kind}' style='background:{bg};color:{fg};"
            f"padding:0.6em 0.9em;border-radius:4px;border-left:5px solid {fg};font-size:1em;"
            f"max-width:60em'>{text}</div>")


def show_message(target: w.HTML, text: str, kind: str = "info") -> None:
    target.value = message_html(html.escape(text), kind)


def safe_handler(feedback: w.HTML, lang: str = "sv", busy: w.Widget | None = None) -> Callable:
    """Decorate a button handler: errors become kind messages in ``feedback``, never tracebacks."""

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if busy is not None:
                busy.layout.visibility = "visible"
            try:
                return func(*args, **kwargs)
            except WorkbenchError as err:
                show_message(feedback, err.message(lang), "error")
            except Exception:  # the app shows a kind message; the log keeps the details
                code = uuid.uuid4().hex[:8]
                log.exception("unexpected error in app handler (code %s)", code)
                show_message(feedback, msg("ui.error.unexpected", lang, code=code), "error")
            finally:
                if busy is not None:
                    busy.layout.visibility = "hidden"
            return None

        return wrapper

    return decorate


def busy_indicator(lang: str = "sv") -> w.HTML:
    """A small spinner with text, hidden until a handler runs."""
    spinner = (
        "<span class='wb-busy' role='status' aria-live='polite'>"
        "<span style='display:inline-block;width:0.9em;height:0.9em;border:2px solid #1a4480;"
        "border-right-color:transparent;border-radius:50%;animation:wbspin 0.8s linear infinite'></span> "
        f"{html.escape(msg('ui.working', lang))}"
        "<style>@keyframes wbspin{to{transform:rotate(360deg)}}</style></span>"
    )
    box = w.HTML(spinner)
    box.layout.visibility = "hidden"
    return box


def heading(text: str, level: int = 2) -> w.HTML:
    return w.HTML(f"<h{level} style='margin:0.6em 0 0.3em'>{html.escape(text)}</h{level}>")


def labelled(widget: w.Widget, label: str, css: str, *, width: str = "48em") -> w.Widget:
    """Give a widget its visible label (linked to the input) and a stable CSS hook for tests."""
    widget.description = label
    widget.style = {"description_width": "18em"}
    widget.layout = w.Layout(width=width)
    widget.add_class(css)
    if hasattr(widget, "continuous_update"):
        # send the value when the field is left (or Enter), so a click that follows always sees it
        widget.continuous_update = False
    return widget
