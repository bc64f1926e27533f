"""A ``first_per`` join keeps, per source row, the first matching joined row.

compile.py picks that row on row numbers only and joins the wide columns back
afterwards; this checks the records against the rule computed in Python, over
random tables with duplicate keys, chained joins and a WHERE condition.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safeguard.engine.duckdb_engine import Engine
from safeguard.ingest.compile import StagedTable, choose, compile_spec, id_macro
from safeguard.ingest.mapping import parse_mapping
from safeguard.model.schema import load_schema
from safeguard.settings import Settings

MAPPING = parse_mapping(
    """
name: fp
readers: [csv]
detect: {tables: [posts]}
records:
  posts:
    from: {table: posts, as: p}
    joins:
      - {table: topics, as: t, on: "{t.tid} = {p.tid}", first_per: tid}
      - {table: msgs, as: fm, on: "{fm.mid} = {t.first}", first_per: mid}
    where: "{p.flag} <> 'x'"
    key: "{p.pid}"
    fields:
      source_post_id: "{p.pid}"
      thread_title: "{t.title}"
      subject: "{fm.subject}"
""",
    "test",
)
PARAMS = {"evidence_id": "ev-1", "evidence_sha256": "0" * 64, "source_member": ""}
small = st.sampled_from(["1", "2", "3", None])
post = st.fixed_dictionaries(
    {"pid": small, "tid": small, "flag": st.sampled_from(["x", "y", None])}
)


@pytest.fixture(scope="module")
def eng(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    e = Engine(tmp_path_factory.mktemp("fp") / "a.duckdb", Settings())
    e.create_schema()
    e.execute(id_macro("ab" * 32))
    yield e
    e.close()


def _stage(
    folder: Path, name: str, rows: list[dict[str, str | None]], cols: list[str]
) -> StagedTable:
    arrays = [pa.array([r[c] for r in rows], pa.string()) for c in cols]
    arrays += [pa.array(range(len(rows)), pa.int64()), pa.array(range(len(rows)), pa.int64())]
    path = folder / f"{name}.parquet"
    pq.write_table(pa.Table.from_arrays(arrays, names=[*cols, "_sg_row", "_sg_offset"]), path)
    return StagedTable(name, (str(path),), frozenset(cols))


def _first(rows: list[dict[str, str | None]], col: str, value: str | None) -> int | None:
    return next((i for i, r in enumerate(rows) if value is not None and r[col] == value), None)


def _expected(posts, topics, msgs) -> list[tuple[object, ...]]:
    out, seen = [], set()
    for i, p in enumerate(posts):
        if p["flag"] is None or p["flag"] == "x" or p["pid"] in seen:
            continue  # WHERE drops it, or an earlier row holds this post id
        seen.add(p["pid"])
        t = _first(topics, "tid", p["tid"])
        m = None if t is None else _first(msgs, "mid", topics[t]["first"])
        title = None if t is None else topics[t]["title"]
        out.append((p["pid"], i, title, None if m is None else msgs[m]["subject"]))
    return sorted(out, key=repr)


@settings(max_examples=120, deadline=None)
@given(
    st.lists(post, max_size=8),
    st.lists(st.fixed_dictionaries({"tid": small, "first": small}), max_size=6),
    st.lists(st.fixed_dictionaries({"mid": small}), max_size=6),
)
def test_first_per_keeps_first_matching_row(eng: Engine, posts, topics, msgs) -> None:
    for i, t in enumerate(topics):
        t["title"] = f"title{i}"
    for i, m in enumerate(msgs):
        m["subject"] = f"subject{i}"
    posts = [p for p in posts if p["pid"] is not None]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        staged = {
            "posts": _stage(folder, "posts", posts, ["pid", "tid", "flag"]),
            "topics": _stage(folder, "topics", topics, ["tid", "first", "title"]),
            "msgs": _stage(folder, "msgs", msgs, ["mid", "subject"]),
        }
        choice = choose({"fp": MAPPING}, "csv", staged)
        assert choice is not None
        sql = compile_spec(
            MAPPING.specs[0], choice, staged, load_schema().tables["posts"].column_names
        )
        assert sql is not None
        eng.execute("DELETE FROM posts")
        eng.execute(sql, PARAMS)
    got = eng.fetchall("SELECT source_post_id, source_row, thread_title, subject FROM posts")
    assert sorted(got, key=repr) == _expected(posts, topics, msgs)
