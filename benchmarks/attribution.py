"""Jurisdiction attribution against synthetic ground truth, and the stages' cost.

Generates a synthetic forum and ingests it (or reuses ``--case``/``--forum``),
runs extract → enrich → attribute in a child process (wall time and peak RSS
of each stage), then scores ``account_jurisdictions`` against truth.json:

- coverage (share attributed), accuracy of the attributed, contested and
  unknown shares;
- calibration: expected calibration error (10 equal-width bins) of the
  confidence of attributed accounts, and of the leading country's probability
  over every account that has one; a reliability plot as PNG;
- accounts whose only evidence is anonymising IPs (VPN, Tor, hosting): how
  many were attributed, and how many of those wrongly (must be none);
- per confounder class of the true person.

    .venv/bin/python benchmarks/attribution.py --members 70000 --seed 7 \
        [--work DIR] [--png benchmarks/attribution_reliability.png]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from safeguard.case import Case, open_case

STAGES = ("extract", "enrich", "attribute")


def prepare(work: Path, members: int, seed: int) -> Case:
    """The case in ``work/case``, generated and ingested if absent."""
    if (work / "case" / "case.json").is_file():
        return open_case(work / "case")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.support.synth_case import build

    t0 = time.perf_counter()
    case = build(work, members=members, seed=seed)
    print(f"generated and ingested {members} members in {time.perf_counter() - t0:.0f} s")
    return case


def run_stage(case: Case, name: str) -> tuple[float, float]:
    """(wall seconds, peak RSS MB) of one stage in a fresh process."""
    code = (
        "import sys; from pathlib import Path; from safeguard.case import open_case; "
        "from safeguard import pipeline; c = open_case(Path(sys.argv[1])); "
        f"s = next(s for s in pipeline.STAGES if s.name == {name!r}); r = s.run(c, None); "
        "print(s.report(r) if s.report else r); import resource as R; "
        "print(max(R.getrusage(R.RUSAGE_SELF).ru_maxrss, R.getrusage(R.RUSAGE_CHILDREN).ru_maxrss))"
    )
    t0 = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code, str(case.root)], check=True, capture_output=True, text=True
    )
    wall = time.perf_counter() - t0
    *report, peak = out.stdout.strip().split("\n")
    print("  " + "\n  ".join(report))
    return wall, int(peak) / 1024


def truth_countries(forum: Path) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(forum user id → country, mail address → country, either → confounder)."""
    truth = json.loads((forum / "truth.json").read_text("utf-8"))
    persons = {p["person"]: p for p in truth["persons"]}
    by_user = {str(a["user_id"]): persons[a["person"]]["country"] for a in truth["accounts"]}
    by_mail = {m["from"].lower(): persons[m["person"]]["country"] for m in truth["mail"]}
    conf = {str(a["user_id"]): persons[a["person"]]["confounder"] for a in truth["accounts"]}
    conf.update({m["from"].lower(): persons[m["person"]]["confounder"] for m in truth["mail"]})
    return by_user, by_mail, conf


def ece(
    pairs: list[tuple[float, bool]], bins: int = 10
) -> tuple[float, list[tuple[float, float, int]]]:
    """Expected calibration error and (mean confidence, accuracy, n) per bin."""
    table: list[list[tuple[float, bool]]] = [[] for _ in range(bins)]
    for p, ok in pairs:
        table[min(int(p * bins), bins - 1)].append((p, ok))
    total, err, rows = len(pairs), 0.0, []
    for b in table:
        if not b:
            continue
        conf = sum(p for p, _ in b) / len(b)
        acc = sum(ok for _, ok in b) / len(b)
        err += len(b) / total * abs(conf - acc)
        rows.append((conf, acc, len(b)))
    return err, rows


def score(case: Case, forum: Path, png: Path | None) -> None:
    by_user, by_mail, conf = truth_countries(forum)
    with case.engine(read_only=True) as eng:
        rows = eng.fetchall(
            "SELECT a.platform, a.source_user_id, j.country, j.status, j.confidence, "
            "(SELECT count(*) FILTER (e.signal IN ('ip_residential', 'ip_mobile', "
            "'ip_education', 'phone', 'email_isp', 'email_national', 'email_cctld', "
            "'declared_location')) FROM attribution_evidence e "
            "WHERE e.account_id = j.account_id) AS locating "
            "FROM account_jurisdictions j JOIN accounts a USING (account_id)"
        )
    status: Counter[str] = Counter()
    right: Counter[bool] = Counter()
    per_conf: Counter[tuple[str, str, bool]] = Counter()
    attributed_pairs: list[tuple[float, bool]] = []
    anon_only = anon_wrong = anon_attr = 0
    for platform, uid, country, st, p, locating in rows:
        true = by_mail.get(uid) if platform == "mail" else by_user.get(uid)
        if true is None:
            continue
        status[st] += 1
        ok = country == true
        per_conf[(conf.get(uid, "?"), st, ok)] += 1
        if st == "attributed":
            right[ok] += 1
            attributed_pairs.append((p, ok))
        if not locating:
            anon_only += 1
            anon_attr += st == "attributed"
            anon_wrong += st == "attributed" and not ok
    total = sum(status.values())
    err, bins = ece(attributed_pairs)
    print(f"\naccounts scored: {total}")
    for st in ("attributed", "contested", "unknown"):
        print(f"  {st:<11} {status[st]:>7}  ({status[st] / total:.1%})")
    acc = right[True] / max(1, sum(right.values()))
    print(f"accuracy of attributed: {acc:.4f} ({right[False]} wrong)")
    print(f"coverage: {status['attributed'] / total:.4f}")
    print(f"ECE of attributed confidence: {err:.4f}")
    print(
        f"accounts with no locating evidence: {anon_only}; "
        f"attributed {anon_attr}, wrong {anon_wrong}"
    )
    print("per confounder (true person) x status: right / wrong")
    for c in sorted({k[0] for k in per_conf}):
        cells = [f"{st} {per_conf[(c, st, True)]}/{per_conf[(c, st, False)]}" for st in status]
        print(f"  {c:<9} " + ", ".join(cells))
    if png:
        plot(bins, err, png)
        print(f"reliability plot: {png}")


def fit_temperature(case: Case, forum: Path) -> float:
    """The temperature minimising the log-loss of the true country (grid search)."""
    import math
    from itertools import groupby

    from safeguard.attribute import evidence
    from safeguard.attribute import score as sc

    by_user, by_mail, _ = truth_countries(forum)
    with case.engine(read_only=True) as eng:
        items = evidence.gather(eng, "account")
        who = dict(
            eng.fetchall("SELECT account_id, platform || ':' || source_user_id FROM accounts")
        )
    grouped = []
    for entity, its in groupby(items, key=lambda i: i.entity):
        platform, _, uid = who[entity].partition(":")
        true = by_mail.get(uid) if platform == "mail" else by_user.get(uid)
        if true:
            totals: dict[str, float] = {}
            for it in its:
                totals[it.country] = totals.get(it.country, 0.0) + sc.weight(it)
            grouped.append((totals, true))
    w = sc.weights()
    best = (math.inf, 1.0)
    for t in [x / 20 for x in range(4, 61)]:
        loss = 0.0
        for totals, true in grouped:
            probs = sc._softmax(totals, float(w["other_prior"]), t)
            other = 1 - sum(probs.values())
            loss -= math.log(max(probs.get(true, other), 1e-9))
        best = min(best, (loss / max(1, len(grouped)), t))
    print(f"temperature fit on {len(grouped)} accounts: T = {best[1]} (log-loss {best[0]:.4f})")
    return best[1]


def plot(bins: list[tuple[float, float, int]], err: float, png: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(4.5, 4.5), dpi=100)
    ax.plot([0, 1], [0, 1], linestyle="--", color="grey", label="perfect calibration")
    ax.plot([b[0] for b in bins], [b[1] for b in bins], marker="o", label="attributed accounts")
    for conf, acc, n in bins:
        ax.annotate(str(n), (conf, acc), textcoords="offset points", xytext=(4, -10), fontsize=7)
    ax.set_xlabel("confidence")
    ax.set_ylabel("share with the right country")
    ax.set_title(f"Attribution reliability (ECE {err:.3f})")
    ax.set_xlim(0, 1.02)
    ax.set_ylim(0, 1.02)
    ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    fig.savefig(png)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--members", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--work", type=Path, help="folder with forum/ and case/ (made if absent)")
    ap.add_argument("--png", type=Path, default=None)
    ap.add_argument("--fit", action="store_true", help="fit the temperature and stop")
    ap.add_argument(
        "--redo", action="store_true", help="forget finished stage work first (time it all)"
    )
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="sg-attr-"))
    case = prepare(work, args.members, args.seed)
    print(f"case {case.root}")
    if args.redo:
        with case.engine() as eng:
            eng.execute("DELETE FROM stage_runs")
    total = 0.0
    for name in STAGES:
        wall, peak = run_stage(case, name)
        total += wall
        print(f"stage {name:<9} {wall:7.1f} s   peak RSS {peak:7.0f} MB")
    print(f"extract + enrich + attribute: {total:.1f} s")
    if args.fit:
        fit_temperature(case, work / "forum")
        return
    score(case, work / "forum", args.png)


if __name__ == "__main__":
    main()
