"""Account-level signals (part of stage ``enrich``): ``account_signals``.

- ``language``: the language of the account's writing (up to
  :data:`TEXTS_PER_ACCOUNT` posts and private messages, chosen by a hash of
  their ids so the choice is stable), candidates = the countries where it is a
  main language (:mod:`safeguard.enrich.language`);
- ``activity_timezone``: the UTC offset that best explains when the account is
  active (posts, private messages, logins, mail), candidates = the countries
  with a zone within :data:`TZ_TOLERANCE` hours of it in the account's most
  active year; emitted from :data:`TZ_MIN_CONFIDENCE` up
  (:mod:`safeguard.enrich.timezone`);
- ``profile_timezone``: the forum's own time-zone field. A value held by more
  than :data:`BOARD_DEFAULT_SHARE` of one evidence item's accounts is the
  board default most members never changed, and says nothing: skipped;
- ``declared_location``: the profile location, when exactly one country fits.

Recomputed as a whole when any evidence item was extracted again since
(the fingerprint of ``stage_runs`` for ``extract`` is kept in ``stage_runs``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

import numpy as np
import pyarrow as pa

from safeguard.engine.duckdb_engine import Engine
from safeguard.enrich import language, location, profile_zone, timezone

METHOD = "signals-1"
TEXTS_PER_ACCOUNT = 8
SNIPPETS = 5  # lingua calls per account: the language signal is weak, its cost is not
TZ_TOLERANCE = 1.0
TZ_MIN_CONFIDENCE = 0.3
BOARD_DEFAULT_SHARE = 0.4
_BATCH = 500

_SCHEMA = pa.schema(
    [
        ("account_id", pa.string()), ("signal", pa.string()), ("value", pa.string()),
        ("country", pa.string()), ("candidates", pa.list_(pa.string())),
        ("confidence", pa.float64()), ("support", pa.int64()), ("detail", pa.string()),
    ]
)  # fmt: skip


def fingerprint(eng: Engine) -> str:
    """Changes whenever an item is extracted again (or removed)."""
    rows = eng.fetchall(
        "SELECT evidence_id, method_version, finished_at FROM stage_runs "
        "WHERE stage = 'extract' ORDER BY ALL"
    )
    return METHOD + ":" + hashlib.sha256(repr(rows).encode()).hexdigest()[:16]


def run(eng: Engine) -> int | None:
    """Recompute ``account_signals`` if stale; rows written, or None when current."""
    version = fingerprint(eng)
    done = eng.fetchall(
        "SELECT count(*) FROM stage_runs WHERE stage = 'signals' AND method_version = ?",
        [version],
    )
    if done[0][0]:
        return None
    eng.execute("DELETE FROM account_signals")
    rows = [*_activity(eng), *_profile(eng), *_locations(eng), *_languages(eng)]
    eng.insert_arrow("account_signals", pa.Table.from_pylist(rows, schema=_SCHEMA))
    eng.execute("DELETE FROM stage_runs WHERE stage = 'signals'")
    eng.execute(
        "INSERT INTO stage_runs VALUES ('signals', '*', ?, ?, ?, NULL)",
        [version, datetime.now(UTC).replace(tzinfo=None), len(rows)],
    )
    return len(rows)


_EVENTS = """
    SELECT account_id, posted_at AS t FROM posts WHERE account_id IS NOT NULL
    UNION ALL SELECT sender_account_id, sent_at FROM private_messages
      WHERE sender_account_id IS NOT NULL
    UNION ALL SELECT account_id, seen_at FROM login_events WHERE account_id IS NOT NULL
    UNION ALL SELECT from_account_id, sent_at FROM mail_messages WHERE from_account_id IS NOT NULL
"""


def _activity(eng: Engine) -> Iterator[dict[str, Any]]:
    rows = eng.fetchall(
        "SELECT account_id, list(h ORDER BY h), list(n ORDER BY h), mode(y) FROM ("
        "SELECT account_id, hour(t) AS h, count(*) AS n, mode(year(t)) AS y FROM ("
        + _EVENTS
        + ") WHERE t IS NOT NULL GROUP BY ALL) GROUP BY account_id ORDER BY account_id"
    )
    if not rows:
        return
    counts = np.zeros((len(rows), 24))
    for i, (_, hs, ns, _) in enumerate(rows):
        counts[i, hs] = ns
    for (account, _, _, year), zone in zip(rows, timezone.zones_from_counts(counts), strict=True):
        if zone is None or zone.confidence < TZ_MIN_CONFIDENCE:
            continue
        cands = _offset_countries(zone.offset, int(year))
        yield _row(
            account, "activity_timezone", f"{zone.offset:+d}", None, cands,
            zone.confidence, zone.support,
            f"activity peaks fit UTC{zone.offset:+d} (runner-up UTC{zone.runner_up:+d})",
        )  # fmt: skip


@lru_cache(maxsize=4096)
def _offset_countries(offset: int, year: int) -> tuple[str, ...]:
    return timezone.offset_countries(offset, TZ_TOLERANCE, year, summer=True)


@lru_cache(maxsize=65536)  # a board holds few distinct values
def _profile_zone(value: str) -> profile_zone.ProfileZone | None:
    return profile_zone.profile_timezone(value)


def _profile(eng: Engine) -> Iterator[dict[str, Any]]:
    rows = eng.fetchall(
        "SELECT account_id, timezone FROM (SELECT account_id, timezone, count(*) OVER "
        "(PARTITION BY evidence_id, timezone) AS same, count(*) OVER (PARTITION BY evidence_id) "
        "AS total FROM accounts WHERE coalesce(trim(timezone), '') <> '') "
        f"WHERE same <= {BOARD_DEFAULT_SHARE} * total ORDER BY account_id"
    )
    for account, value in rows:
        pz = _profile_zone(value)
        if pz is None:
            continue
        shown = pz.zone or f"UTC{pz.offset:+g}"
        yield _row(
            account, "profile_timezone", shown, pz.country, pz.candidates, 1.0, 1,
            f"profile time zone {value!r} ({pz.shape})",
        )  # fmt: skip


def _locations(eng: Engine) -> Iterator[dict[str, Any]]:
    rows = eng.fetchall(
        "SELECT account_id, location FROM accounts WHERE coalesce(trim(location), '') <> '' "
        "ORDER BY account_id"
    )
    for account, text in rows:
        place = location.locate(text)
        if place is None or place.country is None:
            continue
        yield _row(
            account, "declared_location", place.country, place.country, (place.country,), 1.0,
            1, "profile location names " + ", ".join(place.matched),
        )  # fmt: skip


def _languages(eng: Engine) -> Iterator[dict[str, Any]]:
    rows = eng.fetchall(
        "SELECT account_id, list(t ORDER BY k) FROM ("
        "SELECT account_id, text_plain AS t, hash(post_id) AS k, row_number() OVER "
        "(PARTITION BY account_id ORDER BY hash(post_id), post_id) AS rn FROM posts "
        "WHERE account_id IS NOT NULL AND coalesce(text_plain, '') <> '' "
        "UNION ALL SELECT sender_account_id, text_plain, hash(message_id), row_number() OVER "
        "(PARTITION BY sender_account_id ORDER BY hash(message_id), message_id) "
        "FROM private_messages WHERE sender_account_id IS NOT NULL "
        "AND coalesce(text_plain, '') <> '') "
        f"WHERE rn <= {TEXTS_PER_ACCOUNT} GROUP BY 1 ORDER BY 1"
    )
    countries = language.language_countries()
    for start in range(0, len(rows), _BATCH):
        part = rows[start : start + _BATCH]
        guesses = language.guess_languages([texts for _, texts in part], snippets=SNIPPETS)
        for (account, _), guess in zip(part, guesses, strict=True):
            if guess is None:
                continue
            yield _row(
                account, "language", guess.language, None,
                countries.get(guess.language, ()), guess.confidence, guess.chars,
                "shares " + ", ".join(f"{k} {v:.2f}" for k, v in guess.shares.items()),
            )  # fmt: skip


def _row(
    account: str,
    signal: str,
    value: str,
    country: str | None,
    candidates: tuple[str, ...] | list[str],
    confidence: float,
    support: int,
    detail: str,
) -> dict[str, Any]:
    return {
        "account_id": account,
        "signal": signal,
        "value": value,
        "country": country,
        "candidates": sorted(candidates),
        "confidence": round(float(confidence), 4),
        "support": int(support),
        "detail": detail,
    }
