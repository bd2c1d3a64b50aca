"""Matching methods: small classes in one registry (``METHODS``), each turning a context into
weights, subclass (pair) membership and the SE rule MatchIt's effect vignette recommends.

``none`` (no matching) goes through the same path, so balance before and after is computed by one
engine. Weights follow MatchIt: pair matching without replacement takes weights from the pairs as
subclasses, with replacement from the match matrix, subclassification and exact matching from the
subclasses (ATT: treated 1, controls n1_s / n0_s; ATE: 1 + the other group's ratio); finally the
positive weights of each group are scaled to sum to that group's number of matched units.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from workbench.core.errors import DesignError, OptionError
from workbench.core.messages import msg, resolve_lang
from workbench.core.options import Estimand, MatchOrder, check_number, check_option
from workbench.core.text import Msg
from workbench.ladder.matching.nearest import nearest_match

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np


@dataclass
class MatchContext:
    """Everything a method needs; ``focal`` is 1 for the units whose effect is estimated (ATT: treated)."""

    treat: "np.ndarray"
    distance: "np.ndarray | None"
    discarded: "np.ndarray"
    estimand: str
    ratio: int = 1
    replace: bool = False
    caliper: float | None = None  # absolute, on the distance scale
    m_order: str = "largest"
    subclasses: int = 6
    exact_codes: "np.ndarray | None" = None
    covariate_codes: "np.ndarray | None" = None
    rng: Any = None
    lang: str | None = None


@dataclass
class MethodOutput:
    weights: "np.ndarray"
    subclass: "np.ndarray"  # float with NaN for units in no pair/subclass
    discarded: "np.ndarray"
    se_type: str  # "cluster" (pairs) or "HC3"
    warnings: list[Msg] = field(default_factory=list)
    n_subclasses: int | None = None


def sum_to_n(weights: "np.ndarray", treat: "np.ndarray") -> "np.ndarray":
    """MatchIt's normalization: positive weights of each group sum to that group's count."""
    w = weights.astype(float).copy()
    for g in (0.0, 1.0):
        idx = (treat == g) & (w > 0)
        if idx.any():
            w[idx] = idx.sum() * w[idx] / w[idx].sum()
    return w


def weights_from_subclass(subclass: "np.ndarray", treat: "np.ndarray", estimand: str, lang: str | None) -> "np.ndarray":
    import numpy as np

    has = ~np.isnan(subclass)
    i1, i0 = has & (treat == 1), has & (treat == 0)
    if not i1.any() or not i0.any():
        raise DesignError("matching.no_matches", lang=lang, what=msg("matching.what.group", resolve_lang(lang)))
    codes = subclass.copy()
    codes[~has] = 0
    codes = codes.astype(np.int64)
    size = int(codes.max()) + 1
    n1 = np.bincount(codes[i1], minlength=size).astype(float)
    n0 = np.bincount(codes[i0], minlength=size).astype(float)
    w = np.zeros(len(treat))
    with np.errstate(divide="ignore", invalid="ignore"):
        if estimand == "ATT":
            w[i1] = 1.0
            w[i0] = (n1 / n0)[codes[i0]]
        elif estimand == "ATC":
            w[i1] = (n0 / n1)[codes[i1]]
            w[i0] = 1.0
        else:
            w[i1] = 1.0 + (n0 / n1)[codes[i1]]
            w[i0] = 1.0 + (n1 / n0)[codes[i0]]
    return np.nan_to_num(w, nan=0.0, posinf=0.0)


@dataclass(frozen=True)
class Rule:
    """How one option is checked: a ``Literal`` set of values, or a number with bounds.

    ``optional`` lets ``None`` through (e.g. no caliper).
    """

    choices: Any = None
    low: float | None = None
    low_open: bool = False
    integer: bool = False
    optional: bool = False

    def check(self, name: str, value: Any, lang: str | None) -> None:
        if value is None and self.optional:
            return
        if self.choices is not None:
            check_option(name, value, self.choices, lang=lang)
        else:
            check_number(name, value, low=self.low, low_open=self.low_open, integer=self.integer, lang=lang)


class Method(ABC):
    """Base: a name, the estimands it can target, the options it reads and :meth:`run`.

    ``options`` maps each method-specific option of :func:`wb.match` that the method reads to its
    :class:`Rule`; the front door checks exactly those (and the options every method shares).
    """

    name: ClassVar[str] = ""
    estimands: ClassVar[tuple[str, ...]] = ("ATT", "ATC", "ATE")
    needs_score: ClassVar[bool] = False
    options: ClassVar[dict[str, Rule]] = {}

    @classmethod
    def check_options(cls, values: dict[str, Any], lang: str | None) -> None:
        """Check the options this method reads (``values``: every option as given)."""
        check_option("estimand", values["estimand"], Estimand, lang=lang)
        if values["estimand"] not in cls.estimands:
            raise OptionError("matching.estimand_not_allowed", lang=lang, method=cls.name,
                              estimand=values["estimand"], allowed=list(cls.estimands))
        for name, rule in cls.options.items():
            rule.check(name, values[name], lang)

    def check(self, ctx: MatchContext) -> None:
        if ctx.estimand not in self.estimands:
            raise OptionError("matching.estimand_not_allowed", lang=ctx.lang, method=self.name,
                              estimand=ctx.estimand, allowed=list(self.estimands))
        if self.needs_score and ctx.distance is None:
            raise OptionError("matching.needs_score", lang=ctx.lang, method=self.name)

    @abstractmethod
    def run(self, ctx: MatchContext) -> MethodOutput:
        """Weights, subclasses and the SE rule for this method."""


class NoMatching(Method):
    """Every (non-discarded) unit with weight 1: the 'before' picture through the same engine."""

    name = "none"

    def run(self, ctx: MatchContext) -> MethodOutput:
        import numpy as np

        w = (~ctx.discarded).astype(float)
        return MethodOutput(w, np.full(len(w), np.nan), ctx.discarded.copy(), "HC3")


class Nearest(Method):
    """Greedy nearest neighbour on the propensity score (ratio, replacement, caliper, exact)."""

    name = "nearest"
    estimands = ("ATT", "ATC")
    needs_score = True
    options = {
        "ratio": Rule(low=1, integer=True),
        "caliper": Rule(low=0, low_open=True, optional=True),
        "m_order": Rule(choices=MatchOrder),
    }

    def run(self, ctx: MatchContext) -> MethodOutput:
        import numpy as np

        focal = (ctx.treat == 1) if ctx.estimand == "ATT" else (ctx.treat == 0)
        discarded = ctx.discarded.copy()
        warnings: list[Msg] = []
        if ctx.exact_codes is not None:
            both = set(ctx.exact_codes[focal].tolist()) & set(ctx.exact_codes[~focal].tolist())
            if not both:
                raise DesignError("matching.no_matches", lang=ctx.lang, what=msg("matching.what.exact", resolve_lang(ctx.lang)))
            discarded |= ~np.isin(ctx.exact_codes, list(both))
        if not ctx.replace:
            codes = ctx.exact_codes if ctx.exact_codes is not None else np.zeros(len(focal), dtype=np.int64)
            for s in np.unique(codes):
                in_s = codes == s
                if ctx.ratio * (in_s & ~focal).sum() < (in_s & focal).sum():
                    warnings.append(Msg("matching.warn.fewer_controls", where=""))
                    break
        mm = nearest_match(ctx.distance, focal, ~discarded, ratio=ctx.ratio, replace=ctx.replace,
                           caliper=ctx.caliper, m_order=ctx.m_order, strata=ctx.exact_codes, rng=ctx.rng)
        focal_idx = np.flatnonzero(focal)
        n = len(focal)
        sub = np.full(n, np.nan)
        if ctx.replace:
            w = np.zeros(n)
            k = (mm >= 0).sum(axis=1)
            rows = np.flatnonzero(k > 0)
            w[focal_idx[rows]] += 1.0
            for j in range(mm.shape[1]):
                ok = mm[rows, j] >= 0
                np.add.at(w, mm[rows[ok], j], 1.0 / k[rows[ok]])
            se = "HC3"
        else:
            rows = np.flatnonzero(mm[:, 0] >= 0)
            ids = np.arange(1, len(rows) + 1, dtype=float)
            sub[focal_idx[rows]] = ids
            for j in range(mm.shape[1]):
                ok = mm[rows, j] >= 0
                sub[mm[rows[ok], j]] = ids[ok]
            if len(rows) == 0:
                raise DesignError("matching.no_matches", lang=ctx.lang, what=msg("matching.what.caliper", resolve_lang(ctx.lang)))
            w = weights_from_subclass(sub, focal.astype(float), "ATT", ctx.lang)
            se = "cluster"
        if not (w[focal] > 0).any():
            raise DesignError("matching.no_matches", lang=ctx.lang, what=msg("matching.what.caliper", resolve_lang(ctx.lang)))
        return MethodOutput(sum_to_n(w, ctx.treat), sub, discarded, se, warnings)


class Subclass(Method):
    """Subclassification on quantiles of the score (of the treated for ATT, as MatchIt)."""

    name = "subclass"
    needs_score = True
    options = {"subclasses": Rule(low=2, integer=True)}

    def run(self, ctx: MatchContext) -> MethodOutput:
        import numpy as np

        d, t, keep = ctx.distance, ctx.treat, ~ctx.discarded
        probs = np.linspace(0, 1, int(round(ctx.subclasses)) + 1)
        base = {"ATT": d[t == 1], "ATC": d[t == 0]}.get(ctx.estimand, d)
        qu = np.quantile(base, probs)  # R's type 7
        cls = np.searchsorted(qu, d[keep], side="right")
        cls = np.clip(cls, 1, len(qu) - 1)
        warnings: list[Msg] = []
        if len(np.unique(cls)) < ctx.subclasses:
            warnings.append(Msg("matching.warn.fewer_subclasses", subclasses=ctx.subclasses))
        cls = scoot(cls, t[keep], d[keep], ctx.subclasses, ctx.lang)
        _, cls = np.unique(cls, return_inverse=True)
        sub = np.full(len(t), np.nan)
        sub[keep] = cls + 1.0
        w = weights_from_subclass(sub, t, ctx.estimand, ctx.lang)
        return MethodOutput(sum_to_n(w, t), sub, ctx.discarded.copy(), "HC3", warnings, int(np.nanmax(sub)))


def scoot(sub: "np.ndarray", treat: "np.ndarray", x: "np.ndarray", requested: int, lang: str | None) -> "np.ndarray":
    """MatchIt's ``subclass_scoot``: move nearest units into subclasses that lack a group."""
    import numpy as np

    labels, codes = np.unique(sub, return_inverse=True)
    nsub = len(labels)
    if np.bincount(codes[treat == 1], minlength=nsub).min() >= 1 and np.bincount(
            codes[treat == 0], minlength=nsub).min() >= 1:
        return sub
    for g in (1.0, 0.0):
        if (treat == g).sum() < nsub:
            raise DesignError("matching.too_few_subclass", lang=lang, subclasses=requested)
    codes = codes.copy()
    for g in dict.fromkeys(treat.tolist()):
        indt = np.flatnonzero(treat == g)
        tab = np.bincount(codes[indt], minlength=nsub).astype(float)
        while tab.min() <= 0:
            s = int(np.flatnonzero(tab == 0)[0])
            if s == nsub - 1:
                left = True
            elif s == 0:
                left = False
            else:
                score = sum((tab[s2] - 1) / (s2 - s) for s2 in range(nsub) if tab[s2] > 1 and s2 != s)
                left = score <= 0
            rng = range(s - 1, -1, -1) if left else range(s + 1, nsub)
            s2 = next(k for k in rng if tab[k] > 0)
            members = indt[codes[indt] == s2]
            xs = x[members]
            # the last unit with the largest (left) or smallest (right) value, as MatchIt's loop
            target = xs.max() if left else xs.min()
            best = members[np.flatnonzero(xs == target)[-1]]
            codes[best] = s
            tab[s] += 1
            tab[s2] -= 1
    return labels[codes]


class Exact(Method):
    """Exact matching: a subclass per combination of covariate values present in both groups."""

    name = "exact"

    def run(self, ctx: MatchContext) -> MethodOutput:
        import numpy as np

        xx, t = ctx.covariate_codes, ctx.treat
        keep = ~ctx.discarded
        groups = list(dict.fromkeys(t.tolist()))
        cc = list(dict.fromkeys(xx[(t == groups[0]) & keep].tolist()))
        other = set(xx[(t == groups[1]) & keep].tolist())
        cc = [c for c in cc if c in other]
        if not cc:
            raise DesignError("matching.no_matches", lang=ctx.lang, what=msg("matching.what.exact", resolve_lang(ctx.lang)))
        number = {c: i + 1.0 for i, c in enumerate(cc)}
        sub = np.array([number.get(c, np.nan) for c in xx.tolist()])
        sub[~keep] = np.nan
        w = weights_from_subclass(sub, t, ctx.estimand, ctx.lang)
        return MethodOutput(sum_to_n(w, t), sub, ctx.discarded.copy(), "HC3", [], len(cc))


METHODS: dict[str, type[Method]] = {m.name: m for m in (NoMatching, Nearest, Subclass, Exact)}
