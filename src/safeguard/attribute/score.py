"""Combining evidence items into a country, a confidence and a status.

Each item adds log-odds (its weight, from ``weights.yaml``) to its country.
Confidence is the softmax of the summed log-odds over the countries with
evidence plus one "elsewhere" term (``other_prior``), divided by a
temperature fitted so that confidences are calibrated on synthetic ground
truth. Status:

- ``attributed``: the leader is *located* (enough weight from locating signals:
  non-anonymising IPs, phone, ISP mail, declared location) and its confidence
  reaches ``attribute_min``;
- ``contested``: the leader and the runner-up are both located, and the leader
  falls short of ``attribute_min``;
- ``unknown``: anything else (no locating evidence, or too little).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from safeguard.attribute.evidence import Item

LOCATING = frozenset(
    {"ip_residential", "ip_mobile", "ip_education", "phone", "email_isp", "declared_location"}
)


@cache
def weights() -> dict[str, Any]:
    """The weights data file."""
    text = resources.files("safeguard.attribute").joinpath("weights.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def weight(item: Item, w: dict[str, Any] | None = None) -> float:
    """Log-odds an item adds to its country."""
    spec = (w or weights())["signals"].get(item.signal)
    if spec is None:
        return 0.0
    base = float(spec["base"])
    if "per_doubling" in spec:
        more = float(spec["per_doubling"]) * math.log2(max(item.count, 1))
        return min(base + more, float(spec["cap"]))
    return base


@dataclass(frozen=True, slots=True)
class Verdict:
    country: str | None
    confidence: float
    status: str
    runner_up: str | None
    runner_up_confidence: float | None
    reason: str


def decide(items: list[Item], w: dict[str, Any] | None = None) -> Verdict:
    """The verdict for one entity's items."""
    w = w or weights()
    score: dict[str, float] = {}
    located: dict[str, float] = {}
    for it in items:
        x = weight(it, w)
        score[it.country] = score.get(it.country, 0.0) + x
        if it.signal in LOCATING:
            located[it.country] = located.get(it.country, 0.0) + x
    if not score:
        return Verdict(None, 0.0, "unknown", None, None, "no evidence of a country")
    probs = _softmax(score, float(w["other_prior"]), float(w["temperature"]))
    ranked = sorted(probs.items(), key=lambda kv: (-kv[1], kv[0]))
    (top, p_top), second = ranked[0], (ranked[1] if len(ranked) > 1 else (None, None))
    need = float(w["locating_min"])
    top_located = located.get(top, 0.0) >= need
    second_located = second[0] is not None and located.get(second[0], 0.0) >= need
    if top_located and p_top >= float(w["attribute_min"]):
        status, reason = "attributed", f"{top} located, confidence {p_top:.2f}"
    elif top_located and second_located:
        status, reason = "contested", f"{top} and {second[0]} both located"
    elif not top_located:
        status, reason = "unknown", f"no locating evidence strong enough for {top}"
    else:
        status, reason = "unknown", f"{top} located but confidence only {p_top:.2f}"
    return Verdict(
        top if status != "unknown" else None, p_top, status, second[0], second[1], reason
    )


def _softmax(score: dict[str, float], other: float, temperature: float) -> dict[str, float]:
    t = max(temperature, 1e-6)
    top = max([*score.values(), other]) / t
    exp = {c: math.exp(s / t - top) for c, s in score.items()}
    total = sum(exp.values()) + math.exp(other / t - top)
    return {c: e / total for c, e in exp.items()}
