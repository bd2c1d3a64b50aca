"""The linear engine under every calculation: components (yearly flows) times uncertain factors.

Every cost or saving becomes a :class:`Component`: one budget holder, one item, an amount per
year *at factor values 1*, and the names of the :class:`Factor` s it is multiplied by (the effect
size, a unit cost, a cost level). A flow in year ``y`` is ``sign · base_y · Π factors``. Because
the calculation is linear in each factor, the point result, the Monte Carlo and the tornado use
the same matrices.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

COST, SAVING, REVENUE = "cost", "saving", "revenue"
FLOW_TYPES = (COST, SAVING, REVENUE)


@dataclass(frozen=True)
class Factor:
    """An uncertain multiplier: its point value and range.

    ``dist`` is ``"normal"`` (an effect: point ± its standard error ``std``), ``"pert"`` (a unit
    cost or cost level: PERT between ``low`` and ``high`` with mode ``point``) or ``"fixed"``.
    ``group`` says what kind of factor it is (``"effect"``, ``"unit_cost"``, ``"cost_level"``).
    """

    name: str
    label: str
    point: float
    low: float
    high: float
    dist: str = "fixed"
    std: float = 0.0
    group: str = "effect"


@dataclass(frozen=True)
class Component:
    """One item of one budget holder over the years, before multiplying by its factors."""

    item: str
    holder: str
    flow_type: str
    years: tuple[int, ...]
    base: tuple[float, ...]
    factors: tuple[str, ...] = ()

    @property
    def sign(self) -> float:
        return -1.0 if self.flow_type == COST else 1.0


@dataclass(frozen=True)
class Model:
    """Components, factors and the calculation's years, with the matrices the engine needs."""

    components: tuple[Component, ...]
    factors: tuple[Factor, ...]
    years: tuple[int, ...]

    def base_matrix(self) -> "np.ndarray":
        """(components × years) signed base amounts."""
        import numpy as np

        out = np.zeros((len(self.components), len(self.years)))
        pos = {y: j for j, y in enumerate(self.years)}
        for i, c in enumerate(self.components):
            for y, v in zip(c.years, c.base):
                out[i, pos[y]] += c.sign * v
        return out

    def multipliers(self, values: "np.ndarray") -> "np.ndarray":
        """(sims × components) products of factor values; ``values`` is (sims × factors)."""
        import numpy as np

        index = {f.name: j for j, f in enumerate(self.factors)}
        out = np.ones((values.shape[0], len(self.components)))
        for i, c in enumerate(self.components):
            for name in c.factors:
                out[:, i] *= values[:, index[name]]
        return out

    def point_values(self) -> "np.ndarray":
        import numpy as np

        return np.array([[f.point for f in self.factors]], dtype=float)

    def flows(self, values: "np.ndarray | None" = None) -> "pd.DataFrame":
        """Tidy point flows: year, holder, item, flow_type, amount (signed: costs negative)."""
        import pandas as pd

        vals = self.point_values() if values is None else values
        mult = self.multipliers(vals)[0]
        base = self.base_matrix()
        rows = []
        for i, c in enumerate(self.components):
            for j, y in enumerate(self.years):
                if base[i, j] != 0:
                    rows.append((y, c.holder, c.item, c.flow_type, base[i, j] * mult[i]))
        return pd.DataFrame(rows, columns=["year", "holder", "item", "flow_type", "amount"])

    def net_by_holder(self, values: "np.ndarray") -> "dict[str, np.ndarray]":
        """holder → (sims × years) net flows."""
        mult = self.multipliers(values)
        base = self.base_matrix()
        out: dict[str, "np.ndarray"] = {}
        for i, c in enumerate(self.components):
            contrib = mult[:, [i]] * base[[i], :]
            out[c.holder] = out[c.holder] + contrib if c.holder in out else contrib
        return out

    def net(self, values: "np.ndarray", holders: tuple[str, ...]) -> "np.ndarray":
        """(sims × years) net flows summed over ``holders``."""
        import numpy as np

        keep = np.array([c.holder in holders for c in self.components], dtype=float)
        mult = self.multipliers(values) * keep
        return mult @ self.base_matrix()
