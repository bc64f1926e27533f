"""Time and peak memory of the synthetic-forum generator.

    .venv/bin/python benchmarks/synth.py --members 70000 [--seed 1] [--out DIR]

Prints wall time, peak RSS (this process, from getrusage) and the size of each
output file. The output folder is a temporary one unless --out is given.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from safeguard import synth


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--members", type=int, default=70_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp) / "forum"
        start = time.perf_counter()
        synth.generate(out, members=args.members, seed=args.seed)
        wall = time.perf_counter() - start
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
        print(f"members={args.members} seed={args.seed} wall={wall:.1f}s peak_rss={peak_mb:.0f}MB")
        for f in sorted(p for p in out.rglob("*") if p.is_file()):
            print(f"  {f.relative_to(out)}: {f.stat().st_size / 1e6:.1f} MB")
        print(json.dumps(synth.summary(out), indent=1))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
