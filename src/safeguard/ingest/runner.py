"""The ingest stage: every registered item not yet ingested → records.

Per item, all or nothing:

1. re-hash the item; a changed item is refused (``EvidenceChangedError``);
2. for each unit (the file, or each archive member): sniff or take the
   reader, stream it into staged Parquet under ``raw/<id>.partial/``;
3. rename the staging folder to ``raw/<id>/`` (a crash before this leaves a
   ``.partial`` folder that the next run deletes and redoes);
4. in one analysis-store transaction: delete anything of this item, choose
   a mapping per unit, insert records, problems and table lists, mark the item
   ingested. A crash here rolls back; the next run maps again from the
   complete staging folder without re-reading the evidence.

Hence a run killed with ``kill -9`` at any point and started again ends with
the same store as one clean run.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from safeguard.case import Case, actor
from safeguard.engine.duckdb_engine import Engine
from safeguard.evidence.register import EvidenceItem, items, verify_item
from safeguard.exceptions import EvidenceChangedError, MappingError, SafeguardError
from safeguard.ingest.load import load_unit
from safeguard.ingest.mapping import Mapping, load_mapping_file, load_mappings
from safeguard.ingest.stage import UnitManifest, stage_item

ProgressFactory = Callable[[str, int | None], Callable[[int, int], None]]


@dataclass
class IngestSummary:
    """What one ``safeguard ingest`` did."""

    ingested: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    unreadable: list[str] = field(default_factory=list)
    records: dict[str, int] = field(default_factory=dict)
    problems: int = 0


def _mappings(case: Case, forced: str | None) -> tuple[dict[str, Mapping], str | None]:
    mappings = load_mappings([case.root / "mappings"])
    if forced and (forced.endswith((".yaml", ".yml")) or "/" in forced):
        m = load_mapping_file(Path(forced))
        mappings[m.name] = m
        forced = m.name
    return mappings, forced


def ingest(
    case: Case, *, forced_format: str | None = None, progress: ProgressFactory | None = None
) -> IngestSummary:
    """Ingest every pending item. Idempotent and resumable."""
    summary = IngestSummary()
    mappings, forced = _mappings(case, forced_format)
    for item in items(case):
        if item.ingest_status in ("ingested", "unreadable"):
            summary.skipped.append(item.evidence_id)
            continue
        try:
            counts, problems, status = ingest_item(case, item, mappings, forced, progress)
        except SafeguardError as exc:
            summary.failed[item.evidence_id] = str(exc)
            _audit(case, item, "failed", error=str(exc))
            continue
        (summary.ingested if status == "ingested" else summary.unreadable).append(item.evidence_id)
        summary.problems += problems
        for k, v in counts.items():
            summary.records[k] = summary.records.get(k, 0) + v
        _audit(
            case, item, "ok" if status == "ingested" else status, records=counts, problems=problems
        )
    return summary


def _audit(case: Case, item: EvidenceItem, outcome: str, **detail: object) -> None:
    with case.audit() as audit:
        audit.record(actor(), "ingest", item.evidence_id, outcome, **detail)


def ingest_item(
    case: Case,
    item: EvidenceItem,
    mappings: dict[str, Mapping],
    forced: str | None,
    progress: ProgressFactory | None,
) -> tuple[dict[str, int], int, str]:
    """Stage (unless already staged) and load one item; return record counts, problems."""
    check = verify_item(item)
    if not check.ok:
        raise EvidenceChangedError(check.message + "; refusing to ingest")
    final = case.raw_dir / item.evidence_id
    if not (final / "manifest.json").is_file():
        partial = case.raw_dir / f"{item.evidence_id}.partial"
        if partial.exists():
            shutil.rmtree(partial)
        partial.mkdir(parents=True)
        stage_item(item, partial, case.settings, progress)
        if final.exists():
            shutil.rmtree(final)
        partial.rename(final)
    manifests = [
        UnitManifest.from_json(u)
        for u in json.loads((final / "manifest.json").read_text("utf-8"))["units"]
    ]
    with case.engine() as eng, eng.transaction():
        return _load_item(case, eng, item, final, manifests, mappings, forced)


def _load_item(
    case: Case,
    eng: Engine,
    item: EvidenceItem,
    folder: Path,
    manifests: list[UnitManifest],
    mappings: dict[str, Mapping],
    forced: str | None,
) -> tuple[dict[str, int], int, str]:
    from safeguard.model.schema import load_schema

    for table in load_schema().tables:
        if table != "evidence" and "evidence_id" in load_schema().tables[table].column_names:
            eng.execute(f'DELETE FROM "{table}" WHERE evidence_id = ?', [item.evidence_id])
    counts: dict[str, int] = {}
    problems = 0
    chosen: list[str] = []
    for unit in manifests:
        salt = hashlib.sha256(
            f"{case.case_id}|{item.sha256}|{unit.member}".encode("utf-8", "surrogatepass")
        ).hexdigest()
        name, unit_counts = load_unit(eng, case.root, item, folder, unit, mappings, forced, salt)
        if name:
            chosen.append(name)
        problems += unit.problem_count
        for k, v in unit_counts.items():
            counts[k] = counts.get(k, 0) + v
    if not chosen and any(u.rows for u in manifests):
        raise MappingError(
            f"{item.evidence_id}: no mapping fits its tables; use --format NAME or a mapping file"
        )
    # nothing readable at all (not a dump, empty, refused archive): say so, keep the report
    status = "ingested" if any(u.reader for u in manifests) else "unreadable"
    eng.execute(
        "UPDATE evidence SET ingest_status = ?, ingested_at = ?, format = ? WHERE evidence_id = ?",
        [
            status,
            datetime.now(UTC).replace(tzinfo=None),
            ",".join(sorted(set(chosen))) or None,
            item.evidence_id,
        ],
    )
    return counts, problems, status
