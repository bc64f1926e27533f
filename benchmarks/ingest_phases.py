"""Where `safeguard ingest` spends its time: hash check, staging, and each mapping INSERT.

    .venv/bin/python benchmarks/ingest_phases.py benchmarks/out/phpbb-256mb.sql [--digests]

Ingests DUMP in-process into a fresh case and prints seconds and MB/s per phase
(wrappers around the runner's steps and the engine's INSERT/UPDATE statements).
The case is copied from a template made on the first run (same case id, so a
second run gives the same record ids): to compare two versions of the code, run
this alternately with ``PYTHONPATH`` pointing at each ``src`` and compare times,
and ``--digests`` (a SHA-256 per record table) for identical stores.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from safeguard.case import init_case, open_case
from safeguard.engine.duckdb_engine import Engine
from safeguard.evidence import register
from safeguard.ingest import runner
from safeguard.model.schema import load_schema

SPENT: dict[str, float] = {}
_STATEMENT = re.compile(r'(INSERT INTO|UPDATE) "(\w+)"')


def _timed(label: Callable[..., str | None], fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kw: Any) -> Any:
        start = time.perf_counter()
        try:
            return fn(*args, **kw)
        finally:
            name = label(*args, **kw)
            if name:
                SPENT[name] = SPENT.get(name, 0.0) + time.perf_counter() - start

    return wrapper


def _statement(_eng: Engine, sql: str, *_: Any) -> str | None:
    m = _STATEMENT.match(sql)
    return f"  {m.group(1).split()[0].lower()} {m.group(2)}" if m else None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dump", type=Path)
    ap.add_argument("--work", type=Path, default=Path("benchmarks/out/phases"))
    ap.add_argument("--digests", action="store_true")
    args = ap.parse_args()
    template, case_dir = args.work / "template", args.work / "case"
    if not template.exists():
        register.add(init_case(template), args.dump, acquired_by="bench", source="bench")
    shutil.rmtree(case_dir, ignore_errors=True)
    shutil.copytree(template, case_dir)
    case = open_case(case_dir)
    for step, name in (("verify_item", "hash check"), ("stage_item", "staging")):
        setattr(runner, step, _timed(lambda *a, n=name, **k: n, getattr(runner, step)))
    runner.load_unit = _timed(lambda *a, **k: "mapping", runner.load_unit)  # type: ignore[assignment]
    Engine.execute = _timed(_statement, Engine.execute)  # type: ignore[method-assign]
    start = time.perf_counter()
    runner.ingest(case)
    SPENT["whole ingest"] = time.perf_counter() - start
    mb = args.dump.stat().st_size / 1e6
    for name, seconds in SPENT.items():
        print(f"{name:28s} {seconds:7.2f} s {mb / seconds:8.1f} MB/s")
    if args.digests:
        tables = [t for t, d in load_schema().tables.items() if "source_row" in d.column_names]
        with case.engine(read_only=True) as eng:
            print(json.dumps({t: eng.table_digest(t) for t in tables}, indent=1))


if __name__ == "__main__":
    main()
