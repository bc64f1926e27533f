"""Stream a large phpBB 3.0 dump (real schema) to disk without holding it in memory.

Used by benchmarks/ingest.py. Rows are ordinary synthetic chatter; sizes are
shaped like a busy forum: users, topics, posts (most of the bytes), private
messages and sessions.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.support.phpbb_fixture import _schema, sql_literal

WORDS = [
    "weather",
    "football",
    "match",
    "weekend",
    "train",
    "coffee",
    "garden",
    "music",
    "guitar",
    "bicycle",
    "holiday",
    "camera",
    "kitchen",
    "recipe",
    "server",
    "linux",
    "update",
    "thanks",
    "regards",
    "question",
    "answer",
    "today",
    "tomorrow",
]


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)) + " [b:ab12]ok[/b:ab12] &amp; \\o/"


def _insert(out, table, cols, rows) -> None:
    tuples = ",".join(
        "(" + ",".join(sql_literal(r.get(c, d)) if c in r else f"'{d}'" for c, d in cols) + ")"
        for r in rows
    )
    out.write(f"INSERT INTO `{table}` VALUES {tuples};\n".encode())


def _table(out, schema, table, rows_iter, per_insert=400) -> None:
    create, cols = schema[table]
    out.write(f"DROP TABLE IF EXISTS `{table}`;\n{create}\nLOCK TABLES `{table}` WRITE;\n".encode())
    batch = []
    for row in rows_iter:
        batch.append(row)
        if len(batch) == per_insert:
            _insert(out, table, cols, batch)
            batch = []
    if batch:
        _insert(out, table, cols, batch)
    out.write(b"UNLOCK TABLES;\n")


def write_dump(path: Path, target_mb: int, seed: int = 1) -> dict[str, int]:
    """Write about ``target_mb`` MB; return row counts per table."""
    schema = _schema()
    rng = random.Random(seed)
    posts = target_mb * 1024 * 1024 // 740  # ~740 dump bytes per post, PMs etc. included
    users = max(posts // 30, 10)
    counts = {
        "phpbb_users": users,
        "phpbb_posts": posts,
        "phpbb_privmsgs": posts // 7,
        "phpbb_topics": posts // 20,
        "phpbb_sessions": users // 10,
    }
    with path.open("wb") as out:
        out.write(
            b"-- MySQL dump 10.13  Distrib 8.0.36\n/*!50503 SET NAMES utf8mb4 */;\n"
            b"/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;\n"
        )
        _table(
            out,
            schema,
            "phpbb_posts",
            (
                {
                    "post_id": i,
                    "topic_id": i // 20,
                    "forum_id": 2,
                    "poster_id": 2 + i % users,
                    "poster_ip": f"198.51.{i % 200}.{i % 250}",
                    "post_time": 1262304000 + i * 7,
                    "post_subject": "Re: " + rng.choice(WORDS),
                    "post_text": _text(rng, 40 + i % 60),
                }
                for i in range(1, posts + 1)
            ),
        )
        _table(
            out,
            schema,
            "phpbb_privmsgs",
            (
                {
                    "msg_id": i,
                    "author_id": 2 + i % users,
                    "author_ip": f"203.0.113.{i % 250}",
                    "message_time": 1262304000 + i * 40,
                    "message_subject": rng.choice(WORDS),
                    "message_text": _text(rng, 30),
                    "to_address": f"u_{2 + (i * 7) % users}",
                    "bcc_address": "",
                }
                for i in range(1, counts["phpbb_privmsgs"] + 1)
            ),
        )
        _table(
            out,
            schema,
            "phpbb_sessions",
            (
                {
                    "session_id": f"{i:032x}",
                    "session_user_id": 2 + i,
                    "session_ip": "192.0.2.1",
                    "session_browser": "Mozilla/5.0",
                    "session_time": 1300000000 + i,
                }
                for i in range(counts["phpbb_sessions"])
            ),
        )
        _table(
            out,
            schema,
            "phpbb_topics",
            (
                {"topic_id": i, "forum_id": 2, "topic_title": f"topic {i} " + rng.choice(WORDS)}
                for i in range(counts["phpbb_topics"] + 1)
            ),
        )
        _table(
            out,
            schema,
            "phpbb_users",
            (
                {
                    "user_id": i,
                    "username": f"Member_{i}",
                    "username_clean": f"member_{i}",
                    "user_email": f"m{i}@gmx.de",
                    "user_regdate": 1262304000 + i,
                    "user_ip": f"198.51.100.{i % 250}",
                    "user_password": "$H$9" + f"{i:029d}",
                }
                for i in range(2, users + 2)
            ),
        )
    return counts


if __name__ == "__main__":
    print(write_dump(Path(sys.argv[1]), int(sys.argv[2])))
