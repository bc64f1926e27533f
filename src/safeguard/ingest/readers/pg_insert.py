"""Turn the value expressions of pg_dump's ``--inserts`` rows into reader values.

pg_dump writes each value as ``NULL``, ``true``/``false``, a bare number
(possibly negative), a string literal (``'…'``, ``E'…'``), optionally with a
cast (``'…'::inet``), or a bit string (``B'0101'``). Values become the text
COPY would have written, so a dump reads the same with or without
``--inserts``: booleans become ``t``/``f``, bytea (by column type or
``::bytea`` cast) becomes bytes, everything else its literal text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from safeguard.ingest.readers.base import Value
from safeguard.ingest.readers.pg_sql import Token, bytea_value, string_content, unescape_e, word
from safeguard.ingest.readers.pg_stmt import Literal

_STRINGS = ("str", "estr", "dollar")


@dataclass(slots=True)
class LiteralDecoder:
    """Decodes INSERT literals of one statement; flags what went wrong in ``issues``."""

    stmt: bytes
    encoding: str
    backslash_quotes: bool
    issues: set[str]

    def value(self, lit: Literal | re.Match[bytes], binary: bool) -> Value:
        """The value of ``lit``; adds "encoding", "bytea" or "expression" to ``issues``."""
        if isinstance(lit, re.Match):
            return self._matched(lit, binary)
        toks, cast = self._split_cast(lit.tokens)
        if cast in ("bytea", "pg_catalog.bytea"):
            binary = True
        if len(toks) == 1:
            return self._single(toks[0], binary)
        if len(toks) == 2 and toks[1].kind == "num" and self._raw(toks[0]) in ("-", "+"):
            return self._raw(toks[0]).lstrip("+") + self._raw(toks[1])
        if len(toks) == 2 and toks[0].kind == "id" and toks[1].kind in _STRINGS:
            # B'0101', X'1F', or "type 'literal'": the text is the literal
            return self._string(toks[1], binary)
        self.issues.add("expression")
        if not toks:
            return None
        return self.stmt[toks[0].start : toks[-1].end].decode(self.encoding, "replace")

    def _single(self, tok: Token, binary: bool) -> Value:
        if tok.kind in _STRINGS:
            return self._string(tok, binary)
        keyword = word(self.stmt, tok)
        if keyword == "NULL":
            return None
        if keyword in ("TRUE", "FALSE"):
            return keyword[0].lower()
        if tok.kind != "num":
            self.issues.add("expression")
        return self._raw(tok)

    def _matched(self, m: re.Match[bytes], binary: bool) -> Value:
        """The value of a match of :data:`pg_fastinsert.VALUE_STD` (or ``VALUE_BACKSLASH``)."""
        cast = m.group("cast")
        if cast is not None and cast.lower() in (b"bytea", b"pg_catalog.bytea"):
            binary = True
        # Strings are sliced from the statement once (m.group would copy a huge value again).
        start, end = m.span("str")
        if start >= 0:
            body = m.string[start + 1 : end - 1]
            return self._content(
                unescape_e(body) if self.backslash_quotes else body.replace(b"''", b"'"), binary
            )
        start, end = m.span("estr")
        if start >= 0:
            return self._content(unescape_e(m.string[start + 2 : end - 1]), binary)
        num, name, wstr = m.group("num", "word", "wstr")
        if num is not None:
            return num.lstrip(b"+").decode("ascii")
        if wstr is not None:  # B'0101', X'1F', or "type 'literal'"
            return self._content(wstr[1:-1].replace(b"''", b"'"), binary)
        keyword = name.upper()
        if keyword == b"NULL":
            return None
        if keyword in (b"TRUE", b"FALSE"):
            return "t" if keyword == b"TRUE" else "f"
        self.issues.add("expression")
        return name.decode(self.encoding, "replace")

    def _string(self, tok: Token, binary: bool) -> Value:
        return self._content(string_content(self.stmt, tok, self.backslash_quotes), binary)

    def _content(self, content: bytes, binary: bool) -> Value:
        if binary:
            value = bytea_value(content)
            if value is None:
                self.issues.add("bytea")
                return content
            return value
        try:
            return content.decode(self.encoding)
        except UnicodeDecodeError:
            self.issues.add("encoding")
            return content.decode(self.encoding, "replace")

    def _raw(self, tok: Token) -> str:
        return self.stmt[tok.start : tok.end].decode(self.encoding, "replace")

    def _split_cast(self, toks: tuple[Token, ...]) -> tuple[tuple[Token, ...], str | None]:
        """Tokens before the first ``::`` and the cast's type name, lower case."""
        for k, tok in enumerate(toks):
            if tok.kind == "op" and self.stmt[tok.start : tok.end] == b"::":
                rest = toks[k + 1 :]
                if not rest:
                    return toks[:k], ""
                raw = self.stmt[rest[0].start : rest[-1].end].decode("utf-8", "replace")
                return toks[:k], " ".join(raw.split()).lower()
        return toks, None
