"""Identity-resolution accuracy, time and memory on a synthetic forum with ground truth.

    .venv/bin/python benchmarks/resolve.py --members 2000 [--seed 1] [--fresh]
    .venv/bin/python benchmarks/resolve.py --case DIR --forum DIR   # an existing case


Generates (or reuses) ``benchmarks/out/resolve-<members>-s<seed>/``: the
synthetic forum (phpBB 3 dump, mail.mbox and the other investigation's
mailbox), a case with them ingested and extracted. Then runs the stage
``resolve`` in a child process (wall time and peak RSS via GNU time) and
prints pairwise and B-cubed precision/recall for it and two baselines: exact
registration e-mail only, and Splink with library-default comparisons
(e-mail, name, IPs) and default training. Scored accounts: forum members and
mailbox identities whose person the truth names.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.resolve_baselines import exact_email, splink_default  # noqa: E402
from safeguard.case import Case, init_case, open_case  # noqa: E402

OUT = ROOT / "benchmarks" / "out"


def prepare(members: int, seed: int, fresh: bool) -> Case:
    """The synthetic forum and a case with it ingested and extracted (cached)."""
    work = OUT / f"resolve-{members}-s{seed}"
    forum, case_dir, done = work / "forum", work / "case", work / "case.ready"
    if fresh and work.exists():
        shutil.rmtree(work)
    if not (forum / "truth.json").exists():
        from safeguard import synth

        t = time.perf_counter()
        synth.generate(forum, members=members, seed=seed)
        print(f"synth: {time.perf_counter() - t:.1f} s")
    case = open_case(case_dir) if done.exists() else _new_case(case_dir)
    from safeguard.evidence import register
    from safeguard.exceptions import DuplicateEvidenceError
    from safeguard.extract import stage as extract
    from safeguard.ingest.runner import ingest

    for name in ("forum.sql", "mail.mbox", "other/mailbox.mbox", "access.log"):
        try:
            register.add(case, forum / name, acquired_by="benchmark", source="synthetic")
        except DuplicateEvidenceError:
            continue
    t = time.perf_counter()
    ingest(case)
    extract.run(case)  # both skip what is done already
    print(f"ingest + extract: {time.perf_counter() - t:.1f} s")
    done.write_text("ok\n")
    return case


def _new_case(case_dir: Path) -> Case:
    if case_dir.exists():
        shutil.rmtree(case_dir)
    return init_case(case_dir)


def enrich(case: Case) -> None:
    """Run the enrich stage when this tree has it (anonymiser flags, languages)."""
    try:
        from safeguard.enrich import stage as enrich_stage
    except ImportError:
        print("enrich: stage not available; resolve recognises private ranges itself")
        return
    t = time.perf_counter()
    summary = enrich_stage.run(case)
    print(f"enrich: {time.perf_counter() - t:.1f} s ({getattr(summary, 'items', '?')} items)")


def truth_map(forum: Path) -> dict[tuple[str, str], int]:
    """(platform, source_user_id) -> true person, for forum accounts and mail identities."""
    truth = json.loads((forum / "truth.json").read_text(encoding="utf-8"))
    out: dict[tuple[str, str], int] = {}
    for a in truth["accounts"]:
        out[("phpbb3", str(a["user_id"]))] = int(a["person"])
    for m in truth["mail"]:
        out[("mail", str(m["from"]).lower())] = int(m["person"])
    for p in truth["persons"]:
        for o in p["other_identities"]:
            out[("mail", str(o["identity"]).lower())] = int(p["person"])
    return out


def labelled(case: Case, truth: dict[tuple[str, str], int]) -> dict[str, int]:
    """account_id -> true person, for the accounts the truth knows."""
    with case.engine(read_only=True) as eng:
        rows = eng.fetchall("SELECT account_id, platform, source_user_id FROM accounts")
    return {str(a): truth[(str(p), str(u))] for a, p, u in rows if (str(p), str(u)) in truth}


def scores(pred: dict[str, str], true: dict[str, int]) -> dict[str, float]:
    """Pairwise and B-cubed precision/recall over the accounts in ``true``."""
    items = [a for a in true if a in pred]
    cell = Counter((pred[a], true[a]) for a in items)
    psize = Counter(pred[a] for a in items)
    tsize = Counter(true[a] for a in items)

    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    tp = sum(pairs(n) for n in cell.values())
    pp, tt = sum(pairs(n) for n in psize.values()), sum(pairs(n) for n in tsize.values())
    bp = sum(cell[(pred[a], true[a])] / psize[pred[a]] for a in items) / len(items)
    br = sum(cell[(pred[a], true[a])] / tsize[true[a]] for a in items) / len(items)
    return {
        "pair_precision": tp / pp if pp else 1.0,
        "pair_recall": tp / tt if tt else 1.0,
        "bcubed_precision": bp,
        "bcubed_recall": br,
        "true_pairs": tt,
        "predicted_pairs": pp,
    }


def run_stage(case: Case) -> tuple[float, int, str]:
    """Run resolve in a child process: (wall seconds, peak RSS KiB, summary line)."""
    code = (
        "import sys\nfrom pathlib import Path\nfrom safeguard.case import open_case\n"
        "from safeguard.resolve import stage\n"
        "s = stage.run(open_case(Path(sys.argv[1])))\nprint(s)\n"
    )
    start = time.perf_counter()
    proc = subprocess.run(
        ["/usr/bin/time", "-f", "%M", sys.executable, "-c", code, str(case.root)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"resolve failed:\n{proc.stderr[-3000:]}")
    return wall, int(proc.stderr.strip().splitlines()[-1]), proc.stdout.strip()


def blocking_recall(case: Case, true: dict[str, int]) -> tuple[float, int]:
    """Share of true same-person pairs the blocking rules offer to the model (or that
    a hard link joins), from the features the stage builds; and the true pair count."""
    from safeguard.resolve import comparisons, features, hardlinks
    from safeguard.resolve.config import get_resolve_settings

    cfg = get_resolve_settings()
    with case.engine() as eng:
        rows = {r["account_id"]: r for r in features.build(eng, cfg).to_pylist()}
        hard = {(h.left, h.right) for h in hardlinks.find(eng, cfg)}
    by_person: dict[int, list[str]] = {}
    for acc, person in true.items():
        if acc in rows:
            by_person.setdefault(person, []).append(acc)
    total = found = 0
    for accs in by_person.values():
        accs.sort()
        for i, a in enumerate(accs):
            for b in accs[i + 1 :]:
                total += 1
                found += (a, b) in hard or comparisons.blocked(rows[a], rows[b])
    return (found / total if total else 1.0), total


def recall_by_kind(case: Case, pred: dict[str, str], true: dict[str, int]) -> dict[str, str]:
    """Pair recall per kind of true pair: mailbox identity or forum account, posting or not."""
    with case.engine(read_only=True) as eng:
        plat = dict(eng.fetchall("SELECT account_id, platform FROM accounts"))
        posting = {str(r[0]) for r in eng.fetchall("SELECT DISTINCT account_id FROM posts")}

    def kind(a: str) -> str:
        return "mail" if plat.get(a) == "mail" else ("poster" if a in posting else "lurker")

    by_person: dict[int, list[str]] = {}
    for acc, person in true.items():
        by_person.setdefault(person, []).append(acc)
    hit: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for accs in by_person.values():
        for i, a in enumerate(accs):
            for b in accs[i + 1 :]:
                k = "–".join(sorted((kind(a), kind(b))))
                total[k] += 1
                hit[k] += pred.get(a) is not None and pred.get(a) == pred.get(b)
    return {k: f"{hit[k] / n:.3f} of {n}" for k, n in sorted(total.items())}


def persons(case: Case) -> dict[str, str]:
    with case.engine(read_only=True) as eng:
        rows = eng.fetchall("SELECT account_id, person_id FROM person_accounts")
    return {str(a): str(p) for a, p in rows}


def sweep(case: Case, true: dict[str, int]) -> list[tuple[float, dict[str, float]]]:
    """Scores at other thresholds, re-clustering the stored links (no judgements)."""
    from safeguard.resolve.cluster import Edge, cluster

    with case.engine(read_only=True) as eng:
        accounts = [str(r[0]) for r in eng.fetchall("SELECT account_id FROM accounts")]
        rows = eng.fetchall(
            "SELECT account_id_l, account_id_r, source, match_probability FROM person_links"
        )
    out = []
    for t in (0.9, 0.95, 0.98, 0.99, 0.995, 0.997, 0.999):
        edges = [Edge(a, b, "hard" if s == "hard" else "model", p or 1.0)
                 for a, b, s, p in rows if s == "hard" or (p or 0) >= t]  # fmt: skip
        result = cluster(accounts, edges)
        pred = {a: c[0] for c in result.clusters for a in c}
        out.append((t, scores(pred, true)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--members", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--fresh", action="store_true", help="regenerate forum and case")
    ap.add_argument("--no-baselines", action="store_true")
    ap.add_argument("--enrich", action="store_true", help="run the enrich stage first")
    ap.add_argument("--case", type=Path, help="use this existing, ingested case (a copy!)")
    ap.add_argument("--forum", type=Path, help="with --case: the folder with its truth.json")
    args = ap.parse_args()
    if args.case:
        case, forum = open_case(args.case), args.forum or args.case.parent / "forum"
    else:
        case = prepare(args.members, args.seed, args.fresh)
        forum = case.root.parent / "forum"
    if args.enrich:
        enrich(case)
    true = labelled(case, truth_map(forum))
    wall, rss, line = run_stage(case)
    print(line, flush=True)
    print(f"resolve stage: {wall:.1f} s wall, peak RSS {rss / 1024:.0f} MiB, "
          f"{len(true)} labelled accounts")  # fmt: skip
    t = time.perf_counter()
    share, total = blocking_recall(case, true)
    print(f"blocking recall: {share:.4f} of {total} true pairs are candidate pairs "
          f"({time.perf_counter() - t:.1f} s)", flush=True)  # fmt: skip
    print("threshold sweep (stored links re-clustered):", flush=True)
    for t, sc in sweep(case, true):
        print(f"  p >= {t}: pair P {sc['pair_precision']:.4f} R {sc['pair_recall']:.4f}, "
              f"B3 P {sc['bcubed_precision']:.4f} R {sc['bcubed_recall']:.4f}",
              flush=True)  # fmt: skip
    pred = persons(case)
    print("pair recall by kind:", recall_by_kind(case, pred, true), flush=True)
    _row("safeguard resolve", scores(pred, true), wall, header=True)
    if not args.no_baselines:
        t = time.perf_counter()
        _row("exact e-mail only", scores(exact_email(case), true), time.perf_counter() - t)
        t = time.perf_counter()
        _row("splink defaults", scores(splink_default(case), true), time.perf_counter() - t)


def _row(name: str, s: dict[str, float], secs: float, header: bool = False) -> None:
    if header:
        print("| method | pair P | pair R | B3 P | B3 R | predicted pairs | true pairs | s |")
        print("|---|---|---|---|---|---|---|---|")
    print(f"| {name} | {s['pair_precision']:.4f} | {s['pair_recall']:.4f} | "
          f"{s['bcubed_precision']:.4f} | {s['bcubed_recall']:.4f} | "
          f"{s['predicted_pairs']} | {s['true_pairs']} | {secs:.1f} |", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
