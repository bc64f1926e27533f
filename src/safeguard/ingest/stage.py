"""Reading an evidence item's units into a staging folder, with progress."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, BinaryIO

from safeguard.evidence.access import Unit, list_units, open_unit
from safeguard.evidence.register import EvidenceItem
from safeguard.exceptions import EvidenceFormatError, SafeguardError, StorageError
from safeguard.ingest.readers.base import Problem, RowBatch, SourceInfo, TableSchema
from safeguard.ingest.readers.registry import SNIFF_BYTES, sniff
from safeguard.ingest.staging import StagingWriter, safe_file_stem
from safeguard.settings import Settings

#: progress(label, total bytes) -> tick(bytes read, rows read) for one unit
Progress = Callable[[str, int | None], Callable[[int, int], None]]


@dataclass
class UnitManifest:
    """What staging found in one unit."""

    member: str
    folder: str  # sub-folder of the item's staging folder
    reader: str | None
    bytes_read: int
    rows: int
    tables: dict[str, dict[str, Any]]  # name -> {"parts": [...], "columns": [...], "rows": n}
    problems: list[dict[str, Any]]

    @property
    def problem_count(self) -> int:
        return sum(int(p.get("count", 1)) for p in self.problems)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> UnitManifest:
        return cls(**data)


class _Counting(io.RawIOBase):
    def __init__(self, inner: BinaryIO, tick: Callable[[int, int], None], path: Path) -> None:
        self.inner, self.tick, self.count, self.path = inner, tick, 0, path

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        try:
            data = self.inner.read(len(buffer))
        except OSError as exc:  # the medium, not the format: fail the item, keep nothing
            raise StorageError(
                f"cannot read evidence {self.path} at byte {self.count}: "
                f"{exc.strerror or exc}; check the medium holding it (dmesg), run "
                "`safeguard evidence verify`, then `safeguard ingest` again",
                str(self.path),
                exc.errno,
            ) from exc
        n = len(data)
        buffer[:n] = data
        self.count += n
        self.tick(n, 0)
        return n


def stage_item(
    item: EvidenceItem, folder: Path, settings: Settings, progress: Progress | None
) -> None:
    """Stage every unit of ``item`` into ``folder`` and write ``manifest.json`` last."""
    units = list_units(item.path, settings)
    manifests = []
    for index, unit in enumerate(units):
        sub = folder / f"u{index:04d}-{safe_file_stem(unit.member or item.original_name)}"
        sub.mkdir()
        manifests.append(asdict(_stage_unit(item, unit, sub, settings, progress)))
        fsync_path(sub)
    manifest = {"evidence_id": item.evidence_id, "sha256": item.sha256, "units": manifests}
    # the manifest is written last and marks the folder complete: the Parquet parts and
    # their folders are on disk before it is, so a power cut cannot leave a manifest
    # that names data the disk never received
    write_durably(folder / "manifest.json", json.dumps(manifest, indent=1, sort_keys=True))
    fsync_path(folder)


def write_durably(path: Path, text: str) -> None:
    """Write ``text`` to a new file ``path`` and fsync it (raises ``OSError``)."""
    data = memoryview(text.encode("utf-8"))
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        while data:
            data = data[os.write(fd, data) :]  # a write may be short
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_path(path: Path) -> None:
    """fsync a file or a folder (a folder's fsync makes new names in it durable)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _stage_unit(
    item: EvidenceItem, unit: Unit, sub: Path, settings: Settings, progress: Progress | None
) -> UnitManifest:
    label = unit.member or item.original_name
    tick = progress(label, unit.size) if progress else (lambda _n, _r: None)
    writer = StagingWriter(sub, settings.batch_rows)
    try:
        with open_unit(item.path, unit, settings) as raw:
            counting = _Counting(raw, tick, item.path)
            reader_name = _read_unit(counting, label, unit, writer, tick)
            bytes_read = counting.count
        writer.close()
    except BaseException:
        writer.abort()  # release the open Parquet files so the folder can be deleted
        raise
    for part in (p for t in writer.tables.values() for p in t.parts):
        fsync_path(sub / part)
    return _manifest(unit, sub, reader_name, bytes_read, writer)


def _read_unit(
    counting: _Counting,
    label: str,
    unit: Unit,
    writer: StagingWriter,
    tick: Callable[[int, int], None],
) -> str | None:
    """Stream one unit's events into ``writer``; return the reader's name (None: none fits)."""
    # arrow: readers that can (mysqldump's native scanner) hand over Arrow batches
    info = SourceInfo(name=label, size=unit.size, options={"arrow": "1"})
    stream = io.BufferedReader(counting, buffer_size=1024 * 1024)
    reader_name: str | None = None
    try:
        reader = sniff(stream.peek(SNIFF_BYTES)[:SNIFF_BYTES], info)
        reader_name = reader.name
        for event in reader.read(stream, info):
            if isinstance(event, RowBatch):
                writer.rows(event)
                tick(0, len(event.row_numbers))
            elif isinstance(event, TableSchema):
                writer.schema(event)
            else:
                writer.problem(event)
    except EvidenceFormatError as exc:
        writer.problem(Problem("not-readable", str(exc), 0, None, "error"))
    except StorageError:
        raise  # a read error of the medium is not a property of the evidence
    except SafeguardError as exc:  # e.g. a bomb detected mid-stream
        writer.problem(Problem("unsafe", str(exc), counting.count, None, "error"))
    return reader_name


def _manifest(
    unit: Unit, sub: Path, reader: str | None, bytes_read: int, writer: StagingWriter
) -> UnitManifest:
    tables = {
        t.name: {"parts": t.parts, "columns": t.columns, "rows": t.row_count}
        for t in writer.tables.values()
    }
    problems = [
        {
            "kind": p.kind,
            "message": p.message,
            "offset": p.offset,
            "table": p.table,
            "severity": p.severity,
            "count": p.count,
        }
        for p in writer.problems
    ]
    return UnitManifest(
        unit.member,
        sub.name,
        reader,
        bytes_read,
        sum(t.row_count for t in writer.tables.values()),
        tables,
        problems,
    )
