"""Throughput of the mysqldump reader on a synthetic phpBB-like dump.

    .venv/bin/python benchmarks/mysqldump_speed.py [--mb 200] [--path /tmp/x.sql]

Writes (once) a dump of users, topics and posts (posts: a few hundred bytes of
ordinary chatter, some with quotes and newlines) with the tests' own writer,
then reads it with :class:`MySQLDumpReader` and prints MB/s, rows/s and the
peak RSS.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.support.mysqldump_writer import Table, header, write_table

from safeguard.ingest.readers.base import RowBatch, SourceInfo
from safeguard.ingest.readers.mysqldump import MySQLDumpReader

_WORDS = """weather football match weekend train coffee garden music guitar bicycle holiday
camera kitchen recipe server linux update thanks regards question answer
today tomorrow it's [b:ab12]ok[/b:ab12] &amp; café "quoted" """
WORDS = _WORDS.split()

USERS = Table(
    "phpbb_users",
    [("user_id", "mediumint(8) unsigned NOT NULL"), ("user_type", "tinyint(2) NOT NULL")]
    + [("username", "varchar(255) NOT NULL"), ("user_email", "varchar(100) NOT NULL")]
    + [("user_ip", "varchar(40) NOT NULL"), ("user_regdate", "int(11) unsigned NOT NULL")]
    + [(f"user_opt{i}", "varchar(32) NOT NULL DEFAULT ''") for i in range(20)],
)
POSTS = Table(
    "phpbb_posts",
    [("post_id", "mediumint(8) unsigned NOT NULL"), ("topic_id", "mediumint(8) NOT NULL")]
    + [("forum_id", "mediumint(8) NOT NULL"), ("poster_id", "mediumint(8) NOT NULL")]
    + [("poster_ip", "varchar(40) NOT NULL"), ("post_time", "int(11) unsigned NOT NULL")]
    + [(f"flag{i}", "tinyint(1) NOT NULL DEFAULT '1'") for i in range(10)]
    + [("post_subject", "varchar(255) NOT NULL"), ("post_text", "mediumtext NOT NULL")]
    + [("bbcode_uid", "varchar(8) NOT NULL"), ("post_edit_reason", "varchar(255) NOT NULL")],
)


def _text(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    if rng.random() < 0.3:
        words.insert(n // 2, "\n\n")
    return " ".join(words)


def _users(rng: random.Random, n: int):
    for i in range(1, n + 1):
        opts = ["" if rng.random() < 0.6 else f"o{rng.randint(0, 99)}" for _ in range(20)]
        ip = f"198.51.{i % 256}.{rng.randint(1, 254)}"
        yield [i, 0, f"user{i}", f"user{i}@example.org", ip, 1_200_000_000 + i, *opts]


def _posts(rng: random.Random, n: int):
    for i in range(1, n + 1):
        flags = [rng.randint(0, 1) for _ in range(10)]
        ip = f"203.0.113.{rng.randint(1, 254)}"
        subject = "Re: " + _text(rng, 4)
        body = _text(rng, rng.randint(20, 90))
        uid = f"{rng.getrandbits(32):08x}"
        poster = rng.randint(1, 5000)
        yield [i, i // 20, 2, poster, ip, 1_300_000_000 + i, *flags, subject, body, uid, ""]


def make_dump(path: Path, megabytes: int) -> None:
    """Write a dump of roughly ``megabytes`` MB (a few % users, the rest posts)."""
    rng = random.Random(7)
    with path.open("wb") as out:
        out.write(header())
        write_table(out, USERS, _users(rng, megabytes * 40), rows_per_insert=300)
        write_table(out, POSTS, _posts(rng, megabytes * 2300), rows_per_insert=300)


def measure(path: Path) -> None:
    size = path.stat().st_size
    rows = 0
    start = time.perf_counter()
    with path.open("rb") as fh:
        for event in MySQLDumpReader().read(fh, SourceInfo(path.name)):
            if isinstance(event, RowBatch):
                rows += len(event.rows)
    wall = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{size / 1e6:.0f} MB, {rows} rows in {wall:.1f} s")
    print(f"{size / 1e6 / wall:.1f} MB/s, {rows / wall:,.0f} rows/s, peak RSS {rss:.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=int, default=200)
    parser.add_argument("--path", type=Path, default=Path("/tmp/mysqldump_speed.sql"))
    args = parser.parse_args()
    if not args.path.exists():
        make_dump(args.path, args.mb)
    measure(args.path)


if __name__ == "__main__":
    main()
