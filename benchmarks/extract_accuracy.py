"""Precision and recall of free-text selector extraction against synthetic truth.

Generates a synthetic phpBB forum (or reuses ``--out``), reads post, private
message and signature texts straight from ``forum.sql`` with the mysqldump
reader, converts BBCode to plain text, runs ``safeguard.extract.find`` on each
and compares, per record, the set of (type, normalised value) found with the
selectors ``truth.json`` planted there (forms ``plain``/``obfuscated``; profile
``field`` selectors are structured, not text, and are not scored here).

A found selector the truth does not list for that record counts as a false
positive, whatever its type (URLs, IPs …): the chatter vocabulary is closed,
so anything else found is an extraction error.

    .venv/bin/python benchmarks/extract_accuracy.py [--members 2000] [--seed 7] [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from safeguard import synth
from safeguard.extract import all_types, find
from safeguard.ingest.markup import to_plain
from safeguard.ingest.readers.base import RowBatch, SourceInfo
from safeguard.ingest.readers.mysqldump import MySQLDumpReader

TEXTS = {"phpbb_posts": ("post_id", "post_text"), "phpbb_privmsgs": ("msg_id", "message_text"),
         "phpbb_users": ("user_id", "user_sig")}  # fmt: skip
Key = tuple[str, int]
# to_plain strips "[at]"/"[dot]" as if they were BBCode tags, destroying the
# obfuscation; unless --raw-markup, they are rewritten to "(at)"/"(dot)" first.
_MARKERS = re.compile(r"\[(at|dot)\]", re.IGNORECASE)


def texts(dump: Path, protect: bool = True) -> Iterator[tuple[Key, str]]:
    """(table, record id) and plain text of every post, PM and signature."""
    with dump.open("rb") as fh:
        for ev in MySQLDumpReader().read(fh, SourceInfo(dump.name)):
            if not isinstance(ev, RowBatch) or ev.table not in TEXTS:
                continue
            id_col, text_col = (ev.columns.index(c) for c in TEXTS[ev.table])
            for row in ev.rows:
                raw = row[text_col]
                if isinstance(raw, bytes):
                    raw = raw.decode("utf-8", "replace")
                if raw and isinstance(row[id_col], str | bytes):
                    raw = _MARKERS.sub(r"(\1)", raw) if protect else raw
                    yield (ev.table, int(row[id_col])), to_plain(raw, "bbcode") or ""


def load_truth(path: Path) -> tuple[dict[Key, dict[tuple[str, str], str]], Counter[str]]:
    """Planted text selectors per record: (type, normalised) → form."""
    norm = {t.name: t for t in all_types()}
    truth: dict[Key, dict[tuple[str, str], str]] = {}
    forms: Counter[str] = Counter()
    for s in json.loads(path.read_text())["selectors"]:
        if s["form"] not in ("plain", "obfuscated") or not s["value"]:
            forms[s["form"]] += 1
            continue
        kind = s["fact"]
        value = norm[kind].normalise(s["value"]) if kind in norm else s["value"]
        truth.setdefault((s["table"], int(s["record"])), {})[(kind, value)] = s["form"]
    return truth, forms


def score(out: Path, protect: bool = True) -> None:
    """Print per type and form precision/recall, overall numbers and examples of errors."""
    truth, skipped = load_truth(out / "truth.json")
    tp: Counter[tuple[str, str]] = Counter()
    fp: Counter[tuple[str, str]] = Counter()
    fn: Counter[tuple[str, str]] = Counter()
    examples: list[str] = []
    chars, t0 = 0, time.process_time()
    for key, text in texts(out / "forum.sql", protect):
        chars += len(text)
        planted = truth.pop(key, {})
        found = {(m.type, m.normalised): m for m in find(text)}
        for sel, m in found.items():
            if sel in planted:
                tp[(sel[0], planted[sel])] += 1
            else:
                fp[(sel[0], "plain" if m.method == "text" else "obfuscated")] += 1
                examples.append(f"FP {key} {m.type} {m.value!r}")
        for sel, form in planted.items():
            if sel not in found:
                fn[(sel[0], form)] += 1
                examples.append(f"FN {key} {sel} {form}: {text[:160]!r}")
    for planted in truth.values():  # records the dump did not yield
        for sel, form in planted.items():
            fn[(sel[0], form)] += 1
    cpu = time.process_time() - t0
    _report(tp, fp, fn)
    print(
        f"\ntext scanned: {chars / 1e6:.1f} M chars in {cpu:.1f} s CPU; not scored: {dict(skipped)}"
    )
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
    for key in sorted(set(tp) | set(fp) | set(fn)):
        print(f"{key[0]:10} {key[1]:11} {_pr(tp[key], fp[key], fn[key])}")
    for form in ("plain", "obfuscated"):
        sel = [k for k in set(tp) | set(fp) | set(fn) if k[1] == form]
        print(f"{'ALL':10} {form:11} {_pr(*(sum(c[k] for k in sel) for c in (tp, fp, fn)))}")
    print(f"{'ALL':10} {'all':11} {_pr(sum(tp.values()), sum(fp.values()), sum(fn.values()))}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--members", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, help="existing or new synthetic forum folder")
    ap.add_argument(
        "--raw-markup", action="store_true", help="do not protect [at]/[dot] from to_plain"
    )
    args = ap.parse_args()
    if args.out and (args.out / "truth.json").exists():
        score(args.out, not args.raw_markup)
        return
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp)
        synth.generate(out, members=args.members, seed=args.seed)
        score(out, not args.raw_markup)


if __name__ == "__main__":
    main()
