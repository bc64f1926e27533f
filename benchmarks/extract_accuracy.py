"""Precision and recall of the extract stage against synthetic ground truth.

Generates and ingests a synthetic forum (or reuses ``--work``), runs the
``extract`` stage and compares, per source record, the selectors found in its
text and profile fields (observations of ``text_plain``, ``subject``,
``signature_plain`` and the profile columns) with those ``truth.json``
planted there: forms ``plain`` and ``obfuscated`` in text, ``field`` in
profile columns. Logged IPs and registration e-mails are structured columns
copied as they are and are not scored here.

A found selector the truth does not list for that record counts as a false
positive, whatever its type: the chatter vocabulary is closed, so anything
else found is an extraction error.

    .venv/bin/python benchmarks/extract_accuracy.py [--members 2000] [--seed 7] [--work DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from safeguard.case import Case
from safeguard.extract import all_types, stage

sys.path.insert(0, str(Path(__file__).resolve().parent))
from attribution import prepare

Key = tuple[str, str]  # (source table, source record id)
SCORED_FIELDS = (
    "text_plain", "subject", "signature_plain", "location", "occupation", "interests",
    "icq", "skype", "jabber", "website",
)  # fmt: skip


def load_truth(path: Path) -> tuple[dict[Key, dict[tuple[str, str], str]], Counter[str]]:
    """Planted selectors per record: (type, normalised) → form."""
    norm = {t.name: t for t in all_types()}
    truth: dict[Key, dict[tuple[str, str], str]] = {}
    skipped: Counter[str] = Counter()
    for s in json.loads(path.read_text("utf-8"))["selectors"]:
        if s["form"] not in ("plain", "obfuscated", "field") or not s["value"]:
            skipped[s["form"]] += 1
            continue
        kind = s["fact"]
        value = norm[kind].normalise(s["value"]) if kind in norm else s["value"]
        truth.setdefault((s["table"], str(s["record"])), {})[(kind, value)] = s["form"]
    return truth, skipped


def found(case: Case) -> dict[Key, dict[tuple[str, str], str]]:
    """Observations per source record: (type, value) → method."""
    fields = ", ".join(f"'{f}'" for f in SCORED_FIELDS)
    with case.engine(read_only=True) as eng:
        rows = eng.fetchall(
            "SELECT o.source_table, coalesce(p.source_post_id, m.source_message_id, "
            "a.source_user_id), o.selector_type, o.value, o.method FROM observations o "
            "LEFT JOIN posts p ON o.record_table = 'posts' AND p.post_id = o.record_id "
            "LEFT JOIN private_messages m ON o.record_table = 'private_messages' "
            "AND m.message_id = o.record_id "
            "LEFT JOIN accounts a ON o.record_table = 'accounts' AND a.account_id = o.record_id "
            f"WHERE o.field IN ({fields}) AND o.record_table <> 'mail_messages'"
        )
    out: dict[Key, dict[tuple[str, str], str]] = {}
    for table, rec, kind, value, method in rows:
        out.setdefault((table, str(rec)), {})[(kind, value)] = method
    return out


def score(case: Case, truth_path: Path) -> None:
    truth, skipped = load_truth(truth_path)
    got = found(case)
    tp: Counter[tuple[str, str]] = Counter()
    fp: Counter[tuple[str, str]] = Counter()
    fn: Counter[tuple[str, str]] = Counter()
    examples: list[str] = []
    for key in sorted(set(truth) | set(got)):
        planted, seen = truth.get(key, {}), got.get(key, {})
        for sel, method in seen.items():
            if sel in planted:
                tp[(sel[0], planted[sel])] += 1
            else:
                fp[(sel[0], "obfuscated" if method == "deobfuscated" else "plain")] += 1
                examples.append(f"FP {key} {sel}")
        for sel, form in planted.items():
            if sel not in seen:
                fn[(sel[0], form)] += 1
                examples.append(f"FN {key} {sel} {form}")
    _report(tp, fp, fn)
    print(f"not scored (not selectors or structured copies): {dict(skipped)}")
    for line in examples[:30]:
        print(line)


def _pr(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else float("nan")
    r = tp / (tp + fn) if tp + fn else float("nan")
    return f"{tp:6d} {fp:5d} {fn:5d}  precision {p:.4f}  recall {r:.4f}"


def _report(
    tp: Counter[tuple[str, str]], fp: Counter[tuple[str, str]], fn: Counter[tuple[str, str]]
) -> None:
    print(f"{'type':10} {'form':11} {'TP':>6} {'FP':>5} {'FN':>5}")
    keys = set(tp) | set(fp) | set(fn)
    for key in sorted(keys):
        print(f"{key[0]:10} {key[1]:11} {_pr(tp[key], fp[key], fn[key])}")
    for form in ("plain", "obfuscated", "field"):
        sel = [k for k in keys if k[1] == form]
        print(f"{'ALL':10} {form:11} {_pr(*(sum(c[k] for k in sel) for c in (tp, fp, fn)))}")
    print(f"{'ALL':10} {'all':11} {_pr(sum(tp.values()), sum(fp.values()), sum(fn.values()))}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--members", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--work", type=Path, help="folder with forum/ and case/ (made if absent)")
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="sg-extract-"))
    case = prepare(work, args.members, args.seed)
    t0 = time.perf_counter()
    summary = stage.run(case)
    print(
        f"extract: {summary.items} items in {time.perf_counter() - t0:.1f} s; "
        f"{summary.texts_scanned} of {summary.texts_total} texts through the finder "
        f"({summary.chars_scanned / 1e6:.2f} M chars)"
    )
    score(case, work / "forum" / "truth.json")


if __name__ == "__main__":
    main()
