"""Text of posts and private messages, shared by every software writer.

A pure function of (seed, record): the same post gets the same words whichever
writer asks. Planted lines come from the activity plan; everything else is
ordinary chatter in the section's or the member's language.
"""

from __future__ import annotations

import json
import os
import random
import tempfile
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from safeguard.synth import geo
from safeguard.synth.activity import SECTIONS, Activity
from safeguard.synth.identity import Plant
from safeguard.synth.people import People
from safeguard.synth.rng import below, stream
from safeguard.synth.selectors import truth_value
from safeguard.synth.text import LANGS, chatter

CHUNK = 4096  # records per random stream: cheap to seed, still independent of order


class Found:
    """Planted selectors noted while a writer streams its rows, for the truth.

    Kept as JSON lines in an anonymous temporary file, not as Python dicts: a
    1.8-million-account forum notes ~600,000 of them. Iterating reads them back
    in the order they were appended (keys sorted, as truth.json writes them).
    """

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the object
        self._count = 0
        weakref.finalize(self, self._file.close)  # closed (and deleted) with the object

    def append(self, item: dict[str, object]) -> None:
        self._file.write(json.dumps(item, ensure_ascii=False, sort_keys=True).encode() + b"\n")
        self._count += 1

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[dict[str, object]]:
        self._file.flush()
        fd, at, rest = self._file.fileno(), 0, b""
        while block := os.pread(fd, 1 << 20, at):  # pread: the append offset stays put
            at += len(block)
            *lines, rest = (rest + block).split(b"\n")
            for line in lines:
                item: dict[str, object] = json.loads(line)
                yield item


def chunk_rng(seed: int, kind: str, index: int) -> random.Random:
    """The stream for the chunk holding record ``index`` (advance it record by record)."""
    return stream(seed, kind, index // CHUNK)


def post_lang(people: People, act: Activity, post: int, r: random.Random) -> str:
    """Language of a post: its section's, else the member's own 30% of the time."""
    sec = SECTIONS[int(act.topic_section[int(act.post_topic[post])])][1]
    if sec:
        return sec
    native = LANGS[int(people.p_lang[int(people.a_person[int(act.post_poster[post])])])]
    return native if r.random() < 0.3 else "en"


@lru_cache(maxsize=1 << 16)
def topic_title(seed: int, topic: int, lang: str) -> str:
    """A topic's title (replies mostly go to recent topics, so the cache hits)."""
    return chatter(stream(seed, "title", topic), lang, 1)[:80]


def body(r: random.Random, lang: str, plants: list[Plant] | None) -> tuple[str, list[Plant]]:
    """Chatter of 1-4 sentences with any planted lines appended on their own lines."""
    text = chatter(r, lang, 1 + below(r, 4))  # r.randint(1, 4), drawn the same way
    if not plants:
        return text, []
    return text + "\n" + "\n".join(p.line for p in plants), plants


def record(found: Found, table: str, rid: int, user_id: int, plants: list[Plant]) -> None:
    """Note each planted line of one record for the truth. A WhatsApp number is
    also a phone number in the text, so it is recorded under both kinds."""
    for p in plants:
        for fact in ("whatsapp", "phone") if p.fact == "whatsapp" else (p.fact,):
            found.append(
                {
                    "fact": fact,
                    "value": truth_value(p.fact, p.value),
                    "form": p.form,
                    "line": p.line,
                    "table": table,
                    "record": rid,
                    "user_id": user_id,
                }
            )


def planted(act: Activity, kind: str) -> np.ndarray:
    """Sorted indices of the records of ``kind`` ("post", "pm", "profile") that carry
    planted lines: a writer asks ``act.plants`` only for these (a miss costs as
    much as a hit there)."""
    return np.array(sorted(i for k, i in act.plants if k == kind), np.int64)


def hits(have: np.ndarray, lo: int, hi: int) -> set[int]:
    """The indices in ``[lo, hi)`` of ``have`` (from ``planted``)."""
    a, b = np.searchsorted(have, [lo, hi])
    return set(have[a:b].tolist())


@dataclass
class PostChunk:
    """Per-row lookups for posts ``c0 .. c1 - 1``, as lists (cheap to index per row)."""

    topic: list[int]
    poster: list[int]  # account
    person: np.ndarray  # of the poster
    time: np.ndarray
    time_list: list[int]
    first: list[bool]  # the post opens its topic
    section: list[int]
    section_lang: list[str]  # "" for sections in the member's own language
    native: list[str]  # the poster's language
    first_native: list[str]  # the language of the topic's first poster


def post_chunk(people: People, act: Activity, c0: int, c1: int) -> PostChunk:
    """The lookups ``post_lang`` and the writers make per post, for a whole chunk."""
    topic = act.post_topic[c0:c1].astype(np.int64)
    poster = act.post_poster[c0:c1]
    person = people.a_person[poster]
    first = act.topic_first[topic]
    section = act.topic_section[topic].tolist()
    langs = np.array(LANGS)
    return PostChunk(
        topic=topic.tolist(),
        poster=poster.tolist(),
        person=person,
        time=act.post_time[c0:c1],
        time_list=act.post_time[c0:c1].tolist(),
        first=(first == np.arange(c0, c1)).tolist(),
        section=section,
        section_lang=[SECTIONS[s][1] for s in section],
        native=langs[people.p_lang[person]].tolist(),
        first_native=langs[people.p_lang[people.a_person[act.post_poster[first]]]].tolist(),
    )


def pm_texts(
    people: People, act: Activity, found: Found, table: str, id_offset: int
) -> Iterator[tuple[int, int, str]]:
    """(message index, sender account, text) of every private message in order, in
    the sender's language half the time; each message's planted lines are recorded
    for the truth under ``table`` with user id ``account + id_offset``."""
    have = planted(act, "pm")
    langs = [c.languages[0] for c in geo.countries()]
    for c0 in range(0, len(act.pm_time), CHUNK):
        c1 = min(c0 + CHUNK, len(act.pm_time))
        r = chunk_rng(people.seed, "pm", c0)
        senders = act.pm_sender[c0:c1]
        countries = people.p_country[people.a_person[senders]].tolist()
        marked = hits(have, c0, c1)
        for i, acc, country in zip(range(c0, c1), senders.tolist(), countries, strict=True):
            lang = langs[country]
            text, plants = body(
                r,
                lang if lang != "en" and r.random() < 0.5 else "en",
                act.plants.get(("pm", i)) if i in marked else None,
            )
            if plants:
                record(found, table, i + 1, acc + id_offset, plants)
            yield i, acc, text
