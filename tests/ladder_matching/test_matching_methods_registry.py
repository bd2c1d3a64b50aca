"""The method registry, the ``Literal`` option sets and ``wb.match``'s signature agree."""

from __future__ import annotations

import inspect
import typing

import pytest

import workbench as wb
from workbench.core.errors import OptionError
from workbench.core.options import Discard, Estimand, MatchDistance, MatchMethod, MatchOrder
from workbench.ladder.matching.api import match
from workbench.ladder.matching.methods import METHODS


def test_match_method_literal_equals_the_registry():
    assert set(typing.get_args(MatchMethod)) == set(METHODS)


def test_signature_is_typed_with_the_literals():
    import numpy as np
    import pandas as pd

    import workbench.ladder.matching.api as api

    hints = typing.get_type_hints(match, globalns={**vars(api), "np": np, "pd": pd})
    assert hints["method"] == MatchMethod
    assert hints["distance"] == MatchDistance
    assert hints["m_order"] == MatchOrder
    assert hints["estimand"] == Estimand
    assert hints["discard"] == Discard


def test_every_declared_option_is_a_parameter_of_match():
    params = inspect.signature(match).parameters
    for cls in METHODS.values():
        for name in cls.options:
            assert name in params and params[name].kind is inspect.Parameter.KEYWORD_ONLY, (cls.name, name)
        assert set(cls.estimands) <= set(typing.get_args(Estimand))


@pytest.mark.parametrize(("method", "option", "value"), [
    ("nearest", "ratio", 0), ("nearest", "caliper", 0), ("nearest", "m_order", "biggest"),
    ("subclass", "subclasses", 1),
])
def test_a_method_checks_the_options_it_declares(method, option, value):
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(1)
    df = pd.DataFrame({"t": rng.integers(0, 2, 200), "x": rng.normal(size=200)})
    with pytest.raises(OptionError, match=option):
        wb.match(df, "t", ["x"], method=method, **{option: value}, lang="en")
