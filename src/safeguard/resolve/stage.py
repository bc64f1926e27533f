"""The stage ``resolve``: every account of the case into exactly one person.

``run(case)`` is re-runnable: the same data and judgements give the same
persons, ids and rows. Steps: features → hard links → model scores (Splink)
→ constrained clustering with the analysts' judgements → stable ids →
tables (one transaction). docs/resolution.md describes the method.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

import pyarrow as pa

from safeguard.case import Case
from safeguard.engine.duckdb_engine import Engine
from safeguard.resolve import features, hardlinks, ids, judgements, write
from safeguard.resolve import links as linkmod
from safeguard.resolve.backend import backend, engine_name
from safeguard.resolve.cluster import Clustering, cluster
from safeguard.resolve.config import ResolveSettings, get_resolve_settings
from safeguard.resolve.model import Scored, score
from safeguard.resolve.persons import person_rows

#: progress(label, total) -> tick(amount, rows), as the pipeline passes it
Progress = Callable[[str, int | None], Callable[[int, int], None]]
STEPS = 5


@dataclass(frozen=True)
class ResolveSummary:
    """What a run did."""

    run_id: str
    accounts: int
    persons: int
    persons_with_several_accounts: int
    hard_links: int
    candidate_pairs: int
    merged_links: int
    blocked_links: int
    judgements: int
    changes: dict[str, int] = field(default_factory=dict)
    wall_seconds: float = 0.0


def run(
    case: Case, progress: Progress | None = None, cfg: ResolveSettings | None = None
) -> ResolveSummary:
    """Resolve every account of ``case`` into persons and write the resolve tables."""
    cfg = cfg or get_resolve_settings()
    started, t0 = datetime.now(UTC).replace(tzinfo=None), time.perf_counter()
    run_id = started.strftime("%Y%m%dT%H%M%S%fZ")
    tick = progress("resolve", STEPS) if progress else (lambda _n, _r: None)
    with judgements.store(case) as js:
        cons = judgements.constraints(js.list(case.case_id))
    with case.engine() as eng:
        feats = features.build(eng, cfg)
        hard = hardlinks.find(eng, cfg)
        tick(1, feats.num_rows)
        keep = [(h.left, h.right) for h in hard] + list(cons.by_pair)
        scored = _score(case, feats, cfg, keep, _labels(hard, cons))
        tick(1, scored.candidate_pairs if scored else 0)
        found = linkmod.collect(scored, hard, cons.by_pair)
        accounts = feats.column("account_id").to_pylist()
        result = cluster(accounts, [*cons.must, *linkmod.edges(found, cfg.threshold)], cons.cannot)
        tick(1, len(result.clusters))
        prev, registry, updated = write.previous_state(eng)
        assigned = ids.assign(result.clusters, prev, registry, run_id)
        tick(1, 0)
        decision = _decisions(found, result)
        summary = ResolveSummary(
            run_id, len(accounts), len(result.clusters),
            sum(1 for c in result.clusters if len(c) > 1), len(hard),
            scored.candidate_pairs if scored else 0,
            sum(1 for d in decision.values() if d in ("merged", "confirmed")),
            sum(1 for d in decision.values() if d == "blocked"), len(cons.in_force),
            dict(Counter(c.change for c in assigned.changes)),
        )  # fmt: skip
        with eng.transaction():
            _write(eng, feats, found, decision, result, assigned, updated, cons, run_id, started)
            _run_row(eng, summary, scored, cfg, started, time.perf_counter() - t0)
        tick(1, 0)
    return _with_time(summary, time.perf_counter() - t0)


def _score(
    case: Case,
    feats: pa.Table,
    cfg: ResolveSettings,
    keep: list[tuple[str, str]],
    labels: list[tuple[str, str]],
) -> Scored | None:
    if feats.num_rows < 2:
        return None
    be = backend(case.settings, cfg.memory_limit, case.root / "runs" / "resolve-spill")
    try:
        return score(feats, be, cfg, keep, labels)
    finally:
        be.close()


def _labels(hard: list[hardlinks.HardLink], cons: judgements.Constraints) -> list[tuple[str, str]]:
    """Pairs known to be one person, for training m: hard links and confirmed links,
    minus any pair an analyst rejected (judgements win here too)."""
    kinds = {pair: j.kind for pair, j in cons.by_pair.items()}
    pairs = {(h.left, h.right) for h in hard} | {p for p, k in kinds.items() if k == "confirm"}
    return sorted(p for p in pairs if kinds.get(p) != "reject")


def _decisions(
    found: dict[tuple[str, str], linkmod.Link], result: Clustering
) -> dict[tuple[str, str], str]:
    out = {}
    for key, link in found.items():
        got = result.outcome.get(key)
        if link.judgement is not None:
            wanted = "confirmed" if link.judgement.kind == "confirm" else "rejected"
            out[key] = "blocked" if wanted == "confirmed" and got == "blocked" else wanted
        else:
            out[key] = got or "below_threshold"
    return out


def _write(eng: Engine, feats: pa.Table, found: dict[tuple[str, str], linkmod.Link],
           decision: dict[tuple[str, str], str], result: Clustering, assigned: ids.Assignment,
           updated: dict[str, str], cons: judgements.Constraints, run_id: str,
           started: datetime) -> None:  # fmt: skip
    write.clear(eng)
    person_of = {a: pid for pid, c in zip(assigned.ids, result.clusters, strict=True) for a in c}
    write.features(eng, feats)
    members, people = person_rows(result, assigned, found, decision, updated, cons, run_id)
    write.insert(eng, "person_accounts", members)
    write.persons(eng, people)
    rows = [found[k] for k in sorted(found)]
    write.links(eng, rows, decision, person_of, run_id)
    times = dict(eng.fetchall("SELECT run_id, started_at FROM resolve_runs"))
    write.person_ids(eng, assigned.registry, {**times, run_id: started})
    write.changes(eng, run_id, started, assigned.changes)


def _run_row(eng: Engine, s: ResolveSummary, scored: Scored | None, cfg: ResolveSettings,
             started: datetime, wall: float) -> None:  # fmt: skip
    write.run_row(eng, {
        "run_id": s.run_id, "started_at": started, "wall_seconds": wall,
        "accounts": s.accounts, "persons": s.persons, "candidate_pairs": s.candidate_pairs,
        "hard_links": s.hard_links, "merged_links": s.merged_links,
        "judgements_applied": s.judgements, "threshold": cfg.threshold,
        "engine": engine_name(), "settings": cfg.model_dump(),
        "model": scored.model if scored else {},
    })  # fmt: skip


def _with_time(s: ResolveSummary, wall: float) -> ResolveSummary:
    return replace(s, wall_seconds=round(wall, 3))


def report(s: ResolveSummary) -> str:
    """One line for a person after the stage (for the pipeline's stage list)."""
    changes = ", ".join(f"{k} {v}" for k, v in sorted(s.changes.items())) or "none"
    return (
        f"resolve: {s.accounts} accounts → {s.persons} persons "
        f"({s.persons_with_several_accounts} with several accounts); "
        f"{s.hard_links} hard links, {s.candidate_pairs} pairs scored, "
        f"{s.merged_links} links merged, {s.blocked_links} blocked by judgements "
        f"({s.judgements} in force); id changes: {changes}; {s.wall_seconds:.1f} s"
    )
