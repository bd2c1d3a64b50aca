"""Privacy tools (``wb.privacy``): personnummer checks, keyed pseudonymization, small-cell suppression.

* :func:`is_valid_personnummer`, :func:`normalize_personnummer`, :func:`is_samordningsnummer`
* :func:`pseudonymize` with the project key (:func:`new_key`, :func:`load_or_create_key`)
* :func:`find_personnummer_columns`, :func:`assert_no_personnummer`,
  :func:`require_valid_personnummer` — for imports and exports
* :func:`suppress_small_cells`, :func:`suppression_mask`, :func:`suppression_kinds` — for
  published count tables

This module is light: pandas and scipy are imported only inside the functions that need them.
"""

from __future__ import annotations

from workbench.data.personnummer import (
    is_samordningsnummer,
    is_valid_personnummer,
    luhn_check_digit,
    mask,
    normalize_personnummer,
)
from workbench.data.pseudonym import (
    MIN_KEY_BYTES,
    assert_no_personnummer,
    find_personnummer_columns,
    load_or_create_key,
    new_key,
    pseudonym,
    pseudonymize,
    require_valid_personnummer,
)
from workbench.data.suppression import suppress_small_cells, suppression_kinds, suppression_mask

__all__ = [
    "MIN_KEY_BYTES",
    "assert_no_personnummer",
    "find_personnummer_columns",
    "is_samordningsnummer",
    "is_valid_personnummer",
    "load_or_create_key",
    "luhn_check_digit",
    "mask",
    "new_key",
    "normalize_personnummer",
    "pseudonym",
    "pseudonymize",
    "require_valid_personnummer",
    "suppress_small_cells",
    "suppression_kinds",
    "suppression_mask",
]
