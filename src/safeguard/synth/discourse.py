"""Discourse writer: the logical model as a pg_dump (plain format) of Discourse's tables.

Tables (``public.``, name order as pg_dump writes them): posts,
topic_allowed_users, topics, user_auth_token_logs, user_auth_tokens,
user_emails, user_profiles, users. Columns are Discourse's own
(``data/discourse_public_schema.sql``, from the models' schema annotations).

Discourse specifics reproduced: private messages are topics with archetype
``private_message`` (subtype ``user_to_user``) whose posts are ordinary
``posts`` rows, participants in ``topic_allowed_users``; each synthetic PM is one
such topic with one post. Post ids follow creation time across public posts
and PMs; public topic ids are ``topic + 1`` (as in the access log) and PM topics
come after them. Posts carry Markdown ``raw`` and rendered ``cooked`` HTML and
no IP; times are ``timestamp without time zone`` in UTC with microseconds.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from random import Random

import numpy as np

from safeguard.synth import discourse_users as du
from safeguard.synth import geo, pgdump
from safeguard.synth.activity import SECTIONS, Activity
from safeguard.synth.discourse_cook import cook, words
from safeguard.synth.identity import Plant
from safeguard.synth.people import People
from safeguard.synth.render import CHUNK, Found, body, chunk_rng, post_lang, record, topic_title
from safeguard.synth.rng import mix
from safeguard.synth.text import LANGS

SCHEMA = Path(__file__).parent / "data" / "discourse_public_schema.sql"
ID_OFFSET = du.ID_OFFSET
BOARD_IDS = tuple(range(2, len(SECTIONS) + 2))  # category 1 is Discourse's "Uncategorized"
PATHS = {
    0: ("GET", "/t/{t}", 200),
    1: ("POST", "/posts", 200),
    2: ("POST", "/posts", 200),
    3: ("POST", "/posts", 200),
    4: ("POST", "/u", 200),
    5: ("GET", "/latest", 200),
}
Rows = Iterator[dict[str, object]]


@cache
def schema() -> dict[str, pgdump.Table]:
    """Discourse's tables from ``data/discourse_public_schema.sql``."""
    return pgdump.parse_schema(SCHEMA.read_text("utf-8"))


class _Plan:
    """Ids and numbering shared by the posts, topics and participants tables."""

    def __init__(self, act: Activity) -> None:
        self.n_posts = len(act.post_time)
        self.n_topics = len(act.topic_first)
        # Merged position of each PM among posts and PMs by time (posts first on ties).
        self.pm_rank = np.searchsorted(act.post_time, act.pm_time, "right") + np.arange(
            len(act.pm_time)
        )

    def order(self, chunk: int = 1 << 20) -> Iterator[int]:
        """Record of each post id - 1: a post index, or ``n_posts`` + a PM index."""
        total = self.n_posts + len(self.pm_rank)
        for k0 in range(0, total, chunk):
            k1 = min(k0 + chunk, total)
            j0, j1 = np.searchsorted(self.pm_rank, [k0, k1])
            is_pm = np.zeros(k1 - k0, bool)
            is_pm[self.pm_rank[j0:j1] - k0] = True
            idx = np.empty(k1 - k0, np.int64)
            idx[is_pm] = self.n_posts + np.arange(j0, j1)
            idx[~is_pm] = k0 - j0 + np.arange(k1 - k0 - (j1 - j0))
            yield from idx.tolist()


def _post_row(pid: int, topic: int, number: int, user: int, t: int, raw: str) -> dict[str, object]:
    created = pgdump.stamp(t, mix(pid, 78) % 1_000_000)
    return {
        "id": pid,
        "user_id": user,
        "topic_id": topic,
        "post_number": number,
        "raw": raw,
        "cooked": cook(raw),
        "created_at": created,
        "updated_at": created,
        "sort_order": number,
        "last_version_at": created,
        "word_count": words(raw),
        "baked_at": created,
        "baked_version": 2,
    }


def _public_text(people: People, act: Activity, idx: int, r: Random) -> tuple[str, list[Plant]]:
    lang = post_lang(people, act, idx, r)
    post_lang(people, act, int(act.topic_first[int(act.post_topic[idx])]), r)  # as others draw
    return body(r, lang, act.plants.get(("post", idx)))


def _pm_text(people: People, act: Activity, i: int, r: Random) -> tuple[str, list[Plant]]:
    acc = int(act.pm_sender[i])
    lang = geo.countries()[int(people.p_country[int(people.a_person[acc])])].languages[0]
    return body(r, lang if lang != "en" and r.random() < 0.5 else "en", act.plants.get(("pm", i)))


def posts(people: People, act: Activity, plan: _Plan, found: Found) -> Rows:
    """``posts`` in id order: public posts and PM posts interleaved by time.

    Each kind draws its words from its own stream in its own order, so the text
    of post ``i`` and PM ``i`` is the one every other writer gives them.
    """
    rng = {"post": chunk_rng(people.seed, "post", 0), "pm": chunk_rng(people.seed, "pm", 0)}
    number = np.zeros(plan.n_topics, np.int64)
    for k, idx in enumerate(plan.order()):
        kind, i = ("post", idx) if idx < plan.n_posts else ("pm", idx - plan.n_posts)
        if i and i % CHUNK == 0:
            rng[kind] = chunk_rng(people.seed, kind, i)
        if kind == "post":
            topic, acc, t = int(act.post_topic[i]), int(act.post_poster[i]), int(act.post_time[i])
            text, planted = _public_text(people, act, i, rng[kind])
            number[topic] += 1
            tid, num = topic + 1, int(number[topic])
        else:
            acc, t = int(act.pm_sender[i]), int(act.pm_time[i])
            text, planted = _pm_text(people, act, i, rng[kind])
            tid, num = plan.n_topics + i + 1, 1
        record(found, "posts", k + 1, acc + ID_OFFSET, planted)
        yield _post_row(k + 1, tid, num, acc + ID_OFFSET, t, text.replace("\n", "\n\n"))


def _topic(tid: int, title: str, user: int, last_user: int, t0: int, t1: int) -> dict[str, object]:
    slug = "-".join("".join(c for c in w.lower() if c.isalnum()) for w in title.split()[:8])
    return {
        "id": tid,
        "title": title,
        "last_posted_at": pgdump.stamp(t1),
        "created_at": pgdump.stamp(t0),
        "updated_at": pgdump.stamp(t1),
        "user_id": user,
        "last_post_user_id": last_user,
        "bumped_at": pgdump.stamp(t1),
        "slug": slug.strip("-") or "topic",
    }


def topics(people: People, act: Activity, plan: _Plan) -> Rows:
    """Public topics (``regular``), then one ``private_message`` topic per PM.

    PM titles are the first sentence of the PM's text, drawn again from the PM
    stream (the same draws :func:`posts` made) rather than kept in memory.
    """
    counts = act.topic_posts.astype(np.int64)
    for t in range(plan.n_topics):
        first, last = int(act.topic_first[t]), int(act.topic_last[t])
        starter = int(act.post_poster[first])
        native = LANGS[int(people.p_lang[int(people.a_person[starter])])]
        title = topic_title(people.seed, t, SECTIONS[int(act.topic_section[t])][1] or native)
        row = _topic(
            t + 1,
            title,
            starter + ID_OFFSET,
            int(act.post_poster[last]) + ID_OFFSET,
            int(act.post_time[first]),
            int(act.post_time[last]),
        )
        n = int(counts[t])
        row |= {
            "views": n * 9 + mix(people.seed, t) % 40,
            "posts_count": n,
            "reply_count": n - 1,
            "highest_post_number": n,
            "category_id": BOARD_IDS[int(act.topic_section[t])],
            "participant_count": 1,
        }
        yield row
    for i, subject in enumerate(_pm_subjects(people, act)):
        user, t0 = int(act.pm_sender[i]) + ID_OFFSET, int(act.pm_time[i])
        row = _topic(plan.n_topics + i + 1, subject, user, user, t0, t0)
        row |= {
            "views": 1 + mix(people.seed, i, 79) % 4,
            "posts_count": 1,
            "highest_post_number": 1,
            "archetype": "private_message",
            "subtype": "user_to_user",
            "participant_count": 1,
        }
        yield row


def _pm_subjects(people: People, act: Activity) -> Iterator[str]:
    r = chunk_rng(people.seed, "pm", 0)
    for i in range(len(act.pm_time)):
        if i and i % CHUNK == 0:
            r = chunk_rng(people.seed, "pm", i)
        yield _pm_text(people, act, i, r)[0].split(".")[0][:60]


def allowed_users(act: Activity, plan: _Plan) -> Rows:
    """``topic_allowed_users``: sender and recipients of each PM topic."""
    k = 0
    for i in range(len(act.pm_time)):
        t = pgdump.stamp(int(act.pm_time[i]))
        for a in (int(act.pm_sender[i]), int(act.pm_to[i]), int(act.pm_cc[i])):
            if a >= 0:
                k += 1
                yield {
                    "id": k,
                    "user_id": a + ID_OFFSET,
                    "topic_id": plan.n_topics + i + 1,
                    "created_at": t,
                    "updated_at": t,
                }


def write(out: Path, people: People, act: Activity) -> tuple[dict[str, int], Found]:
    """Write the pg_dump file; return row counts per table and the planted selectors found."""
    found = Found()
    plan = _Plan(act)
    last_post = act.last_post.astype(np.int64)
    # pg_dump writes tables in name order
    gens: dict[str, Rows] = {
        "posts": posts(people, act, plan, found),
        "topic_allowed_users": allowed_users(act, plan),
        "topics": topics(people, act, plan),
        "user_auth_token_logs": du.auth_token_logs(people),
        "user_auth_tokens": du.auth_tokens(people),
        "user_emails": du.user_emails(people),
        "user_profiles": du.user_profiles(people, act, found),
        "users": du.users(people, last_post),
    }
    s = schema()
    counts: dict[str, int] = {}
    tops: dict[str, int] = {}
    with out.open("wb") as f:
        pgdump.header(f)
        pgdump.ddl(f, (s[n] for n in gens))
        for name in sorted(gens):
            counts[name], tops[name] = pgdump.copy(f, s[name], gens[name])
        pgdump.finish(f, (s[n] for n in gens), tops)
    return counts, found
