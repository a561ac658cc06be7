"""Amounts in US dollars read off a purchase sentence ("$30 million", "US$ 8,5 millones").

An amount is a figure an analyst will sum and chart, so one that cannot be real (not finite, or above
:data:`MAX_USD`, more than the world spends on arms in a decade) is dropped with a warning naming the article
and the sentence's offsets, rather than reaching ``data/mentions.csv`` as ``inf`` and failing the build there.
"""

from __future__ import annotations

import math
import warnings
from types import ModuleType

from analysis.common.matching import search

MAX_USD = 1e13
_UNITS = {"million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "thousand": 1e3, "k": 1e3}


class AmountWarning(UserWarning):
    """An amount in an article that cannot be a real one."""


def parse_amount(sentence: str, R: ModuleType) -> float | None:
    """The sentence's amount as written (no bounds), in the language's number format."""
    m = search(R.AMOUNT, sentence)
    if not m:
        return None
    if hasattr(R, "amount_value"):  # a language with its own number format ("US$ 8,5 millones")
        return R.amount_value(m)
    num = m.group("n") or m.group("n2")
    unit = (m.group("u") or m.group("u2") or "").lower()
    return float(num.replace(",", "")) * _UNITS.get(unit, 1.0)


def amount_usd(sentence: str, R: ModuleType, where: str) -> float | None:
    """:func:`parse_amount`, or None with a warning naming ``where`` when the value cannot be real."""
    try:
        value = parse_amount(sentence, R)
    except (OverflowError, ValueError):
        value = math.inf
    if value is None or (math.isfinite(value) and 0 <= value <= MAX_USD):
        return value
    warnings.warn(
        f"{where}: amount {sentence[:60]!r}... is not a real sum (over US${MAX_USD:,.0f} or not a number); "
        "left blank",
        AmountWarning,
        stacklevel=2,
    )
    return None
