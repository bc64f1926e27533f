"""Speed (and accuracy against the synthetic truth) of the non-IP enrichment library.

    .venv/bin/python benchmarks/signals_speed.py [--members 5000] [--seed 5]

Builds the synthetic forum's logical model (no files written), renders each
posting account's posts, then times on one thread: language of each account
(``guess_language``), activity time zone (per account and batched from hour
counts), e-mail provider, phone, declared location and profile time-zone
lookups. Prints rates, a projection to Operation Rescue scale (70,000 members,
~2 million posts) and accuracy against the generator's truth.
"""

from __future__ import annotations

import argparse
import os
import random
import time

os.environ.setdefault("RAYON_NUM_THREADS", "1")  # one core: lingua's batch API uses rayon

import numpy as np

from safeguard.enrich.email import lookup
from safeguard.enrich.language import detector, guess_language, guess_languages
from safeguard.enrich.location import locate
from safeguard.enrich.phone import phone_info
from safeguard.enrich.profile_zone import profile_timezone
from safeguard.enrich.timezone import activity_zone, hour_counts, zones_from_counts
from safeguard.synth import activity, geo, people
from safeguard.synth.identity import reg_email
from safeguard.synth.render import body, post_lang
from safeguard.synth.selectors import phone
from safeguard.synth.text import LANGS

RESCUE_ACCOUNTS = 70_000


def _texts(folk: people.People, act: activity.Activity) -> dict[int, list[str]]:
    rng = random.Random(0)
    out: dict[int, list[str]] = {}
    for i in range(len(act.post_time)):
        acc = int(act.post_poster[i])
        out.setdefault(acc, []).append(body(rng, post_lang(folk, act, i, rng), None)[0])
    return out


def _language(folk: people.People, texts: dict[int, list[str]]) -> None:
    detector().detect_language_of("warm up the language models")
    accounts = list(texts)
    start = time.process_time()
    guesses = [guess_language(texts[a]) for a in accounts]
    cpu = time.process_time() - start
    chars = sum(g.chars for g in guesses if g)
    raw = sum(len(t) for a in accounts for t in texts[a])
    right = sum(
        g is not None and g.language == LANGS[int(folk.p_lang[int(folk.a_person[a])])]
        for a, g in zip(accounts, guesses, strict=True)
    )
    rate = len(accounts) / cpu
    print(
        f"language: {len(accounts)} accounts, {rate:.0f} accounts/s, {chars / cpu:.0f} "
        f"snippet chars/s ({raw / cpu / 1e6:.1f} M chars of posts covered/s); "
        f"native language right for {right / len(accounts):.3f}"
    )
    share = len(accounts) / folk.accounts
    print(
        f"  projection: {RESCUE_ACCOUNTS} members x {share:.2f} with posts -> "
        f"{RESCUE_ACCOUNTS * share / rate:.0f} s CPU on one core"
    )
    start = time.perf_counter()
    guess_languages([texts[a] for a in accounts])
    print(f"  batch API (RAYON_NUM_THREADS={os.environ['RAYON_NUM_THREADS']}): "
          f"{len(accounts) / (time.perf_counter() - start):.0f} accounts/s wall")  # fmt: skip


def _timezone(folk: people.People, act: activity.Activity) -> None:
    offsets = np.array([c.utc_offset for c in geo.countries()])
    owner = np.concatenate([act.post_poster, act.pm_sender])
    when = np.concatenate([act.post_time, act.pm_time])
    order = np.argsort(owner, kind="stable")
    owner, when = owner[order], when[order]
    accounts, starts = np.unique(owner, return_index=True)
    groups = np.split(when, starts[1:])
    start = time.process_time()
    zones = [activity_zone(g) for g in groups]
    single = len(groups) / (time.process_time() - start)
    counts = np.stack([hour_counts(g) for g in groups])
    start = time.process_time()
    batch = zones_from_counts(counts)
    batched = len(groups) / (time.process_time() - start)
    assert batch == zones
    err, conf = [], []
    for acc, z in zip(accounts, zones, strict=True):
        if z is not None:
            d = abs(z.offset - offsets[folk.p_country[folk.a_person[acc]]]) % 24
            err.append(min(d, 24 - d))
            conf.append(z.confidence)
    e = np.array(err)
    print(
        f"activity zone: {len(groups)} accounts ({len(e)} with enough events), "
        f"{single:.0f} accounts/s one by one, {batched:.0f} accounts/s batched; "
        f"exact {(e == 0).mean():.3f}, within 1 h {(e <= 1).mean():.3f}, "
        f"within 2 h {(e <= 2).mean():.3f}, mean confidence {np.mean(conf):.3f}"
    )


def _lookups(folk: people.People) -> None:
    rng = random.Random(1)
    mails = [reg_email(folk, a) for a in range(min(folk.accounts, 5000))]
    phones = [phone(rng, c.code) for c in geo.countries() for _ in range(60)]
    places = [c.name for c in geo.countries()] * 60 + ["Paris, Texas", "Georgia"] * 500
    zones = [c.tz for c in geo.countries()] * 60 + [f"{c.utc_offset:.2f}" for c in geo.countries()]
    for name, fn, values, field in (
        ("email provider", lookup, mails, "provider"),
        ("phone", phone_info, phones, "country"),
        ("declared location", locate, places, "country"),
        ("profile time zone", profile_timezone, zones, "offset"),
    ):
        rates = []
        for _ in range(2):  # first pass loads tables and fills caches
            start = time.process_time()
            results = [fn(v) for v in values]  # type: ignore[operator]
            rates.append(len(values) / (time.process_time() - start))
        known = sum(getattr(r, field, None) is not None for r in results)
        print(f"{name}: {rates[0]:.0f} lookups/s cold, {rates[1]:.0f} warm; "
              f"{known}/{len(values)} resolved")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--members", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()
    start = time.perf_counter()
    folk = people.build(args.seed, args.members)
    act = activity.build(folk)
    texts = _texts(folk, act)
    print(
        f"members={args.members} seed={args.seed} posts={len(act.post_time)} "
        f"PMs={len(act.pm_time)} (model built in {time.perf_counter() - start:.1f} s)"
    )
    _language(folk, texts)
    _timezone(folk, act)
    _lookups(folk)


if __name__ == "__main__":
    main()
