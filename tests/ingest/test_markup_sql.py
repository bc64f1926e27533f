"""``sg_plain`` in SQL (markup_sql) must equal ``markup.to_plain`` for every input.

Differential: Hypothesis builds markup from the pieces forums write (BBCode with
phpBB uids, entities, smilies, HTML, s9e XML, Markdown) plus the places where
RE2 and Python's ``re`` differ (long tag arguments, Turkish dotted/dotless i,
Unicode whitespace); every string of the real fixture dumps is checked too.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safeguard.engine.functions import register
from safeguard.ingest.markup import to_plain
from safeguard.ingest.readers.base import RowBatch, SourceInfo
from safeguard.ingest.readers.registry import SNIFF_BYTES, sniff

DATA = Path(__file__).parent / "mappings" / "data"
KINDS = ["bbcode", "html", "markdown", "text", None, "other"]
NAMES = ["b", "i", "u", "s", "url", "quote", "code", "list", "*", "color", "size", "img", "sic"]


@pytest.fixture(scope="module")
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    c = duckdb.connect(config={"threads": 2})
    register(c)
    yield c
    c.close()


def sql_plain(
    con: duckdb.DuckDBPyConnection, pairs: list[tuple[str | None, str | None]]
) -> list[str | None]:
    """sg_plain over whole columns at once, as a mapping runs it (fast and slow rows mixed)."""
    texts, kinds = zip(*pairs, strict=True)
    con.register("_t", pa.table({"x": pa.array(texts, pa.string()), "k": pa.array(kinds)}))
    try:
        rows = con.execute(
            "SELECT sg_plain(x, k) FROM (SELECT *, row_number() OVER () AS i FROM _t) ORDER BY i"
        ).fetchall()
    finally:
        con.unregister("_t")
    return [r[0] for r in rows]


def assert_same(con: duckdb.DuckDBPyConnection, texts: list[str | None]) -> None:
    pairs = [(t, k) for k in KINDS for t in texts]
    got = sql_plain(con, pairs)
    for (text, kind), g in zip(pairs, got, strict=True):
        assert g == to_plain(text, kind or "bbcode"), (kind, text)


def _case(name: str) -> st.SearchStrategy[str]:
    """``name`` in random letter case, with i sometimes as Turkish İ or ı."""
    letter = {c: st.sampled_from([c, c.upper()] + (["İ", "ı"] if c == "i" else [])) for c in name}
    return st.tuples(*(letter.get(c, st.just(c)) for c in name)).map("".join)


_arg = st.one_of(
    st.text(alphabet="ab:/.=&;\"' ]x[", max_size=12),
    st.integers(990, 1010).map(lambda n: "a" * n),
    st.integers(1995, 2005).map(lambda n: "b" * n),
)
_tag = st.builds(
    lambda slash, name, arg, uid, close: f"[{slash}{name}{arg}{uid}{close}",
    st.sampled_from(["", "/"]),
    st.sampled_from(NAMES).flatmap(_case),
    st.one_of(st.just(""), _arg.map(lambda a: "=" + a)),
    st.sampled_from(["", ":", ":1a2b3c4d", ":ABC", ":ı", ":toolonguid123"]),
    st.sampled_from(["]", "", "]]", "["]),
)
_entity = st.sampled_from(
    ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&amp;lt;", "&nbsp;", "&#91;", "&amp", "&",
     "&lt", "&#x41;", "&copy;", "&#0;", "&l&amp;t;"]
)  # fmt: skip
_html = st.sampled_from(
    ["<br />", "<br>", "</p>", "<p>", '<a href="http://example.org/x">', "</a>", "<b>",
     "<!-- s:) -->", '<img src="{SMILIES_PATH}/smile.gif" alt=":)" />', "<!-- m -->",
     "<r>", "<t>", "<s>[b]</s>", "<e>[/b]</e>", "<", ">", "<!--", "-->", "\ue000", "\ue001"]
)  # fmt: skip
_space = st.sampled_from(
    [" ", "  ", "\t", "\n", "\n\n\n", " \t ", "\xa0", "\u3000", "\x1c", "\x85", "\u2028",
     "\r\n", "\u0301", "\x00"]
)  # fmt: skip
_word = st.one_of(
    st.sampled_from(["hello", "mail x [at] gmx [dot] de", "**bold**", "ok", ":)", "\\o/"]),
    st.text(max_size=6),
)
markup_text = st.lists(st.one_of(_tag, _entity, _html, _space, _word), max_size=14).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(markup_text, min_size=1, max_size=8))
def test_sql_plain_equals_python(con: duckdb.DuckDBPyConnection, texts: list[str]) -> None:
    assert_same(con, [*texts, None])


@pytest.mark.parametrize(
    "text",
    [
        "[b=" + "a" * 1999 + "]x",  # inside Python's bound: a tag
        "[b=" + "a" * 2001 + "]x",  # beyond it: text in Python, so it must not go to RE2
        "[url=" + "u" * 1500 + "]x[/url]",
        "[url=" + "u" * 2000 + "]x[/url] [b]y[/b]",
        "[İ]tr[/ı] [LİST][*]x[/LİST]",
        "[ſ]long s[/ſ] [ſtriKe]kelvin[/STRIKE] [b:ſK]uid[/b:ſK]",
        "\u3000 x \xa0",
        " \u0301x",
        "",
        "a [b]  b[/b]\n[i]\n[/i]\n\nc",
        "&amp;amp; &amp;quot; &quot;&#39;&lt;&gt;",
    ],
)
def test_edges_equal_python(con: duckdb.DuckDBPyConnection, text: str) -> None:
    assert_same(con, [text])


def _dump_strings(path: Path) -> list[str]:
    head = path.read_bytes()[:SNIFF_BYTES]
    info = SourceInfo(path.name)
    out: list[str] = []
    with path.open("rb") as fh:
        for event in sniff(head, info).read(fh, info):
            if isinstance(event, RowBatch):
                out += [v for row in event.rows for v in row if isinstance(v, str)]
    return out


@pytest.mark.parametrize("dump", sorted(p.name for p in DATA.glob("*.sql")))
def test_fixture_dump_texts_equal_python(con: duckdb.DuckDBPyConnection, dump: str) -> None:
    texts = _dump_strings(DATA / dump)
    assert len(texts) > 50  # the dump was read
    assert_same(con, texts)
