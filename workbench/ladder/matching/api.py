"""Step 4a: a matched comparison group by propensity-score matching (``wb.match``).

The front door only validates options and wires the parts together:
:mod:`matching_data` (inputs), :mod:`matching_score` (logistic propensity score),
:mod:`matching_methods` (the method registry), :mod:`matching_balance` (one balance engine),
:mod:`matching_effect_api` (the effect and its credibility), :mod:`matching_result`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.core.errors import InputError
from workbench.core.messages import resolve_lang
from workbench.core.options import Discard, Estimand, MatchDistance, MatchMethod, MatchOrder, check_option
from workbench.core.results import Provenance, collect_warnings
from workbench.core.text import Msg, Text
from workbench.core.validate import require_columns
from workbench.ladder.matching.data import prepare
from workbench.ladder.matching.methods import METHODS, MatchContext
from workbench.ladder.matching.result import MatchResult

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd



def _codes(df: "pd.DataFrame", columns: list[str]) -> "np.ndarray":
    return df.groupby(list(columns), sort=True, dropna=False).ngroup().to_numpy()


def _discard(d: "np.ndarray", t: "np.ndarray", option: str) -> "np.ndarray":
    import numpy as np

    if option == "none":
        return np.zeros(len(t), dtype=bool)
    lo0, hi0, lo1, hi1 = d[t == 0].min(), d[t == 0].max(), d[t == 1].min(), d[t == 1].max()
    if option == "both":
        return (d < max(lo0, lo1)) | (d > min(hi0, hi1))
    if option == "control":
        return (d < lo1) | (d > hi1)
    return (d < lo0) | (d > hi0)


def match(
    data: "pd.DataFrame",
    treatment: str,
    covariates: Any,
    *,
    method: MatchMethod = "nearest",
    distance: MatchDistance = "logit",
    ratio: int = 1,
    replace: bool = False,
    caliper: float | None = None,
    m_order: MatchOrder = "largest",
    subclasses: int = 6,
    estimand: Estimand = "ATT",
    exact: Any = None,
    discard: Discard = "none",
    drop_missing: bool = False,
    lang: str | None = None,
    propensity: Any = None,
    seed: int | None = None,
) -> MatchResult:
    """Build a matched comparison group, as R's ``MatchIt::matchit``.

    Parameters
    ----------
    data
        One row per person; not modified.
    treatment
        Column with 1 for participants and 0 for comparison units (ja/nej accepted).
    covariates
        Columns to balance on; text columns are factors (first level is the reference in the score).
    method
        ``nearest`` (greedy nearest neighbour), ``subclass`` (quantiles of the score), ``exact``
        (identical covariate values) or ``none`` (no matching; the "before" picture).
    distance
        ``logit``: logistic regression as ``glm(binomial)``; ``user``: scores given in ``propensity``.
    ratio, replace, caliper, m_order
        Controls per treated unit, reuse of controls, caliper in SDs of the score (SD over all
        non-discarded units, as MatchIt), matching order (``largest`` score first by default).
    subclasses
        Number of subclasses for ``method="subclass"``.
    estimand
        ``ATT`` (default), ``ATC``; ``ATE`` for ``subclass``/``exact``/``none``.
    exact
        Columns (e.g. district, sex) on which nearest-neighbour pairs must agree exactly.
    discard
        Common-support trimming on the score: ``none``, ``both``, ``control``, ``treated``.
    drop_missing
        Drop rows with missing covariates (the count is reported) instead of raising.
    propensity
        User-supplied scores: a column name or an array (implies ``distance="user"``).
    seed
        Seed for ``m_order="random"``.

    Returns
    -------
    MatchResult
        ``propensity``, ``weights`` (0 = not used) and ``subclass`` (pair/subclass id) as Series on
        the input index; ``balance()``, ``effect(outcome)``, ``chart()`` (love plot),
        ``overlap_chart()``.

    Notes
    -----
    The caliper is :math:`c \\cdot SD(\\hat p)` on the propensity-score scale. Matching weights:
    treated 1; a control gets :math:`\\sum 1/k_j` over the treated units :math:`j` it serves
    (:math:`k_j` their number of controls); subclass weights :math:`n_{1s}/n_{0s}`; then the
    positive weights of each group are scaled to sum to its number of matched units.
    """
    import numpy as np
    import pandas as pd

    lang = resolve_lang(lang)
    check_option("method", method, MatchMethod, lang=lang)
    check_option("distance", distance, MatchDistance, lang=lang)
    check_option("discard", discard, Discard, lang=lang)
    impl_cls = METHODS[method]
    # the options the method reads, with the checks it declares (methods.Method.options)
    impl_cls.check_options({"estimand": estimand, "ratio": ratio, "caliper": caliper, "m_order": m_order,
                            "subclasses": subclasses}, lang)
    exact_cols = [exact] if isinstance(exact, str) else list(exact or [])
    ps_col = propensity if isinstance(propensity, str) else None
    prep = prepare(data, treatment, covariates, extra_columns=tuple(exact_cols) + ((ps_col,) if ps_col else ()),
                   drop_missing=drop_missing, lang=lang)
    df, t = prep.data, prep.treat

    score = None
    if propensity is not None or distance == "user":
        if propensity is None:
            raise InputError("matching.propensity_invalid", lang=lang)
        if ps_col is not None:
            require_columns(data, [ps_col], lang=lang)
            score = pd.to_numeric(df[ps_col], errors="coerce").to_numpy(dtype=float)
        else:
            arr = np.asarray(propensity, dtype=float).ravel()
            if len(arr) != prep.n_input:
                raise InputError("matching.propensity_length", lang=lang, got=len(arr), n=prep.n_input)
            score = arr[data.index.get_indexer(df.index)] if len(df) != prep.n_input else arr
        if not np.all(np.isfinite(score)):
            raise InputError("matching.propensity_invalid", lang=lang)
    elif method != "exact":
        from workbench.ladder.matching.score import fit_logit

        score = fit_logit(prep.model_columns, t, prep.model_names, lang=lang).propensity

    impl = impl_cls()
    discarded = _discard(score, t, discard) if score is not None else np.zeros(len(t), dtype=bool)
    cal_abs = None
    if caliper is not None and score is not None:
        cal_abs = float(caliper) * float(np.std(score[~discarded], ddof=1))
    ctx = MatchContext(
        treat=t, distance=score, discarded=discarded, estimand=estimand, ratio=int(ratio),
        replace=bool(replace), caliper=cal_abs, m_order=m_order, subclasses=int(subclasses),
        exact_codes=_codes(df, exact_cols) if exact_cols and method == "nearest" else None,
        covariate_codes=_codes(df, [c.name for c in prep.covariates]) if method == "exact" else None,
        rng=np.random.default_rng(seed), lang=lang,
    )
    impl.check(ctx)
    out = impl.run(ctx)

    w = out.weights
    focal = (t == 1) if estimand != "ATC" else (t == 0)
    counts = {
        "treated": int((t == 1).sum()), "control": int((t == 0).sum()),
        "treated_matched": int(((t == 1) & (w > 0)).sum()), "control_matched": int(((t == 0) & (w > 0)).sum()),
        "treated_discarded": int(((t == 1) & out.discarded).sum()),
        "control_discarded": int(((t == 0) & out.discarded).sum()),
        "dropped_missing": prep.dropped_missing,
    }
    warns: list[Text] = [*prep.warnings, *out.warnings]
    n_drop = int((focal & (w == 0)).sum())
    if n_drop and estimand != "ATE":
        total = int(focal.sum())
        warns.append(Msg("matching.warn.dropped_treated", count=n_drop, total=total,
                         share=f"{100 * n_drop / total:.0f} %"))

    def on_input(values: "np.ndarray", fill: float) -> "pd.Series":
        s = pd.Series(values, index=df.index, dtype=float)
        return s.reindex(data.index, fill_value=fill) if len(df) != len(data) else s

    return MatchResult(
        provenance=Provenance(
            function="match",
            options={"method": method, "distance": "user" if propensity is not None else distance,
                     "ratio": ratio, "replace": replace, "caliper": caliper, "m_order": m_order,
                     "subclasses": subclasses, "estimand": estimand, "exact": exact_cols,
                     "discard": discard, "drop_missing": drop_missing, "seed": seed},
            columns={"treatment": treatment, "covariates": [c.name for c in prep.covariates]},
            n_rows=len(data),
        ),
        warning_msgs=collect_warnings(warns),
        # exact matching has no score: an all-missing Series keeps the promised type
        propensity=on_input(score if score is not None else np.full(len(df), np.nan), np.nan).rename("propensity"),
        weights=on_input(w, 0.0).rename("weights"),
        subclass=on_input(out.subclass, np.nan).rename("subclass"),
        discarded=on_input(out.discarded.astype(float), 0.0).astype(bool).rename("discarded"),
        treatment=treatment,
        covariates=tuple(c.name for c in prep.covariates),
        method=method,
        estimand=estimand,
        se_type=out.se_type,
        caliper=cal_abs,
        counts=counts,
        lang=lang,
        _prep=prep,
        _balance_weights=w,
    )
