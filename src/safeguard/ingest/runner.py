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
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from safeguard.case import Case, actor
from safeguard.engine.duckdb_engine import Engine
from safeguard.evidence.register import EvidenceItem, items, verify_item
from safeguard.exceptions import (
    CaseError,
    EngineError,
    EvidenceChangedError,
    MappingError,
    SafeguardError,
    StorageError,
)
from safeguard.ingest.failures import from_audit_error, from_engine_error, from_os_error
from safeguard.ingest.load import load_unit
from safeguard.ingest.mapping import Mapping, load_mapping_file, load_mappings
from safeguard.ingest.stage import UnitManifest, fsync_path, stage_item

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
    """Ingest every pending item. Idempotent and resumable.

    A run with work to do is audited as ``ingest.run`` ``started`` and then
    ``ok`` or ``failed`` (a run killed in between shows as a start without an
    end), with one ``ingest`` event per item. A :class:`StorageError` (disk
    full, I/O error) stops the run after recording it: the items left are
    neither attempted nor changed. Raises :class:`StorageError` only when the
    audit log itself cannot be written.
    """
    summary = IngestSummary()
    mappings, forced = _mappings(case, forced_format)
    pending = []
    for item in items(case):
        if item.ingest_status in ("ingested", "unreadable"):
            summary.skipped.append(item.evidence_id)
        else:
            pending.append(item)
    if not pending:
        return summary
    run_id = uuid.uuid4().hex
    _audit(case, "ingest.run", run_id, "started", items=[i.evidence_id for i in pending])
    case.keep_reserve()
    for item in pending:
        if not _ingest_one(case, item, mappings, forced, progress, summary, run_id):
            break
    outcome = "failed" if summary.failed else "ok"
    _audit(case, "ingest.run", run_id, outcome, ingested=summary.ingested, failed=summary.failed)
    return summary


def _ingest_one(
    case: Case,
    item: EvidenceItem,
    mappings: dict[str, Mapping],
    forced: str | None,
    progress: ProgressFactory | None,
    summary: IngestSummary,
    run_id: str,
) -> bool:
    """Ingest one item into ``summary`` and audit it; False: stop the run (storage failed)."""
    try:
        counts, problems, status = ingest_item(case, item, mappings, forced, progress)
    except StorageError as exc:
        # free what this run took, so the audit log can still record why it stopped
        shutil.rmtree(case.raw_dir / f"{item.evidence_id}.partial", ignore_errors=True)
        case.release_reserve()
        _record_failure(case, item, run_id, exc, summary)
        return False
    except SafeguardError as exc:
        _record_failure(case, item, run_id, exc, summary)
        return True
    (summary.ingested if status == "ingested" else summary.unreadable).append(item.evidence_id)
    summary.problems += problems
    for k, v in counts.items():
        summary.records[k] = summary.records.get(k, 0) + v
    outcome = "ok" if status == "ingested" else status
    _audit(case, "ingest", item.evidence_id, outcome, run=run_id, records=counts, problems=problems)
    return True


def _record_failure(
    case: Case, item: EvidenceItem, run_id: str, exc: SafeguardError, summary: IngestSummary
) -> None:
    summary.failed[item.evidence_id] = str(exc)
    try:
        _audit(case, "ingest", item.evidence_id, "failed", run=run_id, error=str(exc))
    except StorageError as audit_exc:  # say both: why ingest failed, and why it is unrecorded
        raise StorageError(
            f"{item.evidence_id}: {exc}\nThe audit log could not record this failure: {audit_exc}",
            audit_exc.path,
            audit_exc.errno,
        ) from exc


def _audit(case: Case, action: str, target: str, outcome: str, **detail: object) -> None:
    """Append one audit event; on a storage failure, give back the reserve and try once more
    (a full disk must not cost the record of why the run stopped)."""
    for attempt in (1, 2):
        try:
            with case.audit() as audit:
                audit.record(actor(), action, target, outcome, **detail)
            return
        except SQLAlchemyError as exc:
            if attempt == 2:
                raise from_audit_error(exc, case.decisions_url()) from exc
            case.release_reserve()


def ingest_item(
    case: Case,
    item: EvidenceItem,
    mappings: dict[str, Mapping],
    forced: str | None,
    progress: ProgressFactory | None,
) -> tuple[dict[str, int], int, str]:
    """Stage (unless already staged) and load one item; return record counts, problems.

    Raises :class:`StorageError` when the case folder cannot be written."""
    check = verify_item(item)
    if not check.ok:
        raise EvidenceChangedError(check.message + "; refusing to ingest")
    final = case.raw_dir / item.evidence_id
    if not (final / "manifest.json").is_file():
        partial = case.raw_dir / f"{item.evidence_id}.partial"
        try:
            _stage(case, item, partial, final, progress)
        except OSError as exc:
            raise from_os_error(exc, partial, case.root) from exc
    manifests = [
        UnitManifest.from_json(u)
        for u in json.loads((final / "manifest.json").read_text("utf-8"))["units"]
    ]
    try:
        with case.engine() as eng, eng.transaction():
            return _load_item(case, eng, item, final, manifests, mappings, forced)
    except (EngineError, CaseError) as exc:  # CaseError: the store could not be opened
        storage = from_engine_error(exc, case.analysis_path)
        if storage is None:
            raise
        raise storage from exc


def _stage(
    case: Case, item: EvidenceItem, partial: Path, final: Path, progress: ProgressFactory | None
) -> None:
    """Stage into ``partial``, then rename it to ``final`` (the rename marks it complete)."""
    if partial.exists():
        shutil.rmtree(partial)
    partial.mkdir(parents=True)
    stage_item(item, partial, case.settings, progress)
    if final.exists():
        shutil.rmtree(final)
    partial.rename(final)
    fsync_path(case.raw_dir)  # the rename itself survives a power cut


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
