"""The stage order, written once.

``safeguard run CASE`` runs these in order. Every stage is re-runnable and
skips work already done (ingest skips items already ingested). Later issues
add ``score``, ``link`` and ``package`` here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from safeguard.case import Case
from safeguard.ingest.runner import ProgressFactory, ingest


@dataclass(frozen=True)
class Stage:
    name: str
    doc: str
    run: Callable[[Case, ProgressFactory | None], Any]
    report: Callable[[Any], str] | None = None  # one line for a person, after the stage


def _ingest(case: Case, progress: ProgressFactory | None) -> Any:
    return ingest(case, progress=progress)


def _extract(case: Case, progress: ProgressFactory | None) -> Any:
    from safeguard.extract import stage

    return stage.run(case, progress)


def _extract_report(s: Any) -> str:
    kinds = ", ".join(f"{k} {v}" for k, v in sorted(s.by_type.items(), key=lambda kv: -kv[1]))
    rate = ""
    if s.items and s.seconds:
        rate = (
            f" ({s.bytes_total / 1e6 / s.seconds:.1f} MB of text/s, "
            f"{s.observations / s.seconds:,.0f} observations/s)"
        )
    return (
        f"extract: {s.items} items extracted, {s.skipped} already done; "
        f"{s.texts_scanned} of {s.texts_total} texts needed the finder; "
        f"{s.bytes_total / 1e6:.0f} MB of text, {s.observations} observations in "
        f"{s.seconds:.1f} s{rate}. Observations: {kinds or 'none'}"
    )


def _enrich(case: Case, progress: ProgressFactory | None) -> Any:
    from safeguard.enrich import stage

    return stage.run(case, progress)


def _enrich_report(s: Any) -> str:
    kinds = ", ".join(f"{k} {v}" for k, v in s.by_kind.items())
    rate = f" ({s.enrichments / s.seconds:,.0f} observations/s)" if s.items and s.seconds else ""
    line = (
        f"enrich: {s.items} items enriched, {s.skipped} already done; "
        f"{s.distinct_ips} distinct IPs looked up, {s.enrichments} observations enriched "
        f"in {s.seconds:.1f} s{rate}. Kinds: {kinds or 'none'}"
    )
    return line + "".join(f"\n   reference data problem: {p}" for p in s.problems)


def _resolve(case: Case, progress: ProgressFactory | None) -> Any:
    from safeguard.resolve import stage

    return stage.run(case, progress)


def _resolve_report(s: Any) -> str:
    from safeguard.resolve import stage

    return stage.report(s)


def _attribute(case: Case, progress: ProgressFactory | None) -> Any:
    from safeguard.attribute import stage

    return stage.run(case, progress)


def _attribute_report(s: Any) -> str:
    status = ", ".join(f"{k} {v}" for k, v in sorted(s.status.items()))
    line = f"attribute: {s.accounts} accounts ({status}); {s.seconds:.1f} s"
    if s.persons:
        line += (
            f"; {s.persons} persons ("
            + ", ".join(f"{k} {v}" for k, v in sorted(s.person_status.items()))
            + ")"
        )
    return line


def _requests(case: Case, progress: ProgressFactory | None) -> Any:
    from safeguard.provider_requests import stage

    return stage.run(case, progress)


def _requests_report(s: Any) -> str:
    top = sorted(s.by_country.items(), key=lambda kv: -kv[1])[:8]
    return (
        f"requests: {s.requests} provider requests for {len(s.by_country)} countries "
        f"({', '.join(f'{c} {n}' for c, n in top)}…) in {s.folder}; {s.seconds:.1f} s"
    )


STAGES: tuple[Stage, ...] = (
    Stage("ingest", "read every registered evidence item into records", _ingest),
    Stage("extract", "find every selector occurrence (observations)", _extract, _extract_report),
    Stage("enrich", "what each observation implies, offline", _enrich, _enrich_report),
    Stage("resolve", "accounts become persons (identity resolution)", _resolve, _resolve_report),
    Stage("attribute", "the country that can act on each person", _attribute, _attribute_report),
    Stage("requests", "what to ask of operators and providers", _requests, _requests_report),
)


def run(
    case: Case,
    progress: ProgressFactory | None = None,
    on_stage: Callable[[Stage, Any], None] | None = None,
) -> dict[str, Any]:
    """Run every stage in order; save the resolved settings next to the run's outputs."""
    run_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    folder = case.root / "runs" / run_id
    folder.mkdir(parents=True)
    (folder / "settings.json").write_text(case.settings.model_dump_json(indent=1), "utf-8")
    results: dict[str, Any] = {}
    for stage in STAGES:
        results[stage.name] = stage.run(case, progress)
        if on_stage:
            on_stage(stage, results[stage.name])
    return results
