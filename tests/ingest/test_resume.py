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
from tests.support.phpbb_fixture import PhpbbDump

RECORD_TABLES = [t for t in load_schema().tables if t != "evidence"]


def big_forum(posts: int) -> bytes:
    d = PhpbbDump()
    for uid in range(2, 202):
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
            poster_id=2 + pid % 200,
            poster_ip=f"203.0.113.{pid % 250}",
            post_time=1262400000 + pid,
            post_text=f"post number {pid} about the weather and football " * 3,
        )
    d.add("topics", topic_id=0, topic_title="t")
    d.add("privmsgs", msg_id=1, author_id=2, to_address="u_3", bcc_address="")
    d.add("privmsgs_to", msg_id=1, user_id=3, author_id=2)
    return d.render(rows_per_insert=500)


def digests(case):
    with case.engine(read_only=True) as eng:
        return {t: eng.table_digest(t) for t in RECORD_TABLES}


@pytest.mark.slow
def test_kill_9_at_random_points_then_resume_equals_a_clean_run(tmp_path):
    dump = write(tmp_path / "forum.sql", big_forum(60_000))
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
