"""A really full disk: the case folder on a small tmpfs, filled during staging and during
the load into the store; and a file-size limit (RLIMIT_FSIZE, EFBIG), which needs no
mount. Each time: exit 1 with one line naming the file and the remedy, no partial item,
the failed run in the audit log, and after space is freed a rerun gives the clean store.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from safeguard.case import RESERVE_BYTES, open_case
from safeguard.evidence.register import add
from tests.factories import new_case, write
from tests.support.faults import (
    Clean,
    audit_problems,
    clean_run,
    evidence_problems,
    item_digests,
    second_forum,
    state_problems,
    store_digests,
)

ENV = {**os.environ, "SAFEGUARD_PROGRESS": "false"}
KIB = 1024


@pytest.fixture(scope="module")
def forum_case(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Clean]:
    tmp = tmp_path_factory.mktemp("diskfull")
    pristine = new_case(tmp, "pristine")
    dump = write(tmp / "forum.sql", second_forum(members=200, posts=10_000))
    add(pristine, dump, acquired_by="t", source="s")
    return pristine.root, clean_run(pristine.root, tmp / "clean")


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Callable[[int], Path]]:
    """mount(KiB) -> an empty tmpfs of that size (skips where mounting is not allowed)."""
    mounted: list[Path] = []

    def mount(kib: int) -> Path:
        where = tmp_path / f"disk-{kib}k"
        where.mkdir()
        cmd = ["mount", "-t", "tmpfs", "-o", f"size={kib}k", "tmpfs", str(where)]
        done = os.geteuid() == 0 and subprocess.run(cmd, capture_output=True, check=False)
        if not done or done.returncode != 0:
            pytest.skip("cannot mount a tmpfs here (needs root); the RLIMIT_FSIZE test still runs")
        mounted.append(where)
        return where

    yield mount
    for where in mounted:
        subprocess.run(["umount", "-l", str(where)], check=False)


def kib_used(folder: Path) -> int:
    return sum(p.stat().st_blocks * 512 for p in folder.rglob("*") if p.is_file()) // KIB


def ingest_cli(case_root: Path, fsize: int | None = None) -> subprocess.CompletedProcess[str]:
    """``safeguard ingest`` in a child process, optionally under a file-size limit."""
    limit = f"resource.setrlimit(resource.RLIMIT_FSIZE, ({fsize}, {fsize}));" if fsize else ""
    code = (
        f"import resource, runpy, sys; {limit}"
        f"sys.argv = ['safeguard', 'ingest', {str(case_root)!r}]; "
        "runpy.run_module('safeguard.cli', run_name='__main__')"
    )
    return subprocess.run(
        [sys.executable, "-c", code], env=ENV, capture_output=True, text=True, check=False
    )


def check_failed_run(
    result: subprocess.CompletedProcess[str], root: Path, clean: Clean, words: tuple[str, ...]
) -> list[str]:
    """Exit 1, one clear line per failed item, nothing partial, the failure audited."""
    problems = [] if result.returncode == 1 else [f"exit {result.returncode}: {result.stderr}"]
    if "Traceback" in result.stderr or "FAILED ev-" not in result.stderr:
        problems.append(f"not one clear line: {result.stderr}")
    problems += [f"message lacks {w!r}: {result.stderr}" for w in words if w not in result.stderr]
    case = open_case(root)
    return problems + state_problems(case, clean) + audit_problems(case, expect_failure=True)


def check_rerun(root: Path, clean: Clean) -> list[str]:
    result = ingest_cli(root)
    problems = [] if result.returncode == 0 else [f"rerun exit {result.returncode}"]
    case = open_case(root)
    if item_digests(case) != clean.items or store_digests(case) != clean.store:
        problems.append("the rerun does not give the clean digest")
    return problems + state_problems(case, clean) + evidence_problems(case)


@pytest.mark.slow
@pytest.mark.parametrize(("phase", "headroom_kib"), [("staging", 64), ("store", 1024)])
def test_a_full_tmpfs_fails_cleanly_and_resumes(
    forum_case: tuple[Path, Clean], tmpfs: Callable[[int], Path], phase: str, headroom_kib: int
) -> None:
    pristine, clean = forum_case
    # room for the case as registered and its space reserve, plus a little: the staged
    # tables (~0.3 MiB) do not fit in 64 KiB, the loaded records (~1.5 MiB) not in 1 MiB
    disk = tmpfs(kib_used(pristine) + RESERVE_BYTES // KIB + headroom_kib)
    root = disk / "case"
    shutil.copytree(pristine, root)
    result = ingest_cli(root)
    where = str(root / "raw") if phase == "staging" else str(root / "analysis.duckdb")
    words = (where, "No space left on device", "free space", "`safeguard ingest` again")
    assert check_failed_run(result, root, clean, words) == []
    subprocess.run(["mount", "-o", "remount,size=64m", str(disk)], check=True)
    assert check_rerun(root, clean) == []


@pytest.mark.slow
def test_a_file_size_limit_fails_cleanly_and_resumes(
    forum_case: tuple[Path, Clean], tmp_path: Path
) -> None:
    pristine, clean = forum_case
    root = tmp_path / "case"
    shutil.copytree(pristine, root)
    # the store outgrows this limit when the records are loaded (EFBIG, "File too large")
    result = ingest_cli(root, fsize=(root / "analysis.duckdb").stat().st_size + 256 * KIB)
    words = (str(root), "File too large", "ulimit", "`safeguard ingest` again")
    assert check_failed_run(result, root, clean, words) == []
    assert check_rerun(root, clean) == []
