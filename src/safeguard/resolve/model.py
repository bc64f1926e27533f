"""Training and scoring the probabilistic linkage model (Splink).

:func:`score` takes the account features, trains the model on them (prior
from ``duplicate_share``, u by seeded random sampling, m by EM or the priors)
and returns every blocked pair at or above the review floor with its match
weight and the per-comparison weights (the waterfall). The backend comes from
:mod:`safeguard.resolve.backend` only.
"""

from __future__ import annotations

import copy
import logging
import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pyarrow as pa
from splink import Linker, SettingsCreator
from splink.internals.splink_dataframe import SplinkDataFrame

from safeguard.resolve import comparisons
from safeguard.resolve.backend import Backend
from safeguard.resolve.config import ResolveSettings

UID = "account_id"
NAMES = [c.create_output_column_name() for c in comparisons.comparisons()]
# rarity-defined levels: (label, feature column, minimum shared values)
_COUNTED = (
    ("2+ shared IPs in the same months", "ip_month", 2),
    ("shared IP in the same month", "ip_month", 1),
    ("shared rare IP", "ip_rare", 1),
    ("shared uncommon IP", "ip_ok", 1),
    ("same contact selector", "contacts", 1),
)
_SCALAR_COUNTED = (
    ("same address", "email_norm"),
    ("same unsalted password hash", "password_token"),
)


# fewer hard links than this teach m nothing reliable: the priors stay
MIN_LABELS = 20


@dataclass
class Scored:
    """Scored pairs and the trained model."""

    pairs: pa.Table  # account_id_l, account_id_r, match_weight, match_probability, gamma_*, mw_*
    model: dict[str, Any]
    prior_weight: float
    candidate_pairs: int


@contextmanager
def _quiet() -> Iterator[None]:
    # Splink logs progress and advice at INFO/WARNING; the stage reports its own.
    log = logging.getLogger("splink")
    old = log.level
    log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        log.setLevel(old)


def prior(n: int, cfg: ResolveSettings) -> float:
    """Probability that two random accounts are one person."""
    pairs = max(n * (n - 1) / 2, 1.0)
    return min(0.5, max(cfg.duplicate_share * n, 1.0) / pairs)


def count_u(sdf: SplinkDataFrame, be: Backend, n: int) -> dict[str, float]:
    """Share of all account pairs at each rarity-defined level, counted exactly.

    Values are bounded by the common-selector limit, so the self-joins are small.
    True matches are counted too: the result is an upper bound on u (conservative).
    """
    total = max(n * (n - 1) / 2, 1.0)
    out: dict[str, float] = {}
    for label, col, least in _COUNTED:
        sql = (
            f"WITH t AS (SELECT {UID} AS a, unnest({col}) AS v FROM {{t}} WHERE {col} IS NOT NULL) "  # noqa: S608
            "SELECT count(*) FROM (SELECT x.a, y.a FROM t x JOIN t y ON x.v = y.v AND x.a < y.a "
            f"GROUP BY x.a, y.a HAVING count(*) >= {least})"
        )
        out[label] = be.scalar(sdf, sql) / total
    for label, col in _SCALAR_COUNTED:
        sql = (
            f"SELECT coalesce(sum(c * (c - 1) / 2), 0) FROM (SELECT count(*) AS c FROM {{t}} "  # noqa: S608
            f"WHERE {col} IS NOT NULL GROUP BY {col})"
        )
        out[label] = be.scalar(sdf, sql) / total
    return out


def settings(n: int, cfg: ResolveSettings, counted: dict[str, float]) -> SettingsCreator:
    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name=UID,
        probability_two_random_records_match=prior(n, cfg),
        comparisons=comparisons.comparisons(counted),
        blocking_rules_to_generate_predictions=comparisons.blocking_rules(),
        retain_matching_columns=True,
        retain_intermediate_calculation_columns=True,
    )


def train(linker: Linker, cfg: ResolveSettings, labels: SplinkDataFrame | None = None) -> None:
    """u by seeded random sampling; m from ``labels`` (hard-linked pairs: known matches
    found without the model), then EM; each level keeps its prior where neither trains it.

    The name comparison learns from the labels and from the EM session on place and
    browser blocks (the name blocks cannot train it); e-mail, contact and password
    keep their priors (``comparisons.FIXED_M``) because the labels share those values
    by construction. A session that fails (a block with no pairs in a small case)
    leaves the model as it was before it."""
    linker.training.estimate_u_using_random_sampling(
        max_pairs=cfg.u_max_pairs, seed=cfg.seed, num_chunks=1, min_count_per_level=None
    )
    if cfg.train_m != "em":
        return
    if labels is not None:
        linker.training.estimate_m_from_pairwise_labels(labels)  # type: ignore[no-untyped-call]
    for rule in comparisons.training_rules():
        # Splink can leave the comparisons of a failed session's blocking rule out of
        # the model (measured: place and browser vanished from every waterfall)
        before = copy.deepcopy(linker._settings_obj.core_model_settings)
        try:
            linker.training.estimate_parameters_using_expectation_maximisation(
                rule,
                fix_probability_two_random_records_match=True,
                estimate_without_term_frequencies=True,
                max_pairs=cfg.em_max_pairs,
            )
        except Exception as exc:
            linker._settings_obj.core_model_settings = before
            logging.getLogger(__name__).info("EM skipped for %s: %s", rule, exc)
    floor_m(linker, cfg.m_floor)


def floor_m(linker: Linker, floor: float) -> None:
    """Raise every level's m to at least ``floor``.

    EM can push a level's m towards zero, which turns that level into a veto of
    dozens of bits; a floor bounds what one comparison can say against a match.
    Comparisons whose m is fixed at its prior are left as they are. The others are
    not renormalised: levels EM cannot reach keep their priors, so a comparison's
    m do not sum to one anyway, and scaling the trained ones down would weaken
    every agreement (measured: recall 0.844 -> 0.822 at 20,000 members)."""
    # Splink has no public setter for a trained model's m
    for comp in linker._settings_obj.comparisons:
        if comp.output_column_name in comparisons.FIXED_M:
            continue
        for lv in comp.comparison_levels:
            if not lv.is_null_level and float(lv.m_probability or 0.0) < floor:
                lv.m_probability = floor


def score(
    features: pa.Table,
    be: Backend,
    cfg: ResolveSettings,
    keep: Sequence[tuple[str, str]] = (),
    labels: Sequence[tuple[str, str]] = (),
) -> Scored:
    """Train on ``features`` and score every blocked pair; return those at or above the
    review floor, and the pairs in ``keep`` (hard links, judged pairs) whatever their score.
    ``labels``: pairs known to be one person (hard links) that m is learnt from."""
    n = features.num_rows
    with _quiet():
        known = None
        if len(labels) >= MIN_LABELS:
            known = be.register(
                pa.table({f"{UID}_l": [a for a, _ in labels], f"{UID}_r": [b for _, b in labels]}),
                "rs_labels",
            )
        sdf = be.register(features, "rs_features")
        kept = be.register(
            pa.table({"l": [k[0] for k in keep], "r": [k[1] for k in keep]},
                     schema=pa.schema([("l", pa.string()), ("r", pa.string())])),
            "rs_keep",
        )  # fmt: skip
        linker = Linker(sdf, settings(n, cfg, count_u(sdf, be, n)), log_level=None)
        train(linker, cfg, known)
        pred = linker.inference.predict()
        model = linker.misc.save_model_to_json()
    present = set(be.to_arrow(pred, "SELECT * FROM {t} LIMIT 0").schema.names)
    # Splink leaves out a comparison it could not build for this data (e.g. a
    # term-frequency column with no values in a tiny case): select what is there
    cols = ", ".join(
        f"gamma_{c}, mw_{c}" + (f", mw_tf_adj_{c}" if f"mw_tf_adj_{c}" in present else "")
        for c in NAMES
        if f"gamma_{c}" in present
    )
    table = be.to_arrow(
        pred,
        f"SELECT {UID}_l AS account_id_l, {UID}_r AS account_id_r, match_weight, "  # noqa: S608
        f"match_probability, {cols} FROM {{t}} WHERE match_probability >= {cfg.review_floor} "
        f"OR ({UID}_l, {UID}_r) IN (SELECT (l, r) FROM {kept.physical_name}) "
        "ORDER BY account_id_l, account_id_r",
    )
    total = be.to_arrow(pred, "SELECT count(*) AS n FROM {t}").column(0)[0].as_py()
    return Scored(table, model, _bits(prior(n, cfg)), int(total))


def _bits(p: float) -> float:
    return math.log2(p / (1 - p))
