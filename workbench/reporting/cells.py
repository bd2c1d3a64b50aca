"""One way to show a table cell as text, for the report and the staff app alike.

Swedish decimal comma in ``"sv"``, dates as ISO, missing values empty, tiny p-values as ``< 0,001``.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from workbench.core.results import format_number
from workbench.data.numbers import is_missing


def format_cell(value: Any, lang: str = "sv", digits: int | None = None, *, p_value: bool = False) -> str:
    """A cell as text: decimal comma in Swedish, dates as ISO, missing as empty.

    ``digits=None`` keeps up to ten significant digits (a preview shows the file's values);
    a number gives fixed decimals (summary tables); ``p_value`` shows tiny p-values as ``< 0,001``.
    """
    if is_missing(value):
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        text = value.isoformat()
        return text[:10] if text.endswith("T00:00:00") else text
    if isinstance(value, float) or type(value).__name__.startswith("float"):
        number = float(value)
        if math.isinf(number):
            return "∞" if number > 0 else "−∞"
        if p_value and 0 <= number < 0.001:
            return "< " + format_number(0.001, 3, lang)
        if digits is not None:
            return format_number(number, digits, lang)
        text = f"{number:.10g}"
        return text.replace(".", ",") if lang == "sv" else text
    return str(value)
