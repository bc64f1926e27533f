"""Time and peak memory of the synthetic-forum generator.

    .venv/bin/python benchmarks/synth.py --members 70000 [--seed 1] [--out DIR]
    .venv/bin/python benchmarks/synth.py --members 1800000 --plan-only

The work runs in a fresh child process, so the peak RSS printed is the child's
own (``getrusage(RUSAGE_CHILDREN)`` after it exits), not that of a process that
did other things first. The child also prints its running peak after each phase
(people, activity plan, and for a full run the writing). ``--plan-only`` builds
people + the activity plan and writes nothing; a full run writes the phpBB
forum (or ``--software``) into a temporary folder unless ``--out`` is given and
prints each output file's size and the ``--stats`` summary.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


def _phase(name: str, start: float) -> None:
    wall = time.perf_counter() - start
    print(f"  {name}: {wall:.1f}s, peak so far {_peak_mb(resource.RUSAGE_SELF):.0f}MB", flush=True)


def _plan(members: int, seed: int) -> None:
    from safeguard.synth import activity, people

    start = time.perf_counter()
    folk = people.build(seed, members)
    _phase("people.build", start)
    act = activity.build(folk)
    _phase("activity.build", start)
    print(
        f"  posts={len(act.post_time)} topics={len(act.topic_first)} pms={len(act.pm_time)} "
        f"planted records={len(act.plants)}"
    )


def _full(members: int, seed: int, software: str, out: Path | None) -> None:
    from safeguard import synth

    with tempfile.TemporaryDirectory() as tmp:
        folder = out or Path(tmp) / "forum"
        start = time.perf_counter()
        synth.generate(folder, members=members, seed=seed, software=software)
        _phase("generate", start)
        for f in sorted(p for p in folder.rglob("*") if p.is_file()):
            print(f"  {f.relative_to(folder)}: {f.stat().st_size / 1e6:.1f} MB")
        print(json.dumps(synth.summary(folder), indent=1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--members", type=int, default=70_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--software", default="phpbb3")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--plan-only", action="store_true", help="people + activity plan only")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        if args.plan_only:
            _plan(args.members, args.seed)
        else:
            _full(args.members, args.seed, args.software, args.out)
        return
    start = time.perf_counter()
    done = subprocess.run([sys.executable, __file__, *sys.argv[1:], "--child"], check=False)
    wall = time.perf_counter() - start
    mode = "plan-only" if args.plan_only else f"full {args.software}"
    print(
        f"members={args.members} seed={args.seed} {mode} wall={wall:.1f}s "
        f"child_peak_rss={_peak_mb(resource.RUSAGE_CHILDREN):.0f}MB exit={done.returncode}"
    )
    sys.exit(done.returncode)


if __name__ == "__main__":
    main()
