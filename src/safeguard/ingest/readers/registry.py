"""The readers Safeguard knows, and choosing one for a stream by sniffing its head."""

from __future__ import annotations

import importlib
from functools import cache

from safeguard.exceptions import EvidenceFormatError
from safeguard.ingest.readers.base import Reader, SourceInfo

#: reader name -> (module, class); imported on first use
READERS: dict[str, tuple[str, str]] = {
    "mysqldump": ("safeguard.ingest.readers.mysqldump", "MySQLDumpReader"),
    "pgdump": ("safeguard.ingest.readers.pgdump", "PgDumpReader"),
    "accesslog": ("safeguard.ingest.readers.accesslog", "AccessLogReader"),
    "mail": ("safeguard.ingest.readers.mail", "MailReader"),
    "csv": ("safeguard.ingest.readers.tabular", "CsvReader"),
    "jsonl": ("safeguard.ingest.readers.tabular", "JsonlReader"),
}

SNIFF_BYTES = 64 * 1024
MIN_CONFIDENCE = 0.3


@cache
def get_reader(name: str) -> Reader:
    """The reader called ``name``."""
    if name not in READERS:
        raise EvidenceFormatError(f"unknown reader {name!r}; known: {sorted(READERS)}")
    module, cls = READERS[name]
    reader: Reader = getattr(importlib.import_module(module), cls)()
    return reader


def sniff(head: bytes, info: SourceInfo) -> Reader:
    """The most confident reader for a stream starting with ``head``."""
    scored = sorted(
        ((get_reader(n).sniff(head, info), n) for n in READERS), key=lambda s: (-s[0], s[1])
    )
    confidence, name = scored[0]
    if confidence < MIN_CONFIDENCE:
        raise EvidenceFormatError(
            f"{info.name}: not a format Safeguard reads (SQL dump, access log, mail, CSV, "
            "JSONL); use --format to force one"
        )
    return get_reader(name)
