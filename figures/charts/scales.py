"""The value axis of a chart: linear from zero, or logarithmic when the figures span so
much that a linear axis would crush the small ones against zero; room beside the
largest figure for its label."""

from __future__ import annotations

import math

import pandas as pd

from figures import compare
from figures.vegalite import Spec

LOG_RATIO = 100  # figures spanning more than this factor go on a log axis, so none hides


def needs_log_scale(source: pd.DataFrame) -> bool:
    """Whether a linear axis would crush the small figures against zero."""
    values = source["plot_value"][source["plot_value"] > 0] if len(source) else source
    return len(values) > 1 and float(values.max()) / float(values.min()) > LOG_RATIO


def value_scale(source: pd.DataFrame) -> Spec:
    """Linear from zero, or a log scale when the figures span more than LOG_RATIO."""
    if needs_log_scale(source):
        positive = source["plot_value"][source["plot_value"] > 0]
        low = 10 ** math.floor(math.log10(float(positive.min())))
        # A decade of room past the largest figure, for its label in words.
        high = 10 ** (math.ceil(math.log10(float(positive.max()))) + 1)
        return {"type": "log", "domain": [low, high], "nice": False}
    return {"zero": True, "domain": [0, x_room(source)], "nice": True}


def value_axis(source: pd.DataFrame) -> Spec:
    """The value axis; durations get a tick every 24 hours, so whole days read off it."""
    room = x_room(source)
    if needs_log_scale(source):
        domain = value_scale(source)["domain"]
        exponents = range(round(math.log10(domain[0])), round(math.log10(domain[1])) + 1)
        return {"format": ",~f", "values": [10**power for power in exponents]}
    if set(source["unit_label"].unique()) == {compare.DURATION_LABEL} and room > 48:
        return {"format": ",~f", "values": list(range(0, int(room) + 24, 24))}
    return {"format": ",~f", "tickCount": 8}


def x_room(source: pd.DataFrame, column: str = "plot_value") -> float:
    """The largest value with room beside it for its label, so labels are not cut off;
    for shares, at least 100 percent, so a small share looks small."""
    highs = [float(source[name].max()) for name in (column, "plot_value_max")
             if name in source.columns and len(source)]
    largest = max((high for high in highs if not math.isnan(high)), default=0.0)
    if "unit_label" in source.columns and \
            set(source["unit_label"].unique()) == {compare.PERCENT_LABEL}:
        return max(largest * 1.3, 100.0)  # a share is read against the whole
    return largest * 1.3 if largest > 0 else 1.0
