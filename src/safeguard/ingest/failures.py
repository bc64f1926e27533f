"""Storage failures during ingest → one :class:`StorageError` naming the file and the remedy.

Ingest writes in three places: staged Parquet and manifests under ``raw/``
(Python and Arrow file I/O: ``OSError``), the analysis store (DuckDB's own
C++ I/O: an :class:`EngineError` whose text carries the operating system's
message) and the audit log (SQLite through SQLAlchemy). Each kind of failure
is recognised here and turned into a message a person can act on; anything
not recognised as storage is left alone so that real bugs stay visible.
"""

from __future__ import annotations

import errno as errnos
import os
import re
from pathlib import Path

from safeguard.exceptions import SafeguardError, StorageError

#: the operating system's wording (strerror) of the errors a disk can give, by errno
_OS_TEXT = {
    errnos.ENOSPC: "No space left on device",
    errnos.EDQUOT: "Disk quota exceeded",
    errnos.EFBIG: "File too large",
    errnos.EIO: "Input/output error",
    errnos.EROFS: "Read-only file system",
    errnos.EACCES: "Permission denied",
}
_FULL = (errnos.ENOSPC, errnos.EDQUOT)
_DUCKDB_FILE = re.compile(r'(?:write|open|sync|truncate|create)[^"]*"([^"]+)"', re.I)


def remedy(code: int | None, folder: Path) -> str:
    """What the person running ingest should do about ``code`` in the case ``folder``."""
    if code in _FULL:
        return (
            f"free space on the disk holding {folder} (see `df -h {folder}`) or move the case "
            "folder to a larger disk, then run `safeguard ingest` again; nothing partial was kept"
        )
    if code == errnos.EFBIG:
        return (
            f"a file in {folder} reached the file-size limit: raise it (`ulimit -f`) or move "
            "the case folder to a file system that allows larger files, then run "
            "`safeguard ingest` again; nothing partial was kept"
        )
    if code == errnos.EIO:
        return (
            f"the disk holding {folder} reported an I/O error: check it (dmesg, smartctl), copy "
            "the case folder to healthy storage, then run `safeguard ingest` again"
        )
    if code in (errnos.EROFS, errnos.EACCES, errnos.EPERM):
        return f"make {folder} writable for this user, then run `safeguard ingest` again"
    return (
        f"check the disk holding {folder} for free space (`df -h {folder}`) and errors (dmesg), "
        "then run `safeguard ingest` again"
    )


def from_os_error(exc: OSError, where: Path, case_root: Path) -> StorageError:
    """An ``OSError`` raised while writing ``where`` (a file or folder) in a case."""
    path = Path(exc.filename) if isinstance(exc.filename, str) else where
    reason = exc.strerror or str(exc)
    if exc.errno is not None and exc.errno in _OS_TEXT:
        reason = _OS_TEXT[exc.errno]  # pyarrow's strerror is a sentence with a "Detail:" tail
    return StorageError(
        f"cannot write {path}: {reason}; {remedy(exc.errno, case_root)}", str(path), exc.errno
    )


def from_engine_error(exc: SafeguardError, store: Path) -> StorageError | None:
    """A storage failure inside the analysis store (from an ``EngineError``, or a
    ``CaseError`` when it could not be opened), or None for any other error."""
    text = str(exc).split("\n-- failed SQL:", 1)[0]
    code = next((c for c, t in _OS_TEXT.items() if t.lower() in text.lower()), None)
    if code is None:
        return None
    m = _DUCKDB_FILE.search(text)
    path = Path(m.group(1)) if m else store
    return StorageError(
        f"cannot write the analysis store {path}: {_OS_TEXT[code]}; {remedy(code, store.parent)}",
        str(path),
        code,
    )


def from_audit_error(exc: Exception, url: str) -> StorageError:
    """The audit log (decisions store) could not be written."""
    text = str(getattr(exc, "orig", exc))
    where = Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite") else Path(os.curdir)
    # SQLite says "disk I/O error" for a full tmpfs too: the remedy then covers both causes
    code = errnos.ENOSPC if "database or disk is full" in text.lower() else None
    target = where if url.startswith("sqlite") else "the decisions database"
    return StorageError(
        f"cannot write the audit log {target}: {text}; {remedy(code, where.parent)}",
        str(where),
        code,
    )
