"""Fail the Nth write of an ingest (ENOSPC, EIO): nothing lost, nothing half-loaded,
an error that names the file and the remedy, and a rerun that gives the clean store.

The case holds two items, so each fault also shows that an item is loaded whole
or not at all while the item before it is kept. A bounded choice of N runs
here; ``benchmarks/faults.py`` runs every N.
"""

from __future__ import annotations

import errno
import io
import shutil
from pathlib import Path
from unittest import mock

import pytest

from safeguard.case import open_case
from safeguard.evidence.register import add
from safeguard.ingest.runner import ingest
from tests.factories import new_case, write
from tests.support.faults import (
    Clean,
    audit_problems,
    clean_run,
    fail_nth,
    second_forum,
    state_problems,
)
from tests.support.phpbb_fixture import small_forum

STAGING = ("parquet.write", "parquet.close", "os.fsync", "os.write", "path.rename")
STORE = ("store.open", "store.insert", "store.commit")


@pytest.fixture(scope="module")
def two_items(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Clean]:
    tmp = tmp_path_factory.mktemp("faults")
    pristine = new_case(tmp, "pristine")
    add(pristine, write(tmp / "a.sql", small_forum().render()), acquired_by="t", source="s")
    add(pristine, write(tmp / "b.sql", second_forum()), acquired_by="t", source="s")
    return pristine.root, clean_run(pristine.root, tmp / "clean")


def in_second_item(trace: list[str], labels: tuple[str, ...]) -> list[int]:
    """N of the first operation of each kind after the first item committed (1-based)."""
    start = trace.index("store.commit") + 1
    return [trace.index(label, start) + 1 for label in labels]


def test_the_injector_sees_every_kind_of_write(two_items: tuple[Path, Clean]) -> None:
    _, clean = two_items
    kinds = {"path.mkdir", "parquet.open", "os.open", "store.delete", "store.update"}
    assert {*STAGING, *STORE, *kinds, "audit.record"} <= set(clean.trace)
    assert clean.trace.count("store.commit") == 2  # one transaction per item


@pytest.mark.slow
def test_disk_full_at_each_staging_write_loses_nothing(
    two_items: tuple[Path, Clean], tmp_path: Path
) -> None:
    pristine, clean = two_items
    first_audit = clean.trace.index("audit.record", 1) + 1  # the first item's outcome
    ns = [first_audit, *in_second_item(clean.trace, STAGING)]
    problems = [p for n in ns for p in fail_nth(pristine, tmp_path / "w", n, errno.ENOSPC, clean)]
    assert problems == []


@pytest.mark.slow
def test_a_lasting_io_error_in_the_store_loses_nothing(
    two_items: tuple[Path, Clean], tmp_path: Path
) -> None:
    pristine, clean = two_items
    ns = [1, *in_second_item(clean.trace, STORE)]  # 1: the run's first audit event
    problems = [
        p for n in ns for p in fail_nth(pristine, tmp_path / "w", n, errno.EIO, clean, sticky=True)
    ]
    assert problems == []


def test_the_checks_see_a_partly_loaded_item(two_items: tuple[Path, Clean], tmp_path: Path) -> None:
    """The state check is not vacuous: one missing post is reported."""
    pristine, clean = two_items
    shutil.copytree(pristine, tmp_path / "c")
    case = open_case(tmp_path / "c")
    ingest(case)
    assert state_problems(case, clean) == []
    with case.engine() as eng:
        eng.execute("DELETE FROM posts WHERE source_post_id = '7'")
    assert any("partly loaded" in p for p in state_problems(case, clean))


class _FailingRead(io.RawIOBase):
    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        raise OSError(errno.EIO, "Input/output error")


def test_a_read_error_on_the_evidence_fails_the_item_and_names_the_file(tmp_path: Path) -> None:
    case = new_case(tmp_path)
    item = add(case, write(tmp_path / "f.sql", small_forum().render()), acquired_by="t", source="s")
    with mock.patch("safeguard.ingest.stage.open_unit") as opened:
        opened.return_value.__enter__.return_value = _FailingRead()
        summary = ingest(case)
    message = summary.failed[item.evidence_id]
    assert str(item.path) in message
    assert "Input/output error" in message
    assert "evidence verify" in message  # the remedy
    assert not list(case.raw_dir.iterdir())  # no staged half
    assert audit_problems(case, expect_failure=True) == []
    assert ingest(case).ingested == [item.evidence_id]
