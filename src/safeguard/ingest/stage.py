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
from safeguard.exceptions import EvidenceFormatError, SafeguardError
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
    def __init__(self, inner: BinaryIO, tick: Callable[[int, int], None]) -> None:
        self.inner, self.tick, self.count = inner, tick, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self.inner.read(len(buffer))
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
    manifest = {"evidence_id": item.evidence_id, "sha256": item.sha256, "units": manifests}
    path = folder / "manifest.json"
    with path.open("w", encoding="utf-8") as fh:
        json.dump(manifest, fh, indent=1, sort_keys=True)
        fh.flush()
        os.fsync(fh.fileno())


def _stage_unit(
    item: EvidenceItem, unit: Unit, sub: Path, settings: Settings, progress: Progress | None
) -> UnitManifest:
    label = unit.member or item.original_name
    # arrow: readers that can (mysqldump's native scanner) hand over Arrow batches
    info = SourceInfo(name=label, size=unit.size, options={"arrow": "1"})
    tick = progress(label, unit.size) if progress else (lambda _n, _r: None)
    writer = StagingWriter(sub, settings.batch_rows)
    reader_name: str | None = None
    bytes_read = 0
    with open_unit(item.path, unit, settings) as raw:
        counting = _Counting(raw, tick)
        stream = io.BufferedReader(counting, buffer_size=1024 * 1024)
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
        except SafeguardError as exc:  # e.g. a bomb detected mid-stream
            writer.problem(Problem("unsafe", str(exc), counting.count, None, "error"))
        bytes_read = counting.count
    writer.close()
    return _manifest(unit, sub, reader_name, bytes_read, writer)


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
