"""The comparisons of the linkage model and its blocking rules (Splink creators).

Each level carries a documented prior m probability (share of true matches
at that level) used as EM's starting point and kept wherever the case's data
cannot train it; u probabilities come from random sampling, with a prior for
levels too rare to be met by chance in a sample (a shared handle). Numbers and
reasons: docs/resolution.md. Only dialect-neutral Splink creators are used so
the same model runs on another Splink backend.
"""

from __future__ import annotations

from typing import Any

import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import block_on

# Comparisons whose m stays at its documented prior. Hard links (the labels m is
# learnt from) share exactly these values, and EM on a name block sees so few of
# them that it drove m(different contact) to 1e-12: any two accounts of one man
# with different contacts were then 40 bits apart.
FIXED_M = frozenset({"email", "contact", "password"})
# (output name, [(level creator, label, m prior, u prior or None)], null column)
_Level = tuple[Any, str, float, float | None]


def _comparison(
    name: str, null_col: str, levels: list[_Level], else_m: float, counted: dict[str, float]
) -> Any:
    built: list[Any] = [cll.NullLevel(null_col)]
    for creator, label, m, u in levels:
        opts: dict[str, Any] = {"label_for_charts": label, "m_probability": m}
        if name in FIXED_M:
            opts["fix_m_probability"] = True
        if u is not None:
            # rarity-defined levels: a random sample meets them mostly through true
            # matches, so u is fixed: the share of all pairs at that level as counted
            # in the case (true matches included: an upper bound), never below the prior
            opts["u_probability"] = max(u, counted.get(label, 0.0))
            opts["fix_u_probability"] = True
        built.append(creator.configure(**opts))
    built.append(
        cll.ElseLevel().configure(
            label_for_charts="different", m_probability=else_m, fix_m_probability=name in FIXED_M
        )
    )
    return cl.CustomComparison(output_column_name=name, comparison_levels=built)


def comparisons(counted: dict[str, float] | None = None) -> list[Any]:
    """Every comparison, strongest evidence first. ``counted``: level label -> share of
    all pairs at that level in this case (see :func:`safeguard.resolve.model.count_u`)."""
    got = counted or {}

    def comp(name: str, null_col: str, levels: list[_Level], else_m: float) -> Any:
        return _comparison(name, null_col, levels, else_m, got)

    return [
        # one comparison for both names: a username and an address local part
        # made from the same stem are one piece of evidence, not two
        comp(
            "name",
            "username_norm",
            [
                # written the same way (separators kept) and the address letters agree:
                # the commonness that counts is that of the written form
                (
                    cll.And(
                        cll.ExactMatchLevel("username_shape"),
                        cll.ExactMatchLevel("email_local_norm"),
                    ).configure(tf_adjustment_column="username_shape"),
                    "same username as written and address letters",
                    0.35,
                    None,
                ),
                (
                    cll.And(
                        cll.ExactMatchLevel("username_norm"),
                        cll.ExactMatchLevel("email_local_norm"),
                    ).configure(tf_adjustment_column="username_norm"),
                    "same username and address letters",
                    0.15,
                    None,
                ),
                (
                    cll.ExactMatchLevel("username_shape", term_frequency_adjustments=True),
                    "same username as written",
                    0.15,
                    None,
                ),
                (
                    cll.ExactMatchLevel("username_norm", term_frequency_adjustments=True),
                    "same normalised username",
                    0.1,
                    None,
                ),
                (
                    cll.ExactMatchLevel("email_local_norm", term_frequency_adjustments=True),
                    "same address letters",
                    0.05,
                    None,
                ),
                (cll.JaroWinklerLevel("username_norm", 0.92), "very similar username", 0.1, None),
                (cll.JaroWinklerLevel("username_norm", 0.8), "similar username", 0.05, None),
            ],
            0.1,
        ),
        comp(
            "email",
            "email_norm",
            [
                (cll.ExactMatchLevel("email_norm"), "same address", 0.1, 1e-7),
            ],
            0.9,
        ),
        # one comparison for operator and time zone: the operator fixes the country and
        # the country the time zone, so counted separately they would count one fact twice
        _place(),
        comp(
            "ip",
            "ip_ok",
            [
                (
                    cll.ArrayIntersectLevel("ip_month", 2),
                    "2+ shared IPs in the same months",
                    0.2,
                    1e-8,
                ),
                (cll.ArrayIntersectLevel("ip_month", 1), "shared IP in the same month", 0.2, 1e-7),
                # at another time an address may be someone else's lease: weaker
                (cll.ArrayIntersectLevel("ip_rare", 1), "shared rare IP", 0.2, 1e-4),
                (cll.ArrayIntersectLevel("ip_ok", 1), "shared uncommon IP", 0.1, 1e-3),
            ],
            0.3,
        ),
        comp(
            "contact",
            "contacts",
            [
                (cll.ArrayIntersectLevel("contacts", 1), "same contact selector", 0.3, 1e-7),
            ],
            0.7,
        ),
        comp(
            "password",
            "password_token",
            [
                (cll.ExactMatchLevel("password_token"), "same unsalted password hash", 0.3, 1e-6),
            ],
            0.7,
        ),
        comp(
            "user_agent",
            "user_agent",
            [
                (
                    cll.ExactMatchLevel("user_agent", term_frequency_adjustments=True),
                    "same browser",
                    0.45,
                    None,
                ),
                # the same device after browser updates (accounts months or years apart)
                (
                    cll.ExactMatchLevel("ua_platform", term_frequency_adjustments=True),
                    "same browser platform, other version",
                    0.25,
                    None,
                ),
            ],
            0.3,
        ),
        comp(
            "activity",
            "hours",
            [
                (cll.CosineSimilarityLevel("hours", 0.9), "same daily rhythm", 0.5, None),
                (cll.CosineSimilarityLevel("hours", 0.7), "similar daily rhythm", 0.3, None),
            ],
            0.2,
        ),
        comp(
            "language",
            "language",
            [
                (cll.ExactMatchLevel("language"), "same language", 0.9, None),
            ],
            0.1,
        ),
        comp(
            "style",
            "style",
            [
                (cll.CosineSimilarityLevel("style", 0.95), "same writing style", 0.4, None),
                (cll.CosineSimilarityLevel("style", 0.85), "similar writing style", 0.4, None),
            ],
            0.2,
        ),
    ]


def _place() -> Any:
    either_null = cll.CustomLevel(
        "(home_net_l IS NULL OR home_net_r IS NULL) AND (timezone_l IS NULL OR timezone_r IS NULL)"
    ).configure(is_null_level=True)
    levels: list[Any] = [
        either_null,
        cll.And(cll.ExactMatchLevel("home_net"), cll.ExactMatchLevel("timezone")).configure(
            tf_adjustment_column="home_net",
            label_for_charts="same home network operator and time zone",
            m_probability=0.6,
        ),
        cll.ExactMatchLevel("home_net", term_frequency_adjustments=True).configure(
            label_for_charts="same home network operator", m_probability=0.15
        ),
        cll.ExactMatchLevel("timezone").configure(
            label_for_charts="same profile time zone", m_probability=0.15
        ),
        cll.ElseLevel().configure(label_for_charts="different", m_probability=0.1),
    ]
    return cl.CustomComparison(output_column_name="place", comparison_levels=levels)


def blocking_rules() -> list[Any]:
    """Which pairs are scored at all. Common values were nulled in the features,
    so no block is larger than the settings allow (see docs/resolution.md)."""
    return [
        block_on("email_norm"),
        block_on("username_block"),
        block_on("username_norm", "email_local_norm"),
        block_on("ip_ok", arrays_to_explode=["ip_ok"]),
        block_on("contacts", arrays_to_explode=["contacts"]),
        block_on("password_token"),
    ]


def blocked(left: dict[str, Any], right: dict[str, Any]) -> bool:
    """Whether :func:`blocking_rules` offer the pair (two feature rows) to the model;
    benchmarks use it to measure blocking recall. Keep in step with the rules."""

    def same(col: str) -> bool:
        return left.get(col) is not None and left.get(col) == right.get(col)

    def meet(col: str) -> bool:
        return bool(set(left.get(col) or ()) & set(right.get(col) or ()))

    return (
        same("email_norm")
        or same("username_block")
        or (same("username_norm") and same("email_local_norm"))
        or meet("ip_ok")
        or meet("contacts")
        or same("password_token")
    )


def training_rules() -> list[Any]:
    """Blocking rules for EM: each leaves the other comparisons free to train.

    Name blocks alone set the m of the "against" levels too low (in a name block the
    non-matches are namesakes, so EM learnt that one man's accounts nearly always
    share an IP: m(no shared IP) 0.025 where the truth says 0.126). A third session
    on accounts with the same operator, time zone and browser platform — a
    population of strangers and matches that name blocks do not see — pulls each
    level's median m towards the truth (measured at 70,000 members: pair P/R at
    0.997 from 0.9927 / 0.8564 to 0.9949 / 0.8593, at 0.995 from 0.9885 / 0.8709 to
    0.9919 / 0.8780; docs/resolution.md)."""
    return [
        block_on("username_norm"),
        block_on("email_local_norm"),
        block_on("home_net", "timezone", "ua_platform"),
    ]
