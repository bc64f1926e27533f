"""The case folder: one seized-forum investigation on disk.

::

    CASE/
      case.json          case id, creation time, folder format version
      analysis.duckdb    analysis store (records, selectors, …) — see docs/schema.md
      decisions.sqlite   decisions and audit trail (SQLAlchemy; PostgreSQL on a team server)
      raw/<evidence_id>/ staged raw source tables (Parquet), derived from the evidence
      runs/<run_id>/     resolved settings and report of each run
      runs/space-reserve 2 MiB held back so a run failing on a full disk can still
                         record its failure in the audit log (see Case.keep_reserve)

Evidence is *referenced* read-only where it lies (by absolute path and
SHA-256); it is never copied, moved or opened for writing. Seized images are
large and usually sit on write-blocked or read-only media already; the hash
recorded at registration is checked again before every ingest.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from safeguard.engine.duckdb_engine import Engine
from safeguard.exceptions import CaseError, EngineError
from safeguard.settings import Settings, get_settings
from safeguard.store.audit import AuditStore

FORMAT_VERSION = 1
RESERVE_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class Case:
    """An opened case folder."""

    root: Path
    case_id: str
    settings: Settings

    @property
    def analysis_path(self) -> Path:
        return self.root / "analysis.duckdb"

    @property
    def raw_dir(self) -> Path:
        return self.root / "raw"

    def decisions_url(self) -> str:
        return self.settings.decisions_url or f"sqlite:///{self.root / 'decisions.sqlite'}"

    @contextmanager
    def engine(self, *, read_only: bool = False) -> Iterator[Engine]:
        eng = Engine(self.analysis_path, self.settings, read_only=read_only)
        try:
            yield eng
        finally:
            eng.close()

    @property
    def reserve_path(self) -> Path:
        return self.root / "runs" / "space-reserve"

    def keep_reserve(self) -> None:
        """Hold :data:`RESERVE_BYTES` of disk in the case folder (best effort).

        A run that fails because the disk is full calls :meth:`release_reserve`
        first, so that the audit log can still record the failure and why.
        """
        path = self.reserve_path
        if path.is_file() and path.stat().st_size == RESERVE_BYTES:
            return
        try:
            path.parent.mkdir(exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            try:
                # real zeros, not a sparse file: the blocks must be allocated now
                block = bytes(256 * 1024)
                for _ in range(RESERVE_BYTES // len(block)):
                    os.write(fd, block)
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError:
            path.unlink(missing_ok=True)  # no room even for the reserve: carry on without

    def release_reserve(self) -> None:
        """Give the reserved space back (a run failed for lack of space)."""
        self.reserve_path.unlink(missing_ok=True)

    @contextmanager
    def audit(self) -> Iterator[AuditStore]:
        store = AuditStore(self.decisions_url())
        try:
            yield store
        finally:
            store.close()


def actor() -> str:
    """Who is acting: SAFEGUARD_ACTOR, else the login name."""
    return os.environ.get("SAFEGUARD_ACTOR") or os.environ.get("USER") or "unknown"


def init_case(root: Path, settings: Settings | None = None) -> Case:
    """Create a new case folder (refuses a non-empty folder that is not a case)."""
    settings = settings or get_settings()
    if (root / "case.json").exists():
        raise CaseError(f"{root} is already a case folder")
    if root.exists() and any(root.iterdir()):
        raise CaseError(f"{root} exists and is not empty; choose a new folder")
    root.mkdir(parents=True, exist_ok=True)
    meta: dict[str, str | int] = {
        "case_id": str(uuid.uuid4()),
        "created_at": datetime.now(UTC).isoformat(),
        "format_version": FORMAT_VERSION,
    }
    (root / "raw").mkdir()
    (root / "runs").mkdir()
    case = Case(root.resolve(), str(meta["case_id"]), settings)
    with case.engine() as eng:
        eng.create_schema()
    with case.audit() as audit:
        audit.record(actor(), "case.init", str(case.root), case_id=meta["case_id"])
    (root / "case.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return case


def open_case(root: Path, settings: Settings | None = None) -> Case:
    """Open an existing case folder."""
    meta_path = root / "case.json"
    if not meta_path.is_file():
        raise CaseError(f"{root} is not a case folder (no case.json); run `safeguard case init`")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    if meta.get("format_version") != FORMAT_VERSION:
        raise CaseError(f"{root}: case format {meta.get('format_version')} is not supported")
    case = Case(root.resolve(), str(meta["case_id"]), settings or get_settings())
    try:
        with case.engine() as eng:
            eng.create_schema()  # adds tables introduced since the case was made
    except EngineError as exc:
        from safeguard.ingest.failures import from_engine_error

        storage = from_engine_error(exc, case.analysis_path)
        if storage is None:
            raise
        raise storage from exc
    return case
