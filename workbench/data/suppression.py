"""Small-cell suppression with secondary suppression for published count tables.

The rule (also in :func:`suppress_small_cells`):

1. **Primary.** Every cell, margins included, with ``0 < count < min_count`` is hidden.
   Zeros are shown.
2. **Secondary.** The table's rows and columns are linear relations: each row adds up to its row
   total and each column to its column total. Totals printed in the table (a last row/column
   labelled ``Totalt``, ``Summa``, ``Total`` or ``All``) are cells of those relations; totals
   that are not printed are assumed to be known anyway (they usually are published elsewhere),
   except along a dimension of length one, where the "total" is the cell itself.
   A hidden cell can be recomputed exactly iff it is a *bridge* in the graph whose vertices are
   the relations and whose edges are the hidden cells (each cell joins its row and its column).
   While some hidden cell is a bridge, the cheapest path of further cells that closes a cycle
   through it is hidden too: cost = the count of each newly hidden cell, printed totals cost far
   more than inner cells (so margins are kept whenever possible) and only cells with a positive
   count are used, so every hidden cell lies on a cycle of positive cells and can move by ±1
   without breaking any total or going negative. Only when no such path exists are zero cells
   used, and then the result is verified by linear programming; a cell that still cannot be
   protected raises :class:`~workbench.core.errors.PrivacyError`.

The result: no hidden cell can be computed exactly from the published cells and totals.
"""

from __future__ import annotations

import heapq
from typing import TYPE_CHECKING, Any

from workbench.core.errors import ColumnTypeError, InputError, PrivacyError

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

TOTAL_LABELS = frozenset({"total", "totalt", "totals", "summa", "sum", "s:a", "all", "alla", "samtliga", "totalsumma"})
_MARGIN_COST = 1_000_000
_ZERO_COST = 1_000_000_000
PRIMARY, SECONDARY = 1, 2


def _counts(table: Any, lang: str | None) -> tuple["pd.DataFrame", "np.ndarray"]:
    import numpy as np
    import pandas as pd

    if isinstance(table, pd.Series):
        table = table.to_frame()
    if not isinstance(table, pd.DataFrame):
        raise InputError("data.counts_not_table", lang=lang, got=type(table).__name__)
    if table.shape[0] == 0 or table.shape[1] == 0:
        raise InputError("core.empty_table", lang=lang)
    values = np.zeros(table.shape, dtype=np.int64)
    for j, col in enumerate(table.columns):
        for i, (label, value) in enumerate(table[col].items()):
            ok = isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool)
            ok = ok and bool(np.isfinite(value)) and float(value) >= 0 and float(value).is_integer()
            if not ok:
                raise ColumnTypeError("data.counts_bad_value", lang=lang, row=label, column=col, value=value)
            values[i, j] = int(value)
    return table, values


def _is_total(label: Any) -> bool:
    return str(label).strip().lower() in TOTAL_LABELS


def _detect_margins(table: "pd.DataFrame", values: "np.ndarray", margins: bool | None, lang: str | None) -> tuple[bool, bool]:
    n_r, n_c = values.shape
    if margins is False:
        return False, False
    if margins is True:
        total_row, total_col = n_r >= 2, n_c >= 2
    else:
        total_row = n_r >= 2 and _is_total(table.index[-1])
        total_col = n_c >= 2 and _is_total(table.columns[-1])
    if total_row:
        expected = values[:-1].sum(axis=0)
        for j in range(n_c):
            if expected[j] != values[-1, j]:
                raise InputError(
                    "data.margins_inconsistent", lang=lang, label=table.index[-1],
                    where=f"'{table.index[-1]}' × '{table.columns[j]}'", expected=int(expected[j]),
                    found=int(values[-1, j]),
                )
    if total_col:
        expected = values[:, :-1].sum(axis=1)
        for i in range(n_r):
            if expected[i] != values[i, -1]:
                raise InputError(
                    "data.margins_inconsistent", lang=lang, label=table.columns[-1],
                    where=f"'{table.index[i]}' × '{table.columns[-1]}'", expected=int(expected[i]),
                    found=int(values[i, -1]),
                )
    return total_row, total_col


class _Graph:
    """Relations as vertices, cells as edges; ``G`` collects relations whose total is unknown."""

    def __init__(self, shape: tuple[int, int], total_row: bool, total_col: bool) -> None:
        n_r, n_c = shape
        rows_active = total_col or (n_c - total_col) >= 2
        cols_active = total_row or (n_r - total_row) >= 2
        self.shape = shape
        self.row_v = [f"r{i}" if rows_active else "G" for i in range(n_r)]
        self.col_v = [f"c{j}" if cols_active else "G" for j in range(n_c)]

    def ends(self, cell: tuple[int, int]) -> tuple[str, str]:
        return self.row_v[cell[0]], self.col_v[cell[1]]

    def bridges(self, hidden: set[tuple[int, int]]) -> list[tuple[int, int]]:
        """Hidden cells that lie on no cycle of hidden cells (Tarjan's bridge algorithm, iterative).

        Parallel edges (two cells joining the same pair of relations) form a cycle; a cell whose
        both ends are ``G`` is a self-loop and never a bridge.
        """
        cells = sorted(hidden)
        adjacency: dict[str, list[tuple[str, int]]] = {}
        for k, cell in enumerate(cells):
            u, w = self.ends(cell)
            if u == w:
                continue
            adjacency.setdefault(u, []).append((w, k))
            adjacency.setdefault(w, []).append((u, k))
        order: dict[str, int] = {}
        low: dict[str, int] = {}
        found: list[tuple[int, int]] = []
        for root in adjacency:
            if root in order:
                continue
            order[root] = low[root] = len(order)
            stack = [(root, -1, iter(adjacency[root]))]
            while stack:
                vertex, via, edges = stack[-1]
                advanced = False
                for nxt, k in edges:
                    if k == via:
                        continue
                    if nxt in order:
                        low[vertex] = min(low[vertex], order[nxt])
                    else:
                        order[nxt] = low[nxt] = len(order)
                        stack.append((nxt, k, iter(adjacency[nxt])))
                        advanced = True
                        break
                if advanced:
                    continue
                stack.pop()
                if stack:
                    parent = stack[-1][0]
                    low[parent] = min(low[parent], low[vertex])
                    if low[vertex] > order[parent]:
                        found.append(cells[via])
        return sorted(found)

    def cheapest_path(self, costs: dict[tuple[int, int], int], avoid: tuple[int, int]) -> list[tuple[int, int]] | None:
        """Cells of the cheapest path between the ends of ``avoid`` not using ``avoid`` itself."""
        start, goal = self.ends(avoid)
        adjacency: dict[str, list[tuple[str, tuple[int, int]]]] = {}
        for cell in costs:
            if cell == avoid:
                continue
            u, w = self.ends(cell)
            adjacency.setdefault(u, []).append((w, cell))
            adjacency.setdefault(w, []).append((u, cell))
        best: dict[str, int] = {start: 0}
        back: dict[str, tuple[str, tuple[int, int]]] = {}
        heap: list[tuple[int, str]] = [(0, start)]
        while heap:
            dist, vertex = heapq.heappop(heap)
            if vertex == goal:
                path, cur = [], goal
                while cur != start:
                    cur, cell = back[cur]
                    path.append(cell)
                return path
            if dist > best.get(vertex, dist):
                continue
            for nxt, cell in adjacency.get(vertex, ()):
                nd = dist + costs[cell]
                if nd < best.get(nxt, nd + 1):
                    best[nxt] = nd
                    back[nxt] = (vertex, cell)
                    heapq.heappush(heap, (nd, nxt))
        return None


def _relations(values: "np.ndarray", total_row: bool, total_col: bool, graph: _Graph) -> list[dict[tuple[int, int], int]]:
    """Each active relation as {cell: coefficient}; the sum of coefficient × count is constant."""
    n_r, n_c = values.shape
    out: list[dict[tuple[int, int], int]] = []
    if graph.row_v[0] != "G":
        for i in range(n_r):
            out.append({(i, j): (-1 if total_col and j == n_c - 1 else 1) for j in range(n_c)})
    if graph.col_v[0] != "G":
        for j in range(n_c):
            out.append({(i, j): (-1 if total_row and i == n_r - 1 else 1) for i in range(n_r)})
    return out


def determined_cells(values: "np.ndarray", hidden: set[tuple[int, int]], relations: list[dict[tuple[int, int], int]]) -> list[tuple[int, int]]:
    """Hidden cells whose value linear programming pins down exactly (counts ≥ 0)."""
    import numpy as np
    from scipy.optimize import linprog

    order = sorted(hidden)
    index = {c: k for k, c in enumerate(order)}
    rows, rhs = [], []
    for rel in relations:
        coeffs = np.zeros(len(order))
        const = 0.0
        for cell, a in rel.items():
            if cell in index:
                coeffs[index[cell]] = a
            const += a * values[cell]
        if coeffs.any():
            known = sum(a * values[c] for c, a in rel.items() if c not in index)
            rows.append(coeffs)
            rhs.append(const - known)
    if not rows:
        return []
    a_eq, b_eq = np.array(rows), np.array(rhs)
    pinned = []
    for k, cell in enumerate(order):
        c = np.zeros(len(order))
        c[k] = 1.0
        low = linprog(c, A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs")
        high = linprog(-c, A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs")
        if low.status == 0 and high.status == 0 and (-high.fun - low.fun) < 0.5:
            pinned.append(cell)
    return pinned


def _solve(table: "pd.DataFrame", values: "np.ndarray", min_count: int, margins: bool | None, lang: str | None) -> "np.ndarray":
    import numpy as np

    total_row, total_col = _detect_margins(table, values, margins, lang)
    n_r, n_c = values.shape
    graph = _Graph(values.shape, total_row, total_col)
    kinds = np.zeros(values.shape, dtype=np.int8)
    hidden = {(i, j) for i in range(n_r) for j in range(n_c) if 0 < values[i, j] < min_count}
    for cell in hidden:
        kinds[cell] = PRIMARY

    def cost(cell: tuple[int, int], allow_zero: bool) -> int | None:
        if cell in hidden:
            return 0
        value = int(values[cell])
        if value == 0 and not allow_zero:
            return None
        margin = (total_row and cell[0] == n_r - 1) or (total_col and cell[1] == n_c - 1)
        return value + (_MARGIN_COST if margin else 0) + (_ZERO_COST if value == 0 else 0)

    used_zero = False
    while bridges := graph.bridges(hidden):
        bridge = bridges[0]
        path = None
        for allow_zero in (False, True):
            costs = {}
            for cell in np.ndindex(values.shape):
                c = cost(cell, allow_zero)
                if c is not None:
                    costs[cell] = c
            path = graph.cheapest_path(costs, bridge)
            if path is not None:
                used_zero = used_zero or allow_zero
                break
        if path is None:
            raise PrivacyError("data.cannot_protect", lang=lang, row=table.index[bridge[0]], column=table.columns[bridge[1]])
        for cell in path:
            if cell not in hidden:
                hidden.add(cell)
                kinds[cell] = SECONDARY
    if used_zero:
        pinned = determined_cells(values, hidden, _relations(values, total_row, total_col, graph))
        if pinned:
            cell = pinned[0]
            raise PrivacyError("data.cannot_protect", lang=lang, row=table.index[cell[0]], column=table.columns[cell[1]])
    return kinds


def _check_min(min_count: Any, lang: str | None) -> int:
    from workbench.core.errors import OptionError

    if isinstance(min_count, bool) or not isinstance(min_count, int) or min_count < 1:
        raise OptionError("data.min_count", lang=lang, value=min_count)
    return min_count


def suppression_kinds(table: "pd.DataFrame", *, min_count: int = 5, margins: bool | None = None, lang: str | None = None) -> "pd.DataFrame":
    """Per cell: ``""`` (shown), ``"primary"`` (small count) or ``"secondary"`` (hidden to protect another)."""
    import pandas as pd

    min_count = _check_min(min_count, lang)
    frame, values = _counts(table, lang)
    kinds = _solve(frame, values, min_count, margins, lang)
    names = {0: "", PRIMARY: "primary", SECONDARY: "secondary"}
    return pd.DataFrame(
        [[names[int(k)] for k in row] for row in kinds], index=frame.index, columns=frame.columns, dtype="str"
    )


def suppression_mask(table: "pd.DataFrame", *, min_count: int = 5, margins: bool | None = None, lang: str | None = None) -> "pd.DataFrame":
    """Boolean table: True where :func:`suppress_small_cells` hides the cell."""
    return suppression_kinds(table, min_count=min_count, margins=margins, lang=lang) != ""


def suppress_small_cells(table: "pd.DataFrame", *, min_count: int = 5, margins: bool | None = None, lang: str | None = None) -> "pd.DataFrame":
    """Hide small counts, and enough other cells that no hidden count can be recomputed.

    Parameters
    ----------
    table
        Counts (integers ≥ 0), e.g. from ``pd.crosstab(..., margins=True)``; a Series is a
        one-column table.
    min_count
        Counts ``0 < n < min_count`` are hidden (default 5).
    margins
        ``None`` (default): a last row/column labelled ``Totalt``, ``Summa``, ``Total``, ``All`` …
        holds totals; ``True``: the last row and column are totals; ``False``: no totals in the
        table. Printed totals must add up.
    lang
        Language of error messages.

    Returns
    -------
    DataFrame
        The same shape with nullable integers (``Int64``); hidden cells are ``<NA>``. Use
        :func:`suppression_kinds` to see which were primary and which secondary.

    Notes
    -----
    Primary suppression hides every cell :math:`0 < n_{ij} < m`. Secondary suppression treats
    rows and columns as relations :math:`\\sum_j n_{ij} = n_{i+}` and :math:`\\sum_i n_{ij} = n_{+j}`
    and hides further cells until every hidden cell lies on a cycle of hidden cells with positive
    counts in the row–column graph; then adding :math:`\\pm 1` alternately around the cycle keeps
    every total, so no hidden cell is determined by the published numbers (see the module
    docstring for the full rule and the choice of cells).
    """
    import pandas as pd

    min_count = _check_min(min_count, lang)
    frame, values = _counts(table, lang)
    kinds = _solve(frame, values, min_count, margins, lang)
    out = pd.DataFrame(values, index=frame.index, columns=frame.columns).astype("Int64")
    return out.mask(pd.DataFrame(kinds != 0, index=frame.index, columns=frame.columns))
