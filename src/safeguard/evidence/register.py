"""The evidence register: what was acquired, by whom, from where, with which hash.

Registering records the SHA-256 and size of the bytes exactly as acquired
(a ``.gz`` or ``.zip`` is hashed compressed) and refuses the same bytes twice.
:func:`verify` re-hashes every item and reports any change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from safeguard.case import Case, actor
from safeguard.evidence.access import detect_container
from safeguard.evidence.hashing import sha256_file
from safeguard.exceptions import DuplicateEvidenceError, EvidenceError


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    """One registered item."""

    evidence_id: str
    sha256: str
    size_bytes: int
    path: Path
    original_name: str
    container: str
    ingest_status: str
    format: str | None


def evidence_id_for(sha256: str) -> str:
    return f"ev-{sha256[:12]}"


def add(case: Case, file: Path, *, acquired_by: str, source: str) -> EvidenceItem:
    """Register ``file``; raise DuplicateEvidenceError if its bytes are registered already."""
    path = file.resolve()
    if not path.is_file():
        raise EvidenceError(f"{file}: not a readable file")
    sha, size = sha256_file(path)
    with case.engine() as eng:
        clash = eng.fetchall("SELECT evidence_id, path FROM evidence WHERE sha256 = ?", [sha])
        if clash:
            raise DuplicateEvidenceError(
                f"{file}: the same bytes (SHA-256 {sha}) are already registered as "
                f"{clash[0][0]} from {clash[0][1]}; not registered again"
            )
        container = detect_container(path)
        eng.execute(
            "INSERT INTO evidence (evidence_id, sha256, size_bytes, original_name, path, "
            "container, acquired_by, acquired_from, registered_at, ingest_status) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')",
            [
                evidence_id_for(sha),
                sha,
                size,
                path.name,
                str(path),
                container,
                acquired_by,
                source,
                datetime.now(UTC).replace(tzinfo=None),
            ],
        )
    with case.audit() as audit:
        audit.record(
            actor(),
            "evidence.add",
            evidence_id_for(sha),
            sha256=sha,
            size=size,
            path=str(path),
            acquired_by=acquired_by,
            source=source,
        )
    return EvidenceItem(
        evidence_id_for(sha), sha, size, path, path.name, container, "pending", None
    )


def items(case: Case) -> list[EvidenceItem]:
    """All registered items, in registration order."""
    with case.engine(read_only=True) as eng:
        rows = eng.fetchall(
            "SELECT evidence_id, sha256, size_bytes, path, original_name, container, "
            "ingest_status, format FROM evidence ORDER BY registered_at, evidence_id"
        )
    return [EvidenceItem(r[0], r[1], r[2], Path(r[3]), r[4], r[5], r[6], r[7]) for r in rows]


@dataclass(frozen=True, slots=True)
class VerifyResult:
    """Outcome of re-hashing one item."""

    item: EvidenceItem
    ok: bool
    message: str


def verify_item(item: EvidenceItem) -> VerifyResult:
    """Re-hash one item and compare with the register."""
    if not item.path.is_file():
        return VerifyResult(item, False, f"{item.evidence_id}: file missing at {item.path}")
    sha, size = sha256_file(item.path)
    if sha != item.sha256 or size != item.size_bytes:
        return VerifyResult(
            item,
            False,
            f"{item.evidence_id}: CHANGED — registered SHA-256 {item.sha256} ({item.size_bytes}"
            f" bytes), now {sha} ({size} bytes) at {item.path}",
        )
    return VerifyResult(item, True, f"{item.evidence_id}: ok {sha}")


def verify(case: Case) -> list[VerifyResult]:
    """Re-hash every item; audit the outcome."""
    results = [verify_item(i) for i in items(case)]
    with case.audit() as audit:
        for r in results:
            audit.record(
                actor(),
                "evidence.verify",
                r.item.evidence_id,
                "ok" if r.ok else "changed",
                message=r.message,
            )
    return results
