"""kill -9 during ingest, then ingest again: the store equals one clean run."""

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from safeguard.case import open_case
from safeguard.evidence.register import add
from safeguard.ingest.runner import ingest
from safeguard.model.schema import load_schema
from tests.factories import new_case, write
from tests.support.faults import second_forum

RECORD_TABLES = [t for t in load_schema().tables if t != "evidence"]


def digests(case):
    with case.engine(read_only=True) as eng:
        return {t: eng.table_digest(t) for t in RECORD_TABLES}


@pytest.mark.slow
def test_kill_9_at_random_points_then_resume_equals_a_clean_run(tmp_path):
    forum = second_forum(members=200, posts=60_000, rows_per_insert=500)
    dump = write(tmp_path / "forum.sql", forum)
    pristine = new_case(tmp_path, "pristine")
    add(pristine, dump, acquired_by="t", source="s")
    clean_root = tmp_path / "clean"
    shutil.copytree(pristine.root, clean_root)
    clean = open_case(clean_root)
    ingest(clean)
    expected = digests(clean)
    killed_root = tmp_path / "killed"
    shutil.copytree(pristine.root, killed_root)
    env = {**os.environ, "SAFEGUARD_PROGRESS": "false", "SAFEGUARD_BATCH_ROWS": "2000"}
    kills = 0
    for delay in (0.4, 0.9, 1.5, 2.2, 3.0, 4.0):
        proc = subprocess.Popen(
            [sys.executable, "-m", "safeguard.cli", "ingest", str(killed_root)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
    assert kills >= 2, "the ingest finished too fast to be interrupted; enlarge the dump"
    final = subprocess.run(
        [sys.executable, "-m", "safeguard.cli", "ingest", str(killed_root)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert final.returncode == 0, final.stderr
    killed = open_case(killed_root)
    assert digests(killed) == expected
    assert not list(killed.raw_dir.glob("*.partial"))
