"""Links as stored in ``person_links``: scored pairs, hard links and judged pairs.

Builds one row per pair with its source, weights, the waterfall (each
comparison's level and contribution in bits, the prior first) and what
clustering decided.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from safeguard.resolve.cluster import Edge
from safeguard.resolve.hardlinks import HardLink
from safeguard.resolve.model import NAMES, Scored
from safeguard.store.judgements import Judgement


@dataclass
class Link:
    """One row of person_links before the person is known."""

    left: str
    right: str
    source: str
    rule: str | None = None
    match_weight: float | None = None
    probability: float | None = None
    contributions: list[dict[str, Any]] | None = None
    judgement: Judgement | None = None

    @property
    def link_id(self) -> str:
        key = f"{self.left}\x1f{self.right}".encode()
        return "li-" + hashlib.sha256(key).hexdigest()[:16]


def level_labels(model: dict[str, Any]) -> dict[str, dict[int, str]]:
    """comparison -> gamma value -> level label, from Splink's model dictionary."""
    out: dict[str, dict[int, str]] = {}
    for comp in model.get("comparisons", []):
        levels = [lv for lv in comp["comparison_levels"] if not lv.get("is_null_level")]
        top = len(levels) - 1
        labels = {top - i: str(lv.get("label_for_charts", "")) for i, lv in enumerate(levels)}
        labels[-1] = "missing on one side"
        out[str(comp["output_column_name"])] = labels
    return out


def waterfall(
    row: dict[str, Any], labels: dict[str, dict[int, str]], prior: float
) -> list[dict[str, Any]]:
    """The contributions of one scored pair; they sum to its match weight."""
    parts: list[dict[str, Any]] = [{"comparison": "prior", "level": "", "weight": round(prior, 4)}]
    for name in NAMES:
        if f"gamma_{name}" not in row:
            continue  # comparison absent from this case's model (see model.score)
        gamma = int(row[f"gamma_{name}"])
        weight = float(row[f"mw_{name}"]) + float(row.get(f"mw_tf_adj_{name}") or 0.0)
        parts.append(
            {
                "comparison": name,
                "level": labels.get(name, {}).get(gamma, str(gamma)),
                "weight": round(weight, 4),
            }
        )
    return parts


def collect(
    scored: Scored | None, hard: list[HardLink], judged: dict[tuple[str, str], Judgement]
) -> dict[tuple[str, str], Link]:
    """Every link worth storing, keyed by (left, right)."""
    out: dict[tuple[str, str], Link] = {}
    if scored is not None:
        labels = level_labels(scored.model)
        for row in scored.pairs.to_pylist():
            key = (row["account_id_l"], row["account_id_r"])
            out[key] = Link(
                *key,
                "model",
                match_weight=float(row["match_weight"]),
                probability=float(row["match_probability"]),
                contributions=waterfall(row, labels, scored.prior_weight),
            )
    for h in hard:
        link = out.setdefault((h.left, h.right), Link(h.left, h.right, "hard"))
        link.source, link.rule = "hard", f"{h.rule} ({h.value})"
    for key, j in judged.items():
        out.setdefault(key, Link(*key, "judgement")).judgement = j
    return out


def edges(links: dict[tuple[str, str], Link], threshold: float) -> list[Edge]:
    """Edges for clustering: hard links, and model links at or above the threshold.

    Judged pairs are not edges here: confirmed ones come in as must-links and
    rejected ones as cannot-links (safeguard.resolve.judgements).
    """
    out = []
    for (a, b), link in links.items():
        if link.judgement is not None:
            continue
        if link.source == "hard":
            out.append(Edge(a, b, "hard", link.probability or 1.0))
        elif link.probability is not None and link.probability >= threshold:
            out.append(Edge(a, b, "model", link.probability))
    return out


def contributions_json(link: Link) -> str | None:
    return None if link.contributions is None else json.dumps(link.contributions)
