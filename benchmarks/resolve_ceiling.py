"""How far identity resolution is from what its evidence allows (ground truth needed).

    .venv/bin/python benchmarks/resolve_ceiling.py --case CASE --forum DIR [--work DIR]

``CASE`` is an ingested, extracted (and enriched) case of the synthetic forum in
``DIR`` (its truth.json); it is copied, never changed. Three runs on copies:

1. **trained**: the stage as shipped (m from hard links, then EM);
2. **truth m**: the same model with every m learnt from the true pairs
   (Splink's ``estimate_m_from_pairwise_labels`` over all same-person pairs) —
   what perfect training of m would give;
3. **pattern oracle**: every blocked pair scored (review floor 0), grouped by
   its levels of name, place, IP and browser; the patterns whose pairs are
   at least X% one person (read off the truth) are merged. Pair-level recall,
   without transitive closure — what any model using these comparisons at that
   granularity could reach at that precision.

Prints pair precision/recall per threshold for 1 and 2, and 3 for X in
99.9/99/95%. Used for the "where the recall target stands" paragraph of
docs/resolution.md.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.resolve import labelled, persons, scores, sweep, truth_map  # noqa: E402
from safeguard.case import Case, open_case  # noqa: E402
from safeguard.resolve import model, stage  # noqa: E402
from safeguard.resolve.config import ResolveSettings, get_resolve_settings  # noqa: E402

PATTERN = ("name", "place", "ip", "user_agent")


def _copy(src: Path, work: Path, name: str) -> Case:
    dst = work / name
    shutil.copytree(src, dst)
    return open_case(dst)


def _true_pairs(true: dict[str, int]) -> list[tuple[str, str]]:
    by: dict[int, list[str]] = defaultdict(list)
    for acc, person in true.items():
        by[person].append(acc)
    return [
        (min(a, b), max(a, b))
        for accs in by.values()
        for i, a in enumerate(accs)
        for b in accs[i + 1 :]
    ]


def _truth_trainer(pairs: list[tuple[str, str]]) -> Callable[..., None]:
    """A stand-in for model.train: u as shipped, m from the true pairs."""
    import pyarrow as pa

    def train(linker: Any, cfg: ResolveSettings, labels: Any = None) -> None:
        linker.training.estimate_u_using_random_sampling(
            max_pairs=cfg.u_max_pairs, seed=cfg.seed, num_chunks=1, min_count_per_level=None
        )
        table = pa.table(
            {"account_id_l": [a for a, _ in pairs], "account_id_r": [b for _, b in pairs]}
        )
        labels_sdf = linker._db_api.register(table, table_name="rs_truth_labels")
        linker.training.estimate_m_from_pairwise_labels(labels_sdf)

    return train


def _report(title: str, case: Case, true: dict[str, int]) -> None:
    got = scores(persons(case), true)
    print(f"{title}: P {got['pair_precision']:.4f} R {got['pair_recall']:.4f} at the default")
    for threshold, s in sweep(case, true):
        print(f"   {threshold:<6} P {s['pair_precision']:.4f}  R {s['pair_recall']:.4f}")


def _oracle(case: Case, true: dict[str, int]) -> None:
    """Pattern oracle over every blocked pair of ``case`` (resolved with floor 0)."""
    with case.engine(read_only=True) as eng:
        rows = eng.fetchall(
            "SELECT account_id_l, account_id_r, source, contributions FROM person_links"
        )
    cells: dict[tuple[str, ...], list[int]] = defaultdict(lambda: [0, 0])
    hard_true = hard = 0
    for a, b, source, parts in rows:
        if a not in true or b not in true:
            continue
        same = true[a] == true[b]
        if source == "hard":
            hard, hard_true = hard + 1, hard_true + same
            continue
        level = {p["comparison"]: p["level"] for p in json.loads(parts)}
        cell = cells[tuple(level.get(c, "") for c in PATTERN)]
        cell[0], cell[1] = cell[0] + 1, cell[1] + same
    total = sum(n * (n - 1) // 2 for n in Counter(true.values()).values())
    print(f"pattern oracle ({len(cells)} patterns of {', '.join(PATTERN)}; {hard} hard links):")
    for share in (0.999, 0.99, 0.95):
        picked = [c for c in cells.values() if c[1] / c[0] >= share]
        tp = hard_true + sum(c[1] for c in picked)
        merged = hard + sum(c[0] for c in picked)
        print(f"   patterns >= {share:.1%} one person: P {tp / merged:.4f}  R {tp / total:.4f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--case", type=Path, required=True, help="ingested case (copied, not changed)")
    ap.add_argument("--forum", type=Path, required=True, help="folder with its truth.json")
    ap.add_argument("--work", type=Path, help="where the copies go (default: a temp folder)")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sg-ceiling-", dir=args.work))
    try:
        truth = truth_map(args.forum)
        case = _copy(args.case, work, "trained")
        true = labelled(case, truth)
        stage.run(case)
        _report("trained", case, true)
        shutil.rmtree(case.root)
        case = _copy(args.case, work, "truth-m")
        shipped = model.train
        model.train = _truth_trainer(_true_pairs(true))  # type: ignore[assignment]
        try:
            stage.run(case)
        finally:
            model.train = shipped  # type: ignore[assignment]
        _report("truth m", case, true)
        shutil.rmtree(case.root)
        case = _copy(args.case, work, "oracle")
        stage.run(case, cfg=get_resolve_settings().model_copy(update={"review_floor": 0.0}))
        _oracle(case, true)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
