"""Ingest under faults, at scale: kill -9 × N, every failing write, a full 64 MiB disk.

    .venv/bin/python benchmarks/faults.py kill [--runs 200] [--posts 30000] [--seed 1]
    .venv/bin/python benchmarks/faults.py nth [--codes ENOSPC,EIO]
    .venv/bin/python benchmarks/faults.py diskfull [--mib 64] [--posts 400000]   (root)

``kill``: each run copies a freshly registered case, starts ``safeguard ingest``,
sends SIGKILL at a uniformly random moment of a clean run's duration, then
resumes with ``safeguard ingest``. Counted: runs that reach the clean run's
digest (every record table, and per evidence item), DuckDB integrity (every
column of every row read back, block checksums verified; account references),
SQLite ``integrity_check`` and the audit hash chain, evidence re-hash.

``nth``: for N = 1, 2, … until a run completes, fail the Nth write-side
operation (tests/support/faults.py lists them) with ENOSPC once, and with EIO
from then on; check, rerun, check (the same checks as the tests).

``diskfull``: the case folder on a tmpfs of ``--mib`` MiB, a dump whose
records do not fit; then the tmpfs is enlarged and ingest run again.

The tests (tests/ingest/test_faults_*.py, test_resume.py) run small versions
of each. Record the output in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.factories import new_case, write  # noqa: E402
from tests.support.faults import (  # noqa: E402
    CODES,
    Clean,
    audit_problems,
    clean_run,
    evidence_problems,
    fail_nth,
    integrity_problems,
    item_digests,
    second_forum,
    store_digests,
)
from tests.support.phpbb_fixture import small_forum  # noqa: E402

from safeguard.case import open_case  # noqa: E402
from safeguard.evidence.register import add  # noqa: E402

OUT = ROOT / "benchmarks" / "out"
ENV = {**os.environ, "SAFEGUARD_PROGRESS": "false"}
CLI = [sys.executable, "-m", "safeguard.cli", "ingest"]


def pristine_case(tmp: Path, posts: int, members: int = 200) -> Path:
    """A new case with two registered items: a forum of ``posts`` posts, and a small one."""
    case = new_case(tmp, "pristine")
    big = write(tmp / "forum.sql", second_forum(members=members, posts=posts))
    add(case, big, acquired_by="bench", source="benchmark")
    add(case, write(tmp / "small.sql", small_forum().render()), acquired_by="b", source="b")
    return case.root


def after_run_problems(root: Path, clean: Clean) -> dict[str, list[str]]:
    """What differs from a clean run, by check."""
    case = open_case(root)
    store = store_digests(case)
    differ = [t for t in store if store[t] != clean.store[t]]
    differ += [ev for ev, d in item_digests(case).items() if clean.items.get(ev) != d]
    return {
        "digest": [f"differs from the clean run: {differ}"] if differ else [],
        "integrity": integrity_problems(case),
        "audit": audit_problems(case, expect_failure=False),
        "evidence": evidence_problems(case),
    }


def phase_at_kill(root: Path) -> str:
    """Where the killed run was: items staged (raw/), staging under way, items committed
    (an ``ingest`` ``ok`` audit event follows each commit)."""
    raw = root / "raw"
    staging = " + staging" if any(raw.glob("*.partial")) else ""
    staged = sum(1 for p in raw.iterdir() if p.is_dir() and not p.name.endswith(".partial"))
    con = sqlite3.connect(root / "decisions.sqlite")
    try:
        done = con.execute(
            "SELECT count(*) FROM audit_events WHERE action = 'ingest' AND outcome = 'ok'"
        ).fetchone()[0]
    finally:
        con.close()
    return f"{staged} staged{staging}, {done} committed"


def one_kill(
    pristine: Path, work: Path, delay: float, clean: Clean
) -> tuple[str, int, dict[str, list[str]]]:
    """Copy, ingest, SIGKILL after ``delay`` s, resume: (phase killed in, resume exit, problems)."""
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(pristine, work)
    proc = subprocess.Popen(
        [*CLI, str(work)], env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    time.sleep(delay)
    phase = "finished before the kill"
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        phase = phase_at_kill(work)
    proc.wait()
    resumed = subprocess.run([*CLI, str(work)], env=ENV, capture_output=True, check=False)
    return phase, resumed.returncode, after_run_problems(work, clean)


def kill_cycles(runs: int, posts: int, seed: int) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="sg-faults-"))
    pristine = pristine_case(tmp, posts)
    clean = clean_run(pristine, tmp / "clean")
    start = time.perf_counter()
    shutil.copytree(pristine, tmp / "timed")
    subprocess.run([*CLI, str(tmp / "timed")], env=ENV, capture_output=True, check=True)
    duration = time.perf_counter() - start
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import safeguard.cli"], env=ENV, check=True)
    startup = time.perf_counter() - start  # a kill before this hits only Python's start-up
    print(
        f"clean CLI ingest: {duration:.1f} s, of which start-up {startup:.1f} s "
        f"({posts} posts + a small forum); {runs} runs, killed uniformly in between"
    )
    rng = random.Random(seed)
    phases: Counter[str] = Counter()
    failed: Counter[str] = Counter()
    resume_ok = 0
    t0 = time.perf_counter()
    for i in range(runs):
        delay = rng.uniform(startup, duration)
        phase, code, problems = one_kill(pristine, tmp / "work", delay, clean)
        phases[phase] += 1
        resume_ok += code == 0
        for check, found in problems.items():
            if found:
                failed[check] += 1
                print(f"  run {i} (killed at {delay:.2f} s, {phase}): {check}: {found[:3]}")
        if any(problems.values()):  # keep it for diagnosis
            shutil.copytree(tmp / "work", OUT / f"faults-failed-run-{i}", dirs_exist_ok=True)
    print(f"{time.perf_counter() - t0:.0f} s for {runs} kill + resume cycles")
    print("killed during: " + ", ".join(f"{k} {v}" for k, v in phases.most_common()))
    print(f"resume exit 0: {resume_ok}/{runs}")
    for check in ("digest", "integrity", "audit", "evidence"):
        print(f"{check} ok: {runs - failed[check]}/{runs}")
    shutil.rmtree(tmp, ignore_errors=True)


def nth_all(codes: list[str]) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="sg-faults-"))
    pristine = pristine_case(tmp, posts=300, members=40)
    clean = clean_run(pristine, tmp / "clean")
    print(f"{len(clean.trace)} write-side operations in a clean ingest: {Counter(clean.trace)}")
    for name in codes:
        sticky = name != "ENOSPC"  # a full disk may free up; a failing disk stays failing
        t0, bad = time.perf_counter(), 0
        for n in range(1, len(clean.trace) + 2):  # the last N: the run completes
            problems = fail_nth(pristine, tmp / "w", n, CODES[name], clean, sticky=sticky)
            bad += bool(problems)
            for p in problems:
                print("  " + p)
        total = len(clean.trace) + 1
        mode = "from N on" if sticky else "once"
        print(
            f"{name} ({mode}): {total - bad}/{total} values of N lose nothing, corrupt nothing, "
            f"name the file and the remedy, and rerun to the clean digest "
            f"({time.perf_counter() - t0:.0f} s)"
        )
    shutil.rmtree(tmp, ignore_errors=True)


def disk_full(mib: int, posts: int) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="sg-faults-"))
    pristine = pristine_case(tmp, posts, members=2000)
    print(f"dump {(tmp / 'forum.sql').stat().st_size / 2**20:.0f} MiB; clean run …", flush=True)
    clean = clean_run(pristine, tmp / "clean")
    used = sum(p.stat().st_size for p in (tmp / "clean").rglob("*") if p.is_file())
    print(f"a clean case folder takes {used / 2**20:.0f} MiB; tmpfs {mib} MiB")
    disk = tmp / "disk"
    disk.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={mib}m", "tmpfs", str(disk)], check=True)
    try:
        shutil.copytree(pristine, disk / "case")
        t0 = time.perf_counter()
        run = subprocess.run(
            [*CLI, str(disk / "case")], env=ENV, capture_output=True, text=True, check=False
        )
        print(f"full-disk run: exit {run.returncode} after {time.perf_counter() - t0:.1f} s")
        if run.returncode == 0:
            print("  the case fitted: nothing was tested; raise --posts or lower --mib")
        print("  stderr: " + run.stderr.strip().replace("\n", "\n          "))
        case = open_case(disk / "case")
        print(f"  audit records the failure: {not audit_problems(case, expect_failure=True)}")
        print(f"  integrity problems: {integrity_problems(case)}")
        size = max(4 * mib, 2 * used // 2**20 + 64)
        subprocess.run(["mount", "-o", f"remount,size={size}m", str(disk)], check=True)
        rerun = subprocess.run(
            [*CLI, str(disk / "case")], env=ENV, capture_output=True, check=False
        )
        print(f"rerun with {size} MiB: exit {rerun.returncode}")
        for check, found in after_run_problems(disk / "case", clean).items():
            print(f"  {check}: {'ok' if not found else found[:3]}")
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["kill", "nth", "diskfull"])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--posts", type=int, default=None)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--codes", default="ENOSPC,EIO")
    parser.add_argument("--mib", type=int, default=64)
    args = parser.parse_args()
    if args.what == "kill":
        kill_cycles(args.runs, args.posts or 30_000, args.seed)
    elif args.what == "nth":
        nth_all([c for c in args.codes.split(",") if c])
    else:
        disk_full(args.mib, args.posts or 400_000)


if __name__ == "__main__":
    main()
