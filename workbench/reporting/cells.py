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


# Column names of result summaries (English identifiers in code) as staff read them.
COLUMN_LABELS: dict[str, tuple[str, str]] = {
    "measure": ("mått", "measure"), "label": ("beskrivning", "description"), "share": ("andel", "share"),
    "value": ("värde", "value"), "estimate": ("skattning", "estimate"), "std_error": ("standardfel", "std. error"),
    "ci_low": ("KI nedre", "CI lower"), "ci_high": ("KI övre", "CI upper"), "p_value": ("p-värde", "p-value"),
    "statistic": ("teststorhet", "statistic"), "df": ("frihetsgrader", "df"), "method": ("metod", "method"),
    "se_type": ("standardfelstyp", "SE type"), "estimand": ("skattat mått", "estimand"),
    "quantity": ("storhet", "quantity"), "group": ("grupp", "group"), "arm": ("grupp", "arm"),
    "mean": ("medelvärde", "mean"), "sd": ("standardavvikelse", "sd"), "indicator": ("indikator", "indicator"),
    "kind": ("typ", "kind"), "before": ("före", "before"), "after": ("efter", "after"),
    "change": ("förändring", "change"), "n_pairs": ("antal par", "pairs"), "n_lost": ("bortfall", "lost"),
    "attrition": ("bortfallsandel", "attrition"), "mean_before": ("medel före", "mean before"),
    "mean_after": ("medel efter", "mean after"), "stage": ("steg", "stage"), "year": ("år", "year"),
}


def column_label(column: Any, lang: str = "sv") -> str:
    """A summary column's name in ``lang`` (unknown names are shown as written)."""
    pair = COLUMN_LABELS.get(str(column))
    return (pair[0] if lang == "sv" else pair[1]) if pair else str(column)


# A code column and the column that says the same in words: staff and decision makers read the words
# (the code stays in ``to_dict()`` and ``summary()`` for programs).
CODE_COLUMNS: dict[str, str] = {"measure": "label"}


def readable_columns(frame: Any) -> Any:
    """The table as people read it: a code column gives way to its label column, under the code's name.

    E.g. the rung-2 summary's ``measure`` (``flow.target_group``) is replaced by its ``label``
    (``Målgrupp``), shown under the heading "mått". Tables without such a pair come back unchanged.
    """
    out = frame
    for code, label in CODE_COLUMNS.items():
        if code in out.columns and label in out.columns:
            out = out.drop(columns=[code]).rename(columns={label: code})
            cols = list(out.columns)
            cols.remove(code)
            out = out[[code, *cols]]
    return out
