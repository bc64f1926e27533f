"""Every error Safeguard raises on purpose.

::

    SafeguardError                 base; the CLI prints its message, exit 2
    ├── SettingsError              a setting is missing or invalid
    ├── CaseError                  case folder missing, not a case, wrong version
    ├── EvidenceError
    │   ├── DuplicateEvidenceError the same bytes are already registered
    │   ├── EvidenceChangedError   a registered item no longer hashes the same
    │   ├── EvidenceFormatError    a stream is not in the expected format at all
    │   └── UnsafeArchiveError     bomb, path traversal, too many members
    ├── MappingError               a mapping file is invalid or does not fit
    ├── QueryError                 a user query failed or tried to write
    ├── EngineError                the analysis engine failed; carries the SQL
    └── StorageError               the case folder's disk is full, failing or read-only

A damaged *row* is never an exception: readers report it as a
:class:`safeguard.ingest.readers.base.Problem` and carry on.
"""

from __future__ import annotations


class SafeguardError(Exception):
    """Base class: an expected failure with a message meant for the user."""


class SettingsError(SafeguardError):
    """A setting is missing or invalid."""


class CaseError(SafeguardError):
    """The case folder is missing, not a case, or of an unknown version."""


class EvidenceError(SafeguardError):
    """Something is wrong with an evidence item."""


class DuplicateEvidenceError(EvidenceError):
    """The same bytes are already registered in this case."""


class EvidenceChangedError(EvidenceError):
    """A registered evidence item no longer has the hash it was registered with."""


class EvidenceFormatError(EvidenceError):
    """A stream is not in the expected format at all."""


class UnsafeArchiveError(EvidenceError):
    """An archive is a decompression bomb, escapes its folder, or is otherwise unsafe."""


class MappingError(SafeguardError):
    """A mapping file is invalid, or does not fit the evidence."""


class QueryError(SafeguardError):
    """A user query failed, or tried to change the store."""


class EngineError(SafeguardError):
    """The analysis engine failed. ``sql`` holds the statement that failed."""

    def __init__(self, message: str, sql: str | None = None) -> None:
        super().__init__(message if sql is None else f"{message}\n-- failed SQL:\n{sql}")
        self.sql = sql


class StorageError(SafeguardError):
    """Writing to the case folder failed (disk full, I/O error, read-only).

    The message names the file and the remedy; ``path`` is that file and
    ``errno`` the operating system's error number when known. Nothing partial
    is kept: the same command, run again once the storage is fixed, resumes.
    """

    def __init__(self, message: str, path: str | None = None, errno: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.errno = errno
