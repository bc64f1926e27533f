"""Ingest throughput on a large phpBB dump, against MariaDB's own load and sha256sum.

    .venv/bin/python benchmarks/ingest.py --mb 1024 [--repeat 3] [--no-mariadb]

Prints, per repetition and as medians: dump size, Safeguard ingest wall time,
MB/s and rows/s, peak RSS of the ingest process; the reader alone (parse only,
one core); ``sha256sum`` of the same file; and ``mariadb < dump.sql`` into a
private MariaDB server. Record the output in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.phpbb_dump import write_dump  # noqa: E402

OUT = ROOT / "benchmarks" / "out"
SAFEGUARD = [sys.executable, "-m", "safeguard.cli"]


def timed(cmd: list[str], **kw: object) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one command, via GNU time."""
    start = time.perf_counter()
    proc = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *cmd], capture_output=True, text=True, check=False, **kw
    )  # type: ignore[call-overload]
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[:4]} failed:\n{proc.stderr[-2000:]}")
    return wall, int(proc.stderr.strip().splitlines()[-1])


def reader_only(dump: Path) -> tuple[float, int]:
    code = (
        "import sys,time\n"
        "from safeguard.ingest.readers.registry import get_reader\n"
        "from safeguard.ingest.readers.base import RowBatch, SourceInfo\n"
        "r=get_reader('mysqldump'); n=0\n"
        f"with open({str(dump)!r},'rb') as fh:\n"
        "  for e in r.read(fh, SourceInfo('d')):\n"
        "    n += len(e.rows) if isinstance(e, RowBatch) else 0\n"
        "print(n)\n"
    )
    return timed([sys.executable, "-c", code])


def safeguard_ingest(dump: Path, work: Path) -> tuple[float, int, int]:
    case = work / "case"
    if case.exists():
        shutil.rmtree(case)
    subprocess.run([*SAFEGUARD, "case", "init", str(case)], check=True, capture_output=True)
    subprocess.run(
        [
            *SAFEGUARD,
            "evidence",
            "add",
            str(case),
            str(dump),
            "--acquired-by",
            "bench",
            "--source",
            "bench",
        ],
        check=True,
        capture_output=True,
    )
    wall, rss = timed(
        [*SAFEGUARD, "ingest", str(case)],
        env={"SAFEGUARD_PROGRESS": "false", "PATH": "/usr/bin:/bin"},
    )
    rows = subprocess.run(
        [
            *SAFEGUARD,
            "query",
            str(case),
            "--format",
            "csv",
            "SELECT sum(row_count) FROM source_tables",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()[-1]
    return wall, rss, int(rows)


def mariadb_load(dump: Path) -> float | None:
    """Seconds for ``mariadb < dump.sql`` into a fresh private server (InnoDB, as dumped)."""
    from tests.support.mariadb import MariaDBUnavailable, start_mariadb

    try:
        server = start_mariadb(extra_args=("--innodb-buffer-pool-size=2G",))
    except MariaDBUnavailable as exc:
        print(f"(no MariaDB: {exc})")
        return None
    try:
        server.sql("CREATE DATABASE bench")
        start = time.perf_counter()
        with dump.open("rb") as fh:
            done = subprocess.run(
                server._client("mariadb", "--binary-mode", "bench"),
                stdin=fh,
                capture_output=True,
                check=False,
            )
        if done.returncode != 0:
            raise SystemExit(f"mariadb load failed: {done.stderr[-500:]!r}")
        return time.perf_counter() - start
    finally:
        server.stop()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=int, default=1024)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-mariadb", action="store_true")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    dump = OUT / f"phpbb-{args.mb}mb.sql"
    if not dump.exists():
        print(f"writing {dump} …", flush=True)
        print(write_dump(dump, args.mb))
    mb = dump.stat().st_size / 1e6
    runs: dict[str, list[float]] = {
        k: []
        for k in ("ingest_s", "ingest_rss_mb", "reader_s", "reader_rss_mb", "sha256_s", "mariadb_s")
    }
    rows = 0
    for i in range(args.repeat):
        wall, rss, rows = safeguard_ingest(dump, OUT)
        runs["ingest_s"].append(wall)
        runs["ingest_rss_mb"].append(rss / 1024)
        print(f"run {i + 1}: ingest {wall:.1f} s, peak RSS {rss / 1024:.0f} MB", flush=True)
        rw, rrss = reader_only(dump)
        runs["reader_s"].append(rw)
        runs["reader_rss_mb"].append(rrss / 1024)
        runs["sha256_s"].append(timed(["sha256sum", str(dump)])[0])
        if not args.no_mariadb:
            m = mariadb_load(dump)
            if m is not None:
                runs["mariadb_s"].append(m)
        print(
            f"run {i + 1}: " + ", ".join(f"{k}={v[-1]:.1f}" for k, v in runs.items() if v),
            flush=True,
        )
    med = {k: statistics.median(v) for k, v in runs.items() if v}
    print(f"\ndump: {mb:.0f} MB, {rows} source rows; medians of {args.repeat} runs")
    print(
        f"safeguard ingest : {med['ingest_s']:.1f} s = {mb / med['ingest_s']:.1f} MB/s, "
        f"{rows / med['ingest_s']:.0f} rows/s, peak RSS {med['ingest_rss_mb']:.0f} MB"
    )
    print(
        f"reader alone     : {med['reader_s']:.1f} s = {mb / med['reader_s']:.1f} MB/s "
        f"(one core), peak RSS {med['reader_rss_mb']:.0f} MB"
    )
    print(f"sha256sum        : {med['sha256_s']:.1f} s = {mb / med['sha256_s']:.0f} MB/s")
    if "mariadb_s" in med:
        print(
            f"mariadb < dump   : {med['mariadb_s']:.1f} s = {mb / med['mariadb_s']:.1f} MB/s"
            f"; ingest/mariadb time ratio {med['ingest_s'] / med['mariadb_s']:.2f}"
        )


if __name__ == "__main__":
    main()
