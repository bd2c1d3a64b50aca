"""Charts as inline SVG, drawn offline with vl-convert (no script, no CDN, åäö intact)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any


def chart_svg(chart: Any) -> str | None:
    """SVG markup for an Altair chart or a Vega-Lite spec (dict); ``None`` for no chart."""
    if chart is None:
        return None
    import vl_convert as vlc

    spec = chart if isinstance(chart, Mapping) else chart.to_dict()
    svg = vlc.vegalite_to_svg(json.dumps(spec))
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else svg
