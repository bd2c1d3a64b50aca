"""Cross-check of wb.cace against linearmodels' IV2SLS (an independent 2SLS implementation).

The golden numbers for cace come from R's estimatr (iv_robust, HC2); linearmodels has no HC2, so
this compares what both define: the point estimate, the classical ("unadjusted", df-corrected) SE
and the HC0 SE ("robust" without the small-sample factor), with and without covariates.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import workbench as wb

linearmodels = pytest.importorskip("linearmodels")


def _trial(seed: int, n: int = 400) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    z = rng.integers(0, 2, n)
    age = rng.normal(40, 10, n)
    complier = rng.uniform(size=n) < 0.6
    d = np.where(complier, z, rng.uniform(size=n) < 0.1).astype(int)
    y = 50 - 4.0 * d + 0.2 * age + rng.normal(0, 8, n)
    return pd.DataFrame({"y": y, "z": z, "d": d, "alder": age})


@pytest.mark.parametrize("covs", [None, ["alder"]])
@pytest.mark.parametrize("se_type,cov_type", [("classical", "unadjusted"), ("HC0", "robust")])
def test_cace_equals_iv2sls(covs, se_type, cov_type):
    from linearmodels.iv import IV2SLS

    df = _trial(11)
    r = wb.cace(df, "y", "z", "d", covariates=covs, se_type=se_type)
    exog = pd.DataFrame({"const": 1.0}, index=df.index)
    if covs:
        exog = exog.join(df[covs])
    fit = IV2SLS(df["y"], exog, df[["d"]], df[["z"]]).fit(cov_type=cov_type, debiased=se_type == "classical")
    assert r.estimate.estimate == pytest.approx(float(fit.params["d"]), rel=1e-10)
    assert r.estimate.std_error == pytest.approx(float(fit.std_errors["d"]), rel=1e-8)
