"""Shared fixtures: ingest one hand-written dump from ``data/`` into a fresh case."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from safeguard.case import Case, init_case
from safeguard.evidence.register import EvidenceItem, add
from safeguard.ingest.runner import IngestSummary, ingest

DATA = Path(__file__).parent / "data"


@dataclass
class Loaded:
    """A case holding one ingested fixture dump."""

    case: Case
    item: EvidenceItem
    data: bytes
    summary: IngestSummary

    def q(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        with self.case.engine(read_only=True) as eng:
            return eng.fetchall(sql, params)

    def account_of(self, source_user_id: str) -> str:
        rows = self.q("SELECT account_id FROM accounts WHERE source_user_id = ?", [source_user_id])
        assert len(rows) == 1, rows
        return str(rows[0][0])

    def row_at(self, offset: int) -> bytes:
        """The dump's bytes at a record's ``source_offset`` (a row starts there)."""
        return self.data[offset : offset + 1]


@pytest.fixture(scope="session")
def load_dump(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Loaded]:
    """``load_dump("smf21.sql", forced_format=None)`` → :class:`Loaded` (cached per session).

    Tests only read the case, so one ingest per fixture file is shared.
    """
    cache: dict[tuple[str, str | None], Loaded] = {}

    def _load(name: str, forced_format: str | None = None) -> Loaded:
        if (name, forced_format) not in cache:
            cache[name, forced_format] = _ingest(
                tmp_path_factory.mktemp("case"), name, forced_format
            )
        return cache[name, forced_format]

    return _load


def _ingest(folder: Path, name: str, forced_format: str | None) -> Loaded:
    case, item, summary = ingest_fresh(folder, name, forced_format)
    assert summary.failed == {}, summary.failed
    return Loaded(case, item, (DATA / name).read_bytes(), summary)


def ingest_fresh(
    folder: Path, name: str, forced_format: str | None = None
) -> tuple[Case, EvidenceItem, IngestSummary]:
    """Register ``data/<name>`` in a new case under ``folder`` and ingest it (no checks)."""
    case = init_case(folder / "case")
    item = add(case, DATA / name, acquired_by="tester", source="fixture")
    return case, item, ingest(case, forced_format=forced_format)
