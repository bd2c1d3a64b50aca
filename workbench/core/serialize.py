"""JSON-safe values: what ``to_dict()`` of every result and message is built from."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import math
from collections.abc import Mapping
from typing import Any


def json_safe(value: Any) -> Any:
    """Convert numpy/pandas scalars, tuples, dataclasses, DataFrames and NaN to JSON-safe values.

    NaN and infinities become ``None`` (JSON has no NaN).
    """
    if value is None or isinstance(value, (bool, str)):
        return value
    if callable(getattr(value, "render", None)) and callable(getattr(value, "to_dict", None)):
        return value.to_dict()  # a message or number kept as data (core.text.Msg / Num), rendered when read
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if hasattr(value, "to_dict"):
            return value.to_dict()
        return {f.name: json_safe(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [json_safe(v) for v in value]
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    type_name = type(value).__module__
    if type_name.startswith("numpy"):
        import numpy as np

        if isinstance(value, np.ndarray):
            return [json_safe(v) for v in value.tolist()]
        if isinstance(value, np.bool_):
            return bool(value)
        if isinstance(value, np.integer):
            return int(value)
        if isinstance(value, np.floating):
            return json_safe(float(value))
    if type_name.startswith("pandas"):
        import pandas as pd

        if isinstance(value, pd.DataFrame):
            plain_index = isinstance(value.index, pd.RangeIndex) and value.index.name is None
            frame = value if plain_index else value.reset_index()
            return [json_safe(r) for r in frame.to_dict(orient="records")]
        if isinstance(value, pd.Series):
            return {str(k): json_safe(v) for k, v in value.items()}
        if isinstance(value, pd.Timestamp):
            return value.isoformat()
        if value is pd.NA or value is pd.NaT:
            return None
    return str(value)
