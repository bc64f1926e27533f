"""Identity resolution at scale: a mostly dormant 1.8-million-account forum, end to end.

    nohup nice -n 5 .venv/bin/python benchmarks/resolve_scale.py --work /tmp/rs1800k \\
        --members 1800000 --posting-share 0.02 > /tmp/rs1800k.log 2>&1 &

Generates (or reuses) ``WORK/forum`` with ``safeguard synth --posting-share``
(only that share of members ever post or PM; docs/synthetic-data.md), builds the
case ``WORK/case`` (register + ingest, extract, enrich) and runs the stage
``resolve``. Every phase runs in its own child process under GNU time, so each
prints its own wall time and peak RSS; finished phases are recorded in
``WORK/phases.json`` and skipped on a rerun (delete it, or WORK, to start over).
A generation started by hand may leave ``WORK/generate.time`` ("wall KiB") for
this script to report. Finally scores the persons against truth.json (pairwise
and B-cubed, ``benchmarks/resolve.py``) and counts accounts, persons and links.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.resolve import labelled, persons, scores, truth_map  # noqa: E402
from safeguard.case import init_case, open_case  # noqa: E402

FILES = ("forum.sql", "mail.mbox", "other/mailbox.mbox", "access.log")
# Children: one phase each, so its peak RSS is its own (argv: case folder, forum folder, …).
_REGISTER_INGEST = """
import sys
from pathlib import Path
from safeguard.case import open_case
from safeguard.evidence import register
from safeguard.exceptions import DuplicateEvidenceError
from safeguard.ingest.runner import ingest
case, forum = open_case(Path(sys.argv[1])), Path(sys.argv[2])
for name in sys.argv[3:]:
    try:
        register.add(case, forum / name, acquired_by="benchmark", source="synthetic")
    except DuplicateEvidenceError:
        pass
print(ingest(case))
"""
_STAGE = """
import sys
from pathlib import Path
from safeguard import pipeline
from safeguard.case import open_case
s = next(s for s in pipeline.STAGES if s.name == sys.argv[3])
r = s.run(open_case(Path(sys.argv[1])), None)
print(s.report(r) if s.report else r)
"""


def timed(argv: list[str]) -> tuple[float, int, str]:
    """Run ``argv`` under GNU time: (wall seconds, peak RSS KiB, stdout). Exits on failure,
    printing the child's stderr tail (the error and where it happened)."""
    start = time.perf_counter()
    proc = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *argv], capture_output=True, text=True, check=False
    )
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{argv[:4]} failed (exit {proc.returncode}):\n{proc.stderr[-5000:]}")
    return wall, int(proc.stderr.strip().splitlines()[-1]), proc.stdout.strip()


def generate(work: Path, members: int, seed: int, share: float) -> tuple[float, int, str]:
    """The forum in WORK/forum; the time of a generation started by hand if there was one."""
    forum, stamp = work / "forum", work / "generate.time"
    if (forum / "truth.json").is_file():
        if stamp.is_file() and stamp.read_text().strip():
            wall, kib = stamp.read_text().split()[-2:]
            return float(wall), int(kib), "reused (timed when it was generated)"
        return 0.0, 0, "reused (untimed)"
    cli = str(Path(sys.executable).parent / "safeguard")
    argv = [cli, "synth", str(forum), "--members", str(members), "--seed", str(seed)]
    return timed([*argv, "--posting-share", str(share)])


def run_phases(work: Path, args: argparse.Namespace) -> dict[str, list[float]]:
    """Each phase once (recorded in WORK/phases.json); {phase: [wall s, peak MiB]}."""
    log = work / "phases.json"
    done: dict[str, list[float]] = json.loads(log.read_text()) if log.is_file() else {}
    case_dir, forum = work / "case", work / "forum"
    for phase in ("generate", "ingest", "extract", "enrich", "resolve"):
        if phase not in done:
            if phase == "generate":
                wall, kib, out = generate(work, args.members, args.seed, args.posting_share)
            elif phase == "ingest":
                if not (case_dir / "case.json").is_file():
                    init_case(case_dir)
                code = [sys.executable, "-c", _REGISTER_INGEST, str(case_dir), str(forum), *FILES]
                wall, kib, out = timed(code)
            else:
                code = [sys.executable, "-c", _STAGE, str(case_dir), str(forum), phase]
                wall, kib, out = timed(code)
            print(f"{phase}: {out}", flush=True)
            done[phase] = [round(wall, 1), round(kib / 1024, 1)]
            log.write_text(json.dumps(done, indent=1) + "\n")
        wall, mib = done[phase]
        print(f"== {phase}: {wall:.1f} s wall, peak RSS {mib:.0f} MiB", flush=True)
    return done


def counts(case_dir: Path) -> dict[str, int]:
    """Accounts, persons, links (by source) and posts in the case after resolve."""
    queries = {
        "accounts": "SELECT count(*) FROM accounts",
        "posting accounts": "SELECT count(DISTINCT account_id) FROM posts",
        "persons": "SELECT count(*) FROM persons",
        "persons with several accounts": "SELECT count(*) FROM (SELECT person_id FROM "
        "person_accounts GROUP BY person_id HAVING count(*) > 1)",
        "links": "SELECT count(*) FROM person_links",
        "hard links": "SELECT count(*) FROM person_links WHERE source = 'hard'",
    }
    with open_case(case_dir).engine(read_only=True) as eng:
        return {k: int(eng.fetchall(q)[0][0]) for k, q in queries.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", type=Path, required=True, help="folder for forum/ and case/")
    ap.add_argument("--members", type=int, default=1_800_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--posting-share", type=float, default=0.02)
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    run_phases(args.work, args)
    for name, n in counts(args.work / "case").items():
        print(f"{name}: {n:,}", flush=True)
    case = open_case(args.work / "case")
    true = labelled(case, truth_map(args.work / "forum"))
    s = scores(persons(case), true)
    print(f"labelled accounts: {len(true):,}; true pairs {s['true_pairs']:,}, "
          f"predicted pairs {s['predicted_pairs']:,}")  # fmt: skip
    print(f"pair precision {s['pair_precision']:.4f}, pair recall {s['pair_recall']:.4f}, "
          f"B3 precision {s['bcubed_precision']:.4f}, "
          f"B3 recall {s['bcubed_recall']:.4f}")  # fmt: skip
    print(f"scoring done; whole run {time.perf_counter() - t0:.0f} s", flush=True)


if __name__ == "__main__":
    main()
