"""Fault injection for ingest: fail the Nth write-side operation, and check the case after.

:func:`inject` patches every place where ingest writes, in the shape each one
really fails:

- staged files: ``os.open`` (for writing), ``os.write``, ``os.fsync``,
  ``Path.mkdir``, ``Path.rename`` → ``OSError(errno)``;
- Parquet: ``ParquetWriter`` open, ``write_table`` and ``close`` → the
  ``OSError`` Arrow raises ("Error writing bytes to file. Detail: [errno 28] …");
- the analysis store: opening it for writing, and every statement that
  changes it (INSERT, UPDATE, DELETE, CREATE, COMMIT) → the ``EngineError``
  DuckDB's "IO Error: Could not write file …" becomes;
- the audit log: ``AuditStore.record`` → SQLAlchemy's ``OperationalError``
  from SQLite ("database or disk is full" / "disk I/O error").

Used by tests/ingest/test_faults_nth.py (a bounded choice of N) and
benchmarks/faults.py (every N until a run completes).
"""

from __future__ import annotations

import contextlib
import errno
import os
import pathlib
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from typing import Any
from unittest import mock

import duckdb
import pyarrow.parquet as pq
import sqlalchemy.exc

from safeguard.case import Case, open_case
from safeguard.engine.duckdb_engine import Engine
from safeguard.evidence.register import verify
from safeguard.exceptions import EngineError, StorageError
from safeguard.ingest.mapping import REFERENCES
from safeguard.ingest.runner import ingest
from safeguard.model.schema import load_schema
from safeguard.store.audit import AuditStore
from tests.support.phpbb_fixture import PhpbbDump

CODES = {"ENOSPC": errno.ENOSPC, "EIO": errno.EIO}
_STORE_WRITES = ("INSERT", "UPDATE", "DELETE", "CREATE", "COMMIT", "ALTER", "DROP")
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT


@dataclass
class FaultPlan:
    """Fail operation number ``fail_at`` (1-based; None: only count) with ``code``;
    ``sticky``: every later operation fails too (a disk that stays full or broken)."""

    fail_at: int | None
    code: int = errno.ENOSPC
    sticky: bool = False
    trace: list[str] = field(default_factory=list)
    fired: str | None = None

    def hit(self, label: str) -> bool:
        """Count one operation; True if this one must fail."""
        self.trace.append(label)
        if self.fail_at is None or len(self.trace) < self.fail_at:
            return False
        if len(self.trace) == self.fail_at:
            self.fired = label
            return True
        return self.sticky


def _os_error(code: int, filename: object = None) -> OSError:
    if filename is None:
        return OSError(code, os.strerror(code))
    return OSError(code, os.strerror(code), filename)


def _wrap_os(plan: FaultPlan, label: str, real: Callable[..., Any]) -> Callable[..., Any]:
    def fake(*args: Any, **kw: Any) -> Any:
        if label == "os.open" and not (args[1] if len(args) > 1 else kw["flags"]) & _WRITE_FLAGS:
            return real(*args, **kw)  # reading is not a write-side operation
        if plan.hit(label):
            raise _os_error(plan.code, args[0] if isinstance(args[0], (str, os.PathLike)) else None)
        return real(*args, **kw)

    return fake


def _wrap_parquet(plan: FaultPlan, label: str, real: Callable[..., Any]) -> Callable[..., Any]:
    def fake(self: Any, *args: Any, **kw: Any) -> Any:
        if plan.hit(label):
            if label == "parquet.close":  # as in Arrow: the file is closed, then the error
                with contextlib.suppress(OSError):
                    real(self)
            detail = f"[errno {plan.code}] {os.strerror(plan.code)}"
            raise OSError(plan.code, f"Error writing bytes to file. Detail: {detail}")
        return real(self, *args, **kw)

    return fake


def _wrap_execute(plan: FaultPlan, real: Callable[..., Any]) -> Callable[..., Any]:
    def fake(self: Engine, sql: str, params: Any = None) -> Any:
        verb = sql.lstrip().split(None, 1)[0].upper() if sql.strip() else ""
        if verb in _STORE_WRITES and plan.hit(f"store.{verb.lower()}"):
            cause = duckdb.IOException(
                f'IO Error: Could not write file "{self.path}.wal": {os.strerror(plan.code)}'
            )
            raise EngineError(f"analysis engine error: {cause}", sql) from cause
        return real(self, sql, params)

    return fake


def _wrap_connect(plan: FaultPlan, real: Callable[..., Any]) -> Callable[..., Any]:
    def fake(database: str = ":memory:", read_only: bool = False, **kw: Any) -> Any:
        if not read_only and plan.hit("store.open"):
            raise duckdb.IOException(
                f'IO Error: Cannot open file "{database}": {os.strerror(plan.code)}'
            )
        return real(database, read_only=read_only, **kw)

    return fake


def _wrap_audit(plan: FaultPlan, real: Callable[..., Any]) -> Callable[..., Any]:
    def fake(self: AuditStore, *args: Any, **kw: Any) -> Any:
        if plan.hit("audit.record"):
            text = "database or disk is full" if plan.code == errno.ENOSPC else "disk I/O error"
            raise sqlalchemy.exc.OperationalError(
                "INSERT INTO audit_events", None, sqlite3.OperationalError(text)
            )
        return real(self, *args, **kw)

    return fake


@contextmanager
def inject(plan: FaultPlan) -> Iterator[FaultPlan]:
    """Within the block, every write-side operation of ingest counts in ``plan``."""
    with ExitStack() as stack:

        def patch(owner: Any, name: str, fake: Callable[..., Any]) -> None:
            stack.enter_context(mock.patch.object(owner, name, fake))

        for name in ("open", "write", "fsync"):
            patch(os, name, _wrap_os(plan, f"os.{name}", getattr(os, name)))
        for name in ("mkdir", "rename"):
            patch(pathlib.Path, name, _wrap_os(plan, f"path.{name}", getattr(pathlib.Path, name)))
        for name, label in (("__init__", "open"), ("write_table", "write"), ("close", "close")):
            real = getattr(pq.ParquetWriter, name)
            patch(pq.ParquetWriter, name, _wrap_parquet(plan, f"parquet.{label}", real))
        patch(Engine, "execute", _wrap_execute(plan, Engine.execute))
        patch(duckdb, "connect", _wrap_connect(plan, duckdb.connect))
        patch(AuditStore, "record", _wrap_audit(plan, AuditStore.record))
        yield plan


# --- the case under test and what "not corrupted" means -------------------------------


def second_forum(members: int = 40, posts: int = 300, rows_per_insert: int = 50) -> bytes:
    """A small phpBB dump of ordinary chatter (members, posts, one topic, one PM): the
    second item of a two-item case, or at larger sizes the forum a run is killed in."""
    d = PhpbbDump()
    for uid in range(2, 2 + members):
        d.add(
            "users",
            user_id=uid,
            username=f"member{uid}",
            user_email=f"m{uid}@gmx.de",
            user_regdate=1262304000 + uid,
            user_ip=f"198.51.100.{uid % 250}",
        )
    for pid in range(posts):
        d.add(
            "posts",
            post_id=pid + 1,
            topic_id=pid // 20,
            poster_id=2 + pid % members,
            poster_ip=f"203.0.113.{pid % 250}",
            post_time=1262400000 + pid,
            post_text=f"post {pid}: the match on Saturday was rained off",
        )
    d.add("topics", topic_id=0, topic_title="Saturday league")
    d.add("privmsgs", msg_id=1, author_id=2, to_address="u_3", bcc_address="")
    d.add("privmsgs_to", msg_id=1, user_id=3, author_id=2)
    return d.render(rows_per_insert=rows_per_insert)


def record_tables() -> list[str]:
    """Tables that hold ingest's output, one row set per evidence item."""
    schema = load_schema().tables
    return [t for t in schema if t != "evidence" and "evidence_id" in schema[t].column_names]


def item_digests(case: Case) -> dict[str, str]:
    """Per evidence item: SHA-256 over its rows in every record table, in canonical order.

    An item that is half loaded has a digest equal neither to nothing nor to a clean run.
    """
    schema = load_schema().tables
    parts: dict[str, list[str]] = {}
    with case.engine(read_only=True) as eng:
        for table in record_tables():
            cols = ", ".join(f'"{c}"' for c in schema[table].column_names)
            rows = eng.fetchall(
                f"SELECT evidence_id, sha256(string_agg(h, '' ORDER BY h)) FROM "
                f'(SELECT evidence_id, sha256(CAST(row({cols}) AS VARCHAR)) AS h FROM "{table}") '
                "GROUP BY evidence_id"
            )
            for ev, digest in rows:
                parts.setdefault(ev, []).append(f"{table}:{digest}")
    return {ev: "|".join(sorted(p)) for ev, p in parts.items()}


def store_digests(case: Case) -> dict[str, str]:
    """The whole store, table by table (``Engine.table_digest``)."""
    with case.engine(read_only=True) as eng:
        return {t: eng.table_digest(t) for t in load_schema().tables if t != "evidence"}


def statuses(case: Case) -> dict[str, str]:
    with case.engine(read_only=True) as eng:
        return dict(eng.fetchall("SELECT evidence_id, ingest_status FROM evidence"))


def integrity_problems(case: Case) -> list[str]:
    """DuckDB has no ``PRAGMA integrity_check``: read every column of every row of every
    table back in a fresh read-only connection (DuckDB verifies each block's checksum as
    it reads it from disk), and check the account references ingest promises
    (SQLite's ``foreign_key_check``)."""
    problems = []
    with case.engine(read_only=True) as eng:
        tables = [r[0] for r in eng.fetchall("SELECT table_name FROM duckdb_tables()")]
        for table in tables:
            try:
                eng.fetchall(f'SELECT count(*), sum(hash(t)) FROM "{table}" AS t')
            except EngineError as exc:
                problems.append(f"{table}: {str(exc).splitlines()[0]}")
        for (table, column), kind in REFERENCES.items():
            if kind != "acc":
                continue
            orphans = eng.fetchall(
                f'SELECT count(*) FROM "{table}" WHERE "{column}" IS NOT NULL AND "{column}" '
                "NOT IN (SELECT account_id FROM accounts)"
            )[0][0]
            if orphans:  # ingest nulls references to accounts the source lacks
                problems.append(f"{table}.{column}: {orphans} rows name no account")
    return problems + sqlite_problems(case.root / "decisions.sqlite")


def sqlite_problems(path: pathlib.Path) -> list[str]:
    """``PRAGMA integrity_check`` of the audit log's SQLite file."""
    con = sqlite3.connect(path)
    try:
        result = [r[0] for r in con.execute("PRAGMA integrity_check")]
    finally:
        con.close()
    return [] if result == ["ok"] else [f"{path.name}: {'; '.join(result)}"]


# --- one fault, then a rerun: what must hold ------------------------------------------


@dataclass(frozen=True)
class Clean:
    """What one undisturbed ingest of the pristine case gives."""

    items: dict[str, str]
    store: dict[str, str]
    trace: list[str]


def clean_run(pristine: pathlib.Path, work: pathlib.Path) -> Clean:
    """Ingest a copy of ``pristine`` once, counting its write-side operations."""
    shutil.copytree(pristine, work)
    case = open_case(work)
    with inject(FaultPlan(None)) as plan:
        summary = ingest(case)
    assert not summary.failed, summary.failed
    return Clean(item_digests(case), store_digests(case), plan.trace)


def state_problems(case: Case, clean: Clean) -> list[str]:
    """Each item is wholly absent or exactly as after a clean run; no partial staging."""
    problems = []
    now, status = item_digests(case), statuses(case)
    for ev, digest in clean.items.items():
        if ev in now and now[ev] != digest:
            problems.append(f"{ev}: partly loaded (rows differ from a clean run)")
        if (status.get(ev) == "ingested") != (now.get(ev) == digest):
            problems.append(f"{ev}: status {status.get(ev)!r} does not match its rows")
    problems += [f"left behind: {p.name}" for p in case.raw_dir.glob("*.partial")]
    return problems + integrity_problems(case)


def message_problems(message: str, case: Case, code: int) -> list[str]:
    """The error names a file of the case (or the evidence) and says what to do."""
    problems = []
    if str(case.root) not in message and "/" not in message:
        problems.append(f"names no file: {message!r}")
    if "`safeguard ingest` again" not in message:
        problems.append(f"gives no remedy: {message!r}")
    hint = {errno.ENOSPC: "free space", errno.EFBIG: "ulimit"}.get(code, "dmesg")
    if hint not in message:
        problems.append(f"remedy does not fit {errno.errorcode[code]}: {message!r}")
    if "Traceback" in message or "failed SQL" in message:
        problems.append(f"internals leak into the message: {message!r}")
    return problems


def audit_problems(case: Case, expect_failure: bool) -> list[str]:
    """The audit chain is intact and, when a run failed, says so."""
    with case.audit() as audit:
        problems = audit.verify()
        failed = [e for e in audit.events() if e["outcome"] == "failed"]
    if expect_failure and not failed:
        problems.append("the failed run is not in the audit log")
    return problems


def evidence_problems(case: Case) -> list[str]:
    """Every registered item still hashes as registered."""
    return [r.message for r in verify(case) if not r.ok]


def fail_nth(
    pristine: pathlib.Path,
    work: pathlib.Path,
    n: int,
    code: int,
    clean: Clean,
    *,
    sticky: bool = False,
) -> list[str]:
    """Fail write operation ``n`` of an ingest with ``code``, check, rerun, check again.

    Returns what went wrong (empty: nothing lost, nothing corrupted, clear error)."""
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(pristine, work)
    case = open_case(work)
    plan = FaultPlan(n, code, sticky=sticky)
    messages: list[str] = []
    with inject(plan):
        try:
            messages = list(ingest(case).failed.values())
        except StorageError as exc:  # only when the audit log itself cannot be written
            messages = [str(exc)]
    where = f"N={n} ({plan.fired}, {errno.errorcode[code]}{', sticky' if sticky else ''})"
    problems = state_problems(case, clean)
    for m in messages:
        problems += message_problems(m, case, code)
    # the failure must be in the audit log, unless the message says the log was unwritable
    unrecorded = any("cannot write the audit log" in m for m in messages)
    problems += audit_problems(case, bool(messages) and not unrecorded)
    summary = ingest(case)  # the rerun, storage healthy again
    if summary.failed:
        problems.append(f"rerun failed: {summary.failed}")
    if item_digests(case) != clean.items or store_digests(case) != clean.store:
        problems.append("rerun does not give the clean digest")
    problems += state_problems(case, clean) + audit_problems(case, False)
    problems += evidence_problems(case)
    return [f"{where}: {p}" for p in problems]
