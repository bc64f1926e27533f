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
from functools import lru_cache

from safeguard.synth import geo
from safeguard.synth.activity import SECTIONS, Activity
from safeguard.synth.identity import Plant
from safeguard.synth.people import People
from safeguard.synth.rng import stream
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


@lru_cache(maxsize=8192)
def topic_title(seed: int, topic: int, lang: str) -> str:
    """A topic's title (replies mostly go to recent topics, so the cache hits)."""
    return chatter(stream(seed, "title", topic), lang, 1)[:80]


def body(r: random.Random, lang: str, plants: list[Plant] | None) -> tuple[str, list[Plant]]:
    """Chatter of 1-4 sentences with any planted lines appended on their own lines."""
    text = chatter(r, lang, r.randint(1, 4))
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


def pm_texts(
    people: People, act: Activity, found: Found, table: str, id_offset: int
) -> Iterator[tuple[int, int, str]]:
    """(message index, sender account, text) of every private message in order, in
    the sender's language half the time; each message's planted lines are recorded
    for the truth under ``table`` with user id ``account + id_offset``."""
    r = chunk_rng(people.seed, "pm", 0)
    for i in range(len(act.pm_time)):
        if i and i % CHUNK == 0:
            r = chunk_rng(people.seed, "pm", i)
        acc = int(act.pm_sender[i])
        lang = geo.countries()[int(people.p_country[int(people.a_person[acc])])].languages[0]
        text, planted = body(
            r, lang if lang != "en" and r.random() < 0.5 else "en", act.plants.get(("pm", i))
        )
        record(found, table, i + 1, acc + id_offset, planted)
        yield i, acc, text
