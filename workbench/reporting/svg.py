"""Charts as inline SVG, drawn offline with vl-convert (no script, no CDN, åäö intact)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any


LOCALES = {"sv": "sv-SE", "en": "en-US"}


def chart_svg(chart: Any, lang: str = "sv") -> str | None:
    """SVG markup for an Altair chart or a Vega-Lite spec (dict); ``None`` for no chart.

    Numbers and dates on the axes follow ``lang``: Swedish decimal comma in ``"sv"``.
    """
    if chart is None:
        return None
    import vl_convert as vlc

    spec = chart if isinstance(chart, Mapping) else chart.to_dict()
    locale = LOCALES.get(lang, "sv-SE")
    svg = vlc.vegalite_to_svg(json.dumps(spec), format_locale=locale, time_format_locale=locale)
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else svg
