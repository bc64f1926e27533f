"""A small phpBB 3.0 forum as a mysqldump-style dump, over phpBB's REAL schema.

The CREATE TABLE statements are phpBB's own (``synth/data/phpbb30_mysql_41_schema.sql``,
as shipped by phpBB's installer); rows give only the columns a test cares about
and take every other column's declared default, like phpBB's own inserts do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

SCHEMA = (
    Path(__file__).resolve().parents[2] / "src/safeguard/synth/data/phpbb30_mysql_41_schema.sql"
)
_TABLE = re.compile(r"CREATE TABLE (\w+) \((.*?)\n\)[^;]*;", re.S)
_COLUMN = re.compile(r"^\t(\w+) ([^\n]*?),?$", re.M)
_DEFAULT = re.compile(r"DEFAULT '([^']*)'")


def _schema() -> dict[str, tuple[str, list[tuple[str, str]]]]:
    """table -> (CREATE TABLE text, [(column, default literal)])."""
    text = SCHEMA.read_text("utf-8")
    out = {}
    for m in _TABLE.finditer(text):
        cols = []
        for c in _COLUMN.finditer(m.group(2)):
            name, decl = c.group(1), c.group(2)
            if name in ("PRIMARY", "KEY", "UNIQUE"):
                continue
            d = _DEFAULT.search(decl)
            default = d.group(1) if d else ("0" if "auto_increment" in decl else "")
            cols.append((name, default))
        out[m.group(1)] = (m.group(0), cols)
    return out


def sql_literal(value: object) -> str:
    """A MySQL literal the way mysqldump escapes (mysql_real_escape_string)."""
    if value is None:
        return "NULL"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, bytes):
        return "0x" + value.hex() if value else "''"
    text = str(value)
    for a, b in (
        ("\\", "\\\\"),
        ("\0", "\\0"),
        ("\n", "\\n"),
        ("\r", "\\r"),
        ("'", "\\'"),
        ('"', '\\"'),
        ("\x1a", "\\Z"),
    ):
        text = text.replace(a, b)
    return f"'{text}'"


@dataclass
class PhpbbDump:
    """Rows per table, written as mysqldump does (tables in alphabetical order)."""

    rows: dict[str, list[dict[str, object]]] = field(default_factory=dict)

    def add(self, table: str, **values: object) -> None:
        self.rows.setdefault(f"phpbb_{table}", []).append(values)

    #: tables a phpBB dump always holds, even when empty (mysqldump writes every table)
    ALWAYS = (
        "users",
        "posts",
        "topics",
        "forums",
        "groups",
        "user_group",
        "privmsgs",
        "privmsgs_to",
        "sessions",
        "sessions_keys",
        "banlist",
        "log",
        "login_attempts",
    )

    def render(self, rows_per_insert: int = 100) -> bytes:
        schema = _schema()
        for t in self.ALWAYS:
            self.rows.setdefault(f"phpbb_{t}", [])
        out = [
            "-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)\n--\n"
            "-- Host: localhost    Database: forum\n",
            "/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n"
            "/*!50503 SET NAMES utf8mb4 */;\n"
            "/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;\n",
        ]
        for table in sorted(self.rows):
            create, cols = schema[table]
            out.append(
                f"\n--\n-- Table structure for table `{table}`\n--\n\n"
                f"DROP TABLE IF EXISTS `{table}`;\n{create}\n\n"
                f"LOCK TABLES `{table}` WRITE;\n"
                f"/*!40000 ALTER TABLE `{table}` DISABLE KEYS */;\n"
            )
            rows = self.rows[table]
            for start in range(0, len(rows), rows_per_insert):
                tuples = []
                for row in rows[start : start + rows_per_insert]:
                    unknown = set(row) - {c for c, _ in cols}
                    assert not unknown, f"{table} has no column {unknown}"
                    vals = [sql_literal(row[c]) if c in row else f"'{d}'" for c, d in cols]
                    tuples.append("(" + ",".join(vals) + ")")
                out.append(f"INSERT INTO `{table}` VALUES " + ",".join(tuples) + ";\n")
            out.append(f"/*!40000 ALTER TABLE `{table}` ENABLE KEYS */;\nUNLOCK TABLES;\n")
        out.append("-- Dump completed on 2011-03-16 12:00:00\n")
        return "".join(out).encode("utf-8")


def small_forum() -> PhpbbDump:
    """Four members, posts, a PM with a bcc, sessions; awkward values included."""
    d = PhpbbDump()
    d.add("groups", group_id=2, group_name="REGISTERED", group_type=3)
    d.add("groups", group_id=4, group_name="GLOBAL_MODERATORS", group_type=3)
    d.add("groups", group_id=5, group_name="ADMINISTRATORS", group_type=3)
    d.add("users", user_id=1, user_type=2, group_id=1, username="Anonymous")
    d.add(
        "users",
        user_id=2,
        user_type=3,
        group_id=5,
        username="admin_anna",
        user_email="anna.example@gmail.com",
        user_regdate=1262304000,
        user_ip="198.51.100.7",
        user_password="$H$9abcdefghijklmnopqrstuvwxyz012",
        user_icq="123456789",
        user_from="Rotterdam",
        user_sig="[b:x1]mod team[/b:x1]",
    )
    d.add(
        "users",
        user_id=3,
        user_type=0,
        group_id=4,
        username="mod_o'brien",
        user_email="ob@web.de",
        user_regdate=1262390400,
        user_ip="2001:db8::17",
        user_jabber="ob@jabber.example",
    )
    d.add(
        "users",
        user_id=4,
        user_type=0,
        group_id=2,
        username="quiet_member 🙂",
        user_email="q@libero.it",
        user_regdate=1262476800,
        user_ip="203.0.113.9",
    )
    d.add(
        "users",
        user_id=5,
        user_type=0,
        group_id=2,
        username="'); DROP TABLE users;--",
        user_email="",
        user_regdate=1262563200,
        user_ip="",
    )
    d.add("banlist", ban_id=1, ban_userid=5, ban_exclude=0)
    d.add("topics", topic_id=10, forum_id=2, topic_title="Weekend football", topic_poster=2)
    d.add(
        "posts",
        post_id=100,
        topic_id=10,
        forum_id=2,
        poster_id=2,
        poster_ip="198.51.100.7",
        post_time=1262600000,
        post_subject="Weekend football",
        post_text="Who watched the [b:abc]match[/b:abc]? Tabs\there, back\\slash",
        bbcode_uid="abc",
    )
    d.add(
        "posts",
        post_id=101,
        topic_id=10,
        forum_id=2,
        poster_id=3,
        poster_ip="2001:db8::17",
        post_time=1262600600,
        post_subject="Re: Weekend football",
        post_text="Line one\nLine two &amp; more",
        post_edit_time=1262601000,
    )
    d.add(
        "posts",
        post_id=102,
        topic_id=10,
        forum_id=2,
        poster_id=1,
        poster_ip="192.0.2.55",
        post_time=1262601200,
        post_username="a guest",
        post_text="guest post",
    )
    d.add(
        "privmsgs",
        msg_id=7,
        author_id=2,
        author_ip="198.51.100.7",
        message_time=1262700000,
        message_subject="hello",
        message_text="see you [i:q]soon[/i:q]",
        to_address="u_3:g_5",
        bcc_address="u_4",
    )
    d.add(
        "sessions",
        session_id="a" * 32,
        session_user_id=3,
        session_ip="2001:db8::17",
        session_browser="Mozilla/5.0 (X11; Linux x86_64)",
        session_time=1262700500,
        session_start=1262700400,
    )
    d.add(
        "sessions",
        session_id="b" * 32,
        session_user_id=1,
        session_ip="192.0.2.99",
        session_time=1262700600,
    )
    return d
