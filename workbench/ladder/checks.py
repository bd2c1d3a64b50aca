"""Requirements of rungs 2–5, read from saved results.

A rung 2–5 is met when the project holds at least one saved result for that rung (its payload's
``rung`` field) that calls itself *credible* (``credible: true``). A result that is not credible
lists why in ``credibility_problems`` (poor balance, failed pre-trends, low adherence …), and the
ladder shows those reasons. Each analysis decides its own credibility; this module only reads it.

A credible randomized comparison (rung 5) also meets rung 4: a randomized control group is a
stronger comparison group than a constructed one, and a trial should not have to build a matched
group first to be counted.
"""

from __future__ import annotations

from workbench.core.text import payload_texts
from workbench.ladder.status import LadderContext, requirement


def _evidence(step: int):
    def check(ctx: LadderContext) -> list[str]:
        mine = [r for r in ctx.results if r.get("rung") == step]
        if step == 4 and any(r.get("rung") == 5 and r.get("credible") for r in ctx.results):
            return []
        if not mine:
            return [ctx.t("ladder.evidence.none", step=step, what=ctx.t(f"ladder.evidence.what.{step}"))]
        if any(r.get("credible", False) for r in mine):
            return []
        out = []
        for r in mine:
            problems = payload_texts(r, "credibility_problems", ctx.lang)
            label = r.get("label") or r.get("kind", "?")
            out.append(ctx.t("ladder.evidence.not_credible", step=step, label=label, problems="; ".join(problems) or "–"))
        return out

    check.__name__ = f"evidence_rung{step}"
    return check


for _step in (2, 3, 4, 5):
    requirement(_step, "credible_result")(_evidence(_step))
