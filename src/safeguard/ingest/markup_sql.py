"""``sg_plain`` as DuckDB SQL for the common rows, Python for the rest.

:func:`safeguard.ingest.markup.to_plain` costs a Python call per row, the
biggest single cost of mapping a large dump. Most posts hold only BBCode and
the five entities every forum's ``htmlspecialchars`` writes (``&amp; &lt;
&gt; &quot; &#39;``); for those rows the same steps run here as vectorised
RE2 regular expressions inside DuckDB. A row with anything else (an HTML tag
or comment, phpBB 3.2+ XML, any other entity) goes to the Python function,
so every row's result is exactly ``to_plain``'s (``tests/ingest/
test_markup_sql.py`` checks that differentially).

RE2 differs from Python's ``re`` in ways that matter here, each handled
below: it has no lookahead (the entity test is built from a trie); counted
repetitions are slow and stop at 1000, so tag arguments are unbounded here
and a row where Python's ``{0,2000}`` bound could matter (a tag argument of
1000+ characters) goes to Python; ``\\s`` is ASCII only (not used); and
case-insensitive ``i`` does not match Turkish ``İ``/``ı`` as Python's does
(spelled out in the classes). Macros repeat their argument's SQL at every
use, so each step tests its trigger on the input, never on a computed value.
"""

from __future__ import annotations

from safeguard.ingest import markup

#: Python str.strip()'s whitespace, for TRIM: every code point that str.isspace() accepts
_STRIP = "".join(c for c in map(chr, range(0x3001)) if c.isspace())
_TEXT = r"[^\]\[]"  # one character inside a BBCode tag's brackets
_NAMES = markup._BB_NAMES.replace("i", "[iİı]")
_BB_URL = rf"\[url=({_TEXT}+)\]"
_BB_TAG = rf"\[/?(?:{_NAMES})(?:={_TEXT}*)?(?::[a-z0-9İı]{{0,10}})?\]"
_LONG_ARG = rf"\[/?(?:{_NAMES})={_TEXT}{{1000}}"
#: the five entities, decoded in an order where no replacement can feed a later one
_UNESCAPE = (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&#39;", "'"), ("&amp;", "&"))


def _not_followed_by(tokens: list[str]) -> str:
    """RE2 has no lookahead: a pattern matching where the text does not continue with
    one of ``tokens`` (prefix-free, plain characters), built from their trie."""
    heads = sorted({t[0] for t in tokens})
    alts = ["$", f"[^{''.join(heads)}]"]
    for h in heads:
        rest = [t[1:] for t in tokens if t[0] == h]
        if "" not in rest:  # else a token ends here: the text did continue with it
            alts.append(h + _not_followed_by(rest))
    return "(?:" + "|".join(alts) + ")"


#: an ``&`` that does not start one of the five entities: such a row goes to Python
_OTHER_AMP = "&" + _not_followed_by([e[1:] for e, _ in _UNESCAPE])


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _unescape(x: str) -> str:
    out = x
    for entity, char in _UNESCAPE:
        out = f"replace({out}, {_lit(entity)}, {_lit(char)})"
    return f"CASE WHEN contains({x}, '&') THEN {out} ELSE {x} END"


def _bbcode(x: str) -> str:
    """Entities, then BBCode (the five entities cannot make a ``[``, so the gate
    may test the input)."""
    text = _unescape(x)
    url = f"regexp_replace({text}, {_lit(_BB_URL)}, ' <\\1> ', 'gi')"
    tags = f"regexp_replace({url}, {_lit(_BB_TAG)}, '', 'gi')"
    return f"CASE WHEN contains({x}, '[') THEN {tags} ELSE {text} END"


def _tidy(x: str) -> str:
    """Space runs → one space, 3+ newlines → two, then str.strip(); ``x`` is bound
    once (a macro repeats its argument's SQL wherever it is used)."""
    nl, ws = chr(10), _lit(_STRIP)
    needed = (
        f"contains(t, '  ') OR contains(t, chr(9)) OR contains(t, {_lit(nl * 3)}) "
        f"OR contains({ws}, left(t, 1)) OR contains({ws}, right(t, 1))"
    )
    full = f"regexp_replace(t, {_lit(markup._SPACES.pattern)}, ' ', 'g')"
    full = f"regexp_replace({full}, {_lit(markup._BLANKS.pattern)}, {_lit(nl * 2)}, 'g')"
    full = f"trim({full}, {ws})"
    return f"list_transform([{x}], lambda t: CASE WHEN {needed} THEN {full} ELSE t END)[1]"


def macros(python_udf: str) -> list[str]:
    """``CREATE MACRO`` statements for ``sg_plain(x, kind)``; ``python_udf`` is the
    registered name of the row-by-row Python function (same arguments)."""
    python_only = (
        "contains(x, '<') OR "
        f"regexp_matches(x, {_lit(_OTHER_AMP)}) OR "
        f"(contains(x, '=') AND regexp_matches(x, {_lit(_LONG_ARG)}, 'i'))"
    )
    return [
        f"CREATE OR REPLACE TEMP MACRO sg_plain_tidy(x) AS {_tidy('x')}",
        "CREATE OR REPLACE TEMP MACRO sg_plain_k(x, k) AS CASE WHEN x IS NULL THEN NULL "
        "WHEN k = 'text' THEN x "
        "WHEN k NOT IN ('bbcode', 'html') THEN sg_plain_tidy(x) "
        f"WHEN {python_only} THEN {python_udf}(x, k) "
        f"WHEN k = 'bbcode' THEN sg_plain_tidy({_bbcode('x')}) "
        f"ELSE sg_plain_tidy({_unescape('x')}) END",
        # NULL kind means bbcode, as in the Python function's caller
        "CREATE OR REPLACE TEMP MACRO sg_plain(x, kind) AS sg_plain_k(x, coalesce(kind, 'bbcode'))",
    ]
