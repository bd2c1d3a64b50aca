""""Vår kommun mot jämförbara kommuner": a rung-4 comparison built from Kolada's open key figures.

Pick a KPI, the municipality that started the intervention and the start year. The panel comes
from Kolada for a comparison pool — all municipalities, the same county (the first two digits of
the municipality code), Kolada/RKA's "Liknande kommuner …" groups for that municipality, or the
municipalities closest in population — and is analysed with ``wb.synthetic_control``
(placebo-in-space inference) and ``wb.did`` (two-way fixed effects), with the warnings yearly
open data call for: few pre-years, one value per year, values Kolada flags with a status.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from workbench.core.errors import InputError
from workbench.core.messages import msg, resolve_lang
from workbench.core.results import Estimate, Provenance, Result, collect_warnings
from workbench.core.text import Msg, Text, render
from workbench.comparisons.areas import analyse
from workbench.opendata import kolada_data, kolada_municipalities, kolada_municipality_groups
from workbench.opendata.http import Transport

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt
    import pandas as pd


@dataclass(frozen=True)
class Pool:
    """One comparison pool: a key, a label in the user's language, and the member ids.

    ``label`` is rendered in the language :func:`comparison_pools` was asked for (for a menu);
    ``label_msg`` is the same label as a message, which a result keeps to show it in the reader's
    language (``None``: the label is shown as written, e.g. an own list of ids).
    """

    key: str
    label: str
    members: tuple[str, ...]
    label_msg: Text | None = None

    def label_in(self, lang: str | None = None) -> str:
        """The label in ``lang`` (None: the session language)."""
        return self.label if self.label_msg is None else str(render(self.label_msg, resolve_lang(lang)))

    @property
    def message(self) -> Text:
        """What a result stores: the label as a message, or the label text."""
        return self.label if self.label_msg is None else self.label_msg


def _pool(key: str, members: tuple[str, ...], label: Msg, lang: str) -> Pool:
    return Pool(key, label.render(lang), members, label)


def comparison_pools(municipality: str, municipalities: "pd.DataFrame", groups: "pd.DataFrame | None" = None, *,
                     population: Mapping[str, float] | None = None, n_similar: int = 20,
                     lang: str | None = None) -> dict[str, Pool]:
    """The comparison pools on offer for ``municipality`` (a four-digit Kolada id).

    Parameters
    ----------
    municipality
        The municipality that started the intervention.
    municipalities
        ``wb.opendata.kolada_municipalities()`` (``id, title, type``).
    groups
        ``wb.opendata.kolada_municipality_groups()``; gives the "Liknande kommuner …" pools and the
        municipality's group in SKR's kommungruppsindelning (``skr_kommungrupp``).
    population
        ``{municipality id: inhabitants}``; gives the similar-size pool (the ``n_similar``
        municipalities closest in :math:`\\log` population).

    Returns
    -------
    dict
        ``key -> Pool``; keys ``alla``, ``samma_lan``, ``liknande_<område>`` (e.g. ``liknande_socioekonomi``),
        ``skr_kommungrupp``, ``storlek``.
    """
    lang = resolve_lang(lang)
    kommuner = municipalities[(municipalities["type"] == "K") & (municipalities["id"] != "0000")]
    ids = [str(i) for i in kommuner["id"]]
    if municipality not in ids:
        raise InputError("comparisons.not_municipality", lang=lang, id=municipality)
    others = tuple(i for i in ids if i != municipality)
    county = municipality[:2]
    region = municipalities.loc[municipalities["id"] == f"00{county}", "title"]
    county_name = str(region.iloc[0]) if len(region) else county
    pools = {
        "alla": _pool("alla", others, Msg("comparisons.pool.alla"), lang),
        "samma_lan": _pool("samma_lan", tuple(i for i in others if i[:2] == county),
                           Msg("comparisons.pool.samma_lan", county=county_name), lang),
    }
    name = kommuner.loc[kommuner["id"] == municipality, "title"].item()
    if groups is not None:
        for _, g in groups.iterrows():
            title = str(g["title"])
            head, sep, _ = title.partition(f", {name},")
            if title.startswith("Liknande kommuner") and sep:
                key = "liknande_" + _slug(head[len("Liknande kommuner"):]) if head != "Liknande kommuner" else "liknande"
                members = tuple(m for m in g["members"] if m in others)
                pools[key] = _pool(key, members, Msg("comparisons.pool.liknande", title=title), lang)
            elif title.startswith(SKR_GROUP_PREFIXES) and municipality in g["members"]:
                members = tuple(m for m in g["members"] if m in others)
                pools["skr_kommungrupp"] = _pool("skr_kommungrupp", members, Msg(
                    "comparisons.pool.skr", title=title.replace(" (ovägt medel)", "")), lang)
    if population:
        if municipality in population:
            own = math.log(max(float(population[municipality]), 1.0))
            ranked = sorted((abs(math.log(max(float(population[i]), 1.0)) - own), i) for i in others if i in population)
            members = tuple(sorted(i for _, i in ranked[:n_similar]))
            pools["storlek"] = _pool("storlek", members, Msg("comparisons.pool.storlek", n=len(members)), lang)
    return pools


# SKR's kommungruppsindelning (2017) as Kolada titles its groups, e.g. "Pendlingskommun nära mindre tätort (ovägt medel)"
SKR_GROUP_PREFIXES = ("Storstäder", "Pendlingskommun nära", "Större städer", "Lågpendlingskommun", "Mindre städer",
                      "Landsbygdskommun")


def _slug(text: str) -> str:
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o", " ": "_", "-": "_", ",": ""})
    return "_".join(p for p in text.strip(" ,").lower().translate(table).split("_") if p) or "ovrigt"


@dataclass(frozen=True, kw_only=True)
class MunicipalityComparison(Result):
    """A municipality against a comparison pool on one Kolada KPI: synthetic control and DiD.

    Its warnings (its own and both analyses'), credibility problems (the synthetic control's), the
    pool's label (:attr:`pool`; kept as the message ``pool_msg``), explanation and chart render in the
    reader's language when read; ``lang`` is only the language it was made in.
    """

    kind: ClassVar[str] = "municipality_comparison"
    rung: ClassVar[int] = 4
    _dict_exclude: ClassVar[tuple[str, ...]] = ("panel", "synthetic", "did")

    kpi: str
    kpi_title: str
    municipality_id: str
    municipality: str
    start: int
    pool_msg: Text
    pool_members: tuple[str, ...]
    panel: "pd.DataFrame"
    synthetic: Any
    did: Any
    estimate: Estimate
    credible: bool
    sources: tuple[Mapping[str, Any], ...] = ()
    lang: str = "sv"

    def summary(self) -> "pd.DataFrame":
        import pandas as pd

        rows = []
        for method, res in (("synthetic_control", self.synthetic), ("did", self.did)):
            e = res.estimate
            rows.append({"method": method, "estimate": e.estimate, "std_error": e.std_error, "ci_low": e.ci_low,
                         "ci_high": e.ci_high, "p_value": e.p_value, "credible": getattr(res, "credible", None)})
        return pd.DataFrame(rows)

    @property
    def pool(self) -> str:
        """The comparison pool's label in the session language."""
        return self.pool_in()

    def pool_in(self, lang: str | None = None) -> str:
        """The comparison pool's label in ``lang`` (None: the session language)."""
        return str(render(self.pool_msg, resolve_lang(lang)))

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        out["pool"] = self.pool_in()
        return out

    def chart(self, lang: str | None = None) -> "alt.Chart":
        return self.synthetic.chart(resolve_lang(lang))

    def explain(self, lang: str | None = None) -> str:
        lang = resolve_lang(lang)  # None: the session language (wb.set_language)
        periods = sorted(self.panel["period"].unique())
        intro = msg("comparisons.explain_intro", lang, municipality=self.municipality, n=len(self.pool_members),
                    pool=self.pool_in(lang), kpi=self.kpi, title=self.kpi_title, first=periods[0], last=periods[-1],
                    start=self.start)
        dates = sorted({str(s.get("retrieved", ""))[:10] for s in self.sources if s.get("retrieved")})
        note = msg("comparisons.data_note", lang, kpi=self.kpi, dates=", ".join(dates) or "–", n=len(self.sources))
        return " ".join([intro, self.synthetic.explain(lang), self.did.explain(lang), note])


def municipality_comparison(kpi: str, municipality: str, start: int, *, pool: str | Sequence[str] = "alla",
                            population: Mapping[str, float] | None = None, gender: str = "T",
                            years: Sequence[int] | None = None, min_pre_periods: int = 4,
                            transport: Transport | None = None, cache: str | os.PathLike[str] | None = None,
                            sleep: Callable[[float], None] | None = None,
                            lang: str | None = None) -> MunicipalityComparison:
    """Compare a municipality with a pool of others on a Kolada KPI (synthetic control and DiD).

    Parameters
    ----------
    kpi
        The Kolada KPI id (``wb.opendata.kolada_kpis("…")`` finds it).
    municipality
        The four-digit id of the municipality that started the intervention.
    start
        The first year under the intervention.
    pool
        A key of :func:`comparison_pools` (``"alla"``, ``"samma_lan"``, ``"liknande_socioekonomi"`` …,
        ``"storlek"``) or a list of municipality ids.
    population
        ``{id: inhabitants}`` for the similar-size pool.
    years
        Restrict the panel to these years (default every year Kolada has).
    transport, cache, sleep
        As in :func:`workbench.opendata.kolada_data`.

    Returns
    -------
    MunicipalityComparison
        ``synthetic`` (``wb.synthetic_control``: weights, mean post-period gap, placebo p-value),
        ``did`` (``wb.did``), ``panel`` (``municipality_id, municipality, period, value``),
        ``summary()``, ``chart()``, ``explain()`` and the warnings.

    Notes
    -----
    Only municipalities with a value in every year of the panel take part (synthetic control needs
    a balanced panel); the others are named in the warnings.
    """
    lang = resolve_lang(lang)
    opts = {"transport": transport, "cache": cache, "sleep": sleep, "lang": lang}
    munis = kolada_municipalities(**opts)
    sources = list(munis.attrs.get("sources", []))
    if isinstance(pool, str):
        groups = None if pool in ("alla", "samma_lan", "storlek") else kolada_municipality_groups(**opts)
        pools = comparison_pools(municipality, munis, groups, population=population, lang=lang)
        if pool not in pools:
            raise InputError("comparisons.unknown_pool", lang=lang, pool=pool, allowed=list(pools))
        chosen = pools[pool]
        if groups is not None:
            sources += groups.attrs.get("sources", [])
    else:
        comparison_pools(municipality, munis, lang=lang)  # checks the municipality id
        chosen = Pool("egen", ", ".join(map(str, pool)), tuple(str(p) for p in pool if str(p) != municipality))
    data = kolada_data(kpi, [municipality, *chosen.members], years, gender=gender, **opts)
    sources += data.attrs.get("sources", [])
    title = _kpi_title(kpi, opts)
    data = data.dropna(subset=["value"])
    if not (data["municipality_id"] == municipality).any():
        raise InputError("comparisons.no_treated_data", lang=lang, kpi=kpi,
                         municipality=munis.loc[munis["id"] == municipality, "title"].item())
    periods = sorted(data.loc[data["municipality_id"] == municipality, "period"].unique())
    data = data[data["period"].isin(periods)]
    counts = data.groupby("municipality_id")["period"].nunique()
    complete = set(counts[counts == len(periods)].index)
    dropped = sorted(set(chosen.members) - complete)
    panel = data[data["municipality_id"].isin(complete)][["municipality_id", "municipality", "period", "value", "status"]]
    panel = panel.sort_values(["municipality_id", "period"]).reset_index(drop=True)
    members = tuple(m for m in chosen.members if m in complete)
    if len(members) < 2:
        raise InputError("comparisons.too_few_in_pool", lang=lang, n=len(members), kpi=kpi)
    treated_name = panel.loc[panel["municipality_id"] == municipality, "municipality"].iloc[0]
    synth, did, ladder_warnings = analyse(panel, unit="municipality", time="period", outcome="value",
                                          treated_unit=treated_name, start=start,
                                          min_pre_periods=min_pre_periods, lang=lang)
    warnings: list[Text] = [Msg("comparisons.warn_yearly")]
    pre = sum(1 for p in periods if p < start)
    if pre < 5:
        warnings.append(Msg("comparisons.warn_few_pre", n=pre, start=start))
    if dropped:
        names = [str(munis.loc[munis["id"] == d, "title"].iloc[0]) if (munis["id"] == d).any() else d for d in dropped]
        warnings.append(Msg("comparisons.warn_dropped", first=periods[0], last=periods[-1], names=names))
    flagged = panel[panel["status"].notna()]
    if not flagged.empty:
        warnings.append(Msg("comparisons.warn_status", statuses=sorted(set(flagged["status"])),
                            names=sorted(set(flagged["municipality"]))))
    warnings += ladder_warnings
    prov = Provenance("municipality_comparison", {"kpi": kpi, "municipality": municipality, "start": start,
                                                  "pool": chosen.key, "gender": gender},
                      {"unit": "municipality", "time": "period", "outcome": "value"}, len(panel))
    return MunicipalityComparison(
        provenance=prov, warning_msgs=collect_warnings(warnings), problem_msgs=tuple(synth.problem_msgs), kpi=kpi,
        kpi_title=title, municipality_id=municipality, municipality=treated_name, start=int(start),
        pool_msg=chosen.message, pool_members=members, panel=panel, synthetic=synth, did=did,
        estimate=synth.estimate, credible=bool(getattr(synth, "credible", False)),
        sources=tuple(dict(s) for s in sources), lang=lang,
    )


def _kpi_title(kpi: str, opts: dict[str, Any]) -> str:
    from workbench.core.errors import OpenDataError
    from workbench.opendata.fetcher import Fetcher
    from workbench.opendata.kolada import BASES, pages

    fetcher = Fetcher(opts["transport"], opts["cache"], sleep=opts["sleep"], lang=opts["lang"])
    try:
        items = pages(fetcher, f"{BASES['v3']}/kpi/{kpi}")
    except OpenDataError:
        return kpi
    return str(items[0].get("title", kpi)) if items else kpi
