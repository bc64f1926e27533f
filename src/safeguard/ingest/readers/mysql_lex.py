"""Regular expressions and value conversion for MySQL dump rows.

A row ``(v1,v2,…)`` is recognised twice, each time by one C-level regex pass:

1. :data:`ROW` matches the whole row on the raw bytes (possessive, so a
   failure costs linear time). It yields the row's end and, through the
   ``sp`` group, whether any value needs more than stripping quotes (escapes,
   NULL, hex, introducers). :data:`ROW_PREFIX` tells a row cut off by the end
   of the buffer (read more) from a broken one (report and resync).
2. :data:`VALUES` splits the decoded row text into tokens with ``findall``.

All patterns use possessive quantifiers (Python 3.11+) so that damaged input
cannot cause catastrophic backtracking.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from safeguard.ingest.readers.mysql_charset import decode_mysql_latin1

# --- bytes patterns (the stream) ---------------------------------------------
# sre scans a negated one-char class ([^']) about 6x faster than [^'\\], so the
# fast string pattern runs over [^']* and decides with fixed-width lookbehinds
# whether a quote is escaped (odd number of backslashes before it, up to 5).
# Rows with longer backslash runs before a quote fall back to the *_SLOW forms.
_EVEN = rb"(?:(?<!\\)|(?<=[^\\]\\\\)|(?<=[^\\]\\\\\\\\)|(?<=[^\\]\\\\\\\\\\\\))"
_ODD = rb"(?:(?<=[^\\]\\)|(?<=[^\\]\\\\\\)|(?<=[^\\]\\\\\\\\\\))"
_FSTR = rb"'[^']*+(?:(?:" + _ODD + rb"'|(?P<dbl>" + _EVEN + rb"''))[^']*+)*+" + _EVEN + rb"'"
_SQ = rb"'[^'\\]*+(?:(?:\\.|'')[^'\\]*+)*+'"
_DQ = rb'"[^"\\]*+(?:(?:\\.|"")[^"\\]*+)*+"'
_NUM = rb"-?+(?:[0-9]++(?:\.[0-9]*+)?+|\.[0-9]++)(?:[eE][-+]?+[0-9]++)?+(?=[\s,)])"
_INTRO = rb"(?:_[A-Za-z0-9]++|[bBxXnN])\s*+"
_BARE = rb"[^,'\"\s()]++"
_SIMPLE = rb"'[^'\\]*+'(?!')"
_SPECIAL = rb"(?P<sp>" + _DQ + rb"|" + _INTRO + _SQ + rb"|" + _BARE + rb")"
_VALUE = rb"(?:" + _FSTR + rb"|" + _NUM + rb"|" + _SPECIAL + rb")"
_VALUE_SLOW = (
    rb"(?:"
    + _SIMPLE
    + rb"|"
    + _NUM
    + rb"|(?P<sp>"
    + _SQ
    + rb"|"
    + _DQ
    + rb"|"
    + _INTRO
    + _SQ
    + rb"|"
    + _BARE
    + rb"))"
)
_ANY_VALUE = rb"(?:" + _SQ + rb"|" + _DQ + rb"|" + _INTRO + _SQ + rb"|" + _BARE + rb")"


def _row(value: bytes) -> re.Pattern[bytes]:
    return re.compile(
        rb"\s*+(?P<row>\((?:\s*+" + value + rb"\s*+(?:,|(?=\))))*+\s*+\))\s*+(?P<sep>[,;])", re.S
    )


#: one whole row and the separator after it (``,`` or ``;``); group ``sp``/``dbl``
#: participate if some value needs more than removing quotes
ROW = _row(_VALUE)
#: a row's extent only (values unchecked): the JSON path validates what it reads
ROW_QUICK = re.compile(
    rb"\s*+(?P<row>\((?:[^'()]++|"
    + _FSTR.replace(b"(?P<dbl>", b"(?:")
    + rb")*+\))\s*+(?P<sep>[,;])"
)
#: the same for rows ROW cannot handle (long backslash runs); every string is ``sp``
ROW_SLOW = _row(_VALUE_SLOW)


def _prefix(string: bytes, open_string: bytes) -> re.Pattern[bytes]:
    value = rb"(?:" + string + rb"|" + _DQ + rb"|" + _INTRO + _SQ + rb"|" + _BARE + rb")"
    partial = (
        rb"(?:" + value + rb"\s*+|" + open_string + rb"|\"(?:[^\"\\]++|\\.|\"\")*+\\?+"
        rb"|" + _INTRO + rb"(?:'(?:[^'\\]++|\\.|'')*+\\?+)?+)?+"
    )  # fmt: skip
    return re.compile(
        rb"\s*+(?:\((?:\s*+" + value + rb"\s*+(?:,|(?=\))))*+\s*+(?:\)\s*+|" + partial + rb"))?+\Z",
        re.S,
    )


#: a row that may continue past the end of the buffer (fast string form)
ROW_PREFIX = _prefix(
    _FSTR.replace(b"(?P<dbl>", b"(?:"), rb"'[^']*+(?:(?:" + _ODD + rb"'|" + _EVEN + rb"'')[^']*+)*+"
)
#: the same for anything (slow string form)
ROW_PREFIX_SLOW = _prefix(_SQ, rb"'(?:[^'\\]++|\\.|'')*+\\?+")
#: where rows may start again after a broken one: ``),(`` or the statement's ``);``
RESYNC = re.compile(rb"\)\s*+(?:(,)\s*+(?=\()|;)")

_IDENT = rb"(?:`(?:[^`]|``)++`|\"(?:[^\"]|\"\")++\"|[\w$]++)"
#: INSERT/REPLACE header up to the first row
INSERT_HEAD = re.compile(
    rb"(?i)(?:INSERT|REPLACE)\s++(?:(?:LOW_PRIORITY|DELAYED|HIGH_PRIORITY|IGNORE)\s++)*+"
    rb"(?:INTO\s++)?+(" + _IDENT + rb"(?:\s*+\.\s*+" + _IDENT + rb")?+)\s*+"
    rb"(?:\(((?:`(?:[^`]|``)*+`|\"(?:[^\"]|\"\")*+\"|[^)`\"])*+)\)\s*+)?+VALUES?\s*+(?=\()"
)
IDENT_TOKEN = re.compile(_IDENT)

#: whitespace and non-executable comments between statements
GAP = re.compile(rb"(?:\s++|--[^\n]*+(?=\n)|#[^\n]*+(?=\n)|/\*(?!!|M!)(?:[^*]++|\*(?!/))*+\*/)*+")
#: the rest of a statement up to ``;`` (string and comment aware)
STMT_END = re.compile(
    rb"(?:[^;'\"`/#-]++|" + _SQ + rb"|" + _DQ + rb"|`[^`]*+`|/\*(?:[^*]++|\*(?!/))*+\*/"
    rb"|--[^\n]*+(?=\n)|#[^\n]*+(?=\n)|[/#-])*+;",
    re.S,
)
EXEC_COMMENT = re.compile(rb"/\*M?!\d*+\s*+")
DELIMITER = re.compile(rb"(?i)DELIMITER[ \t]++(\S++)[^\n]*+\n")
KEYWORD = re.compile(rb"\s*+([A-Za-z]++)")

# --- str patterns (a decoded row) ---------------------------------------------

_S_EVEN = _EVEN.decode()
_S_ODD = _ODD.decode()
_S_NUM = r"-?+(?:[0-9]++(?:\.[0-9]*+)?+|\.[0-9]++)(?:[eE][-+]?+[0-9]++)?+(?=[\s,)]|\Z)"
_S_SPECIAL = (
    r'"[^"\\]*+(?:(?:\\.|"")[^"\\]*+)*+"'
    r"|(?:_[A-Za-z0-9]++|[bBxXnN])\s*+'[^'\\]*+(?:(?:\\.|'')[^'\\]*+)*+'"
    r"|[^,'\"\s()]++"
)
_S_FSTR = r"'([^']*+(?:(?:" + _S_ODD + r"'|" + _S_EVEN + r"'')[^']*+)*+)" + _S_EVEN + r"'"
_S_SQ = r"'([^'\\]*+(?:(?:\\.|'')[^'\\]*+)*+)'"
#: tokens of a decoded row: (string body, number, special token)
VALUES = re.compile(r"\s*+(?:" + _S_FSTR + r"|(" + _S_NUM + r")|(" + _S_SPECIAL + r"))\s*+,?", re.S)
#: the same for rows matched by ROW_SLOW
VALUES_SLOW = re.compile(
    r"\s*+(?:" + _S_SQ + r"|(" + _S_NUM + r")|(" + _S_SPECIAL + r"))\s*+,?", re.S
)

_ESCAPES = {
    "0": "\0", "n": "\n", "r": "\r", "t": "\t", "b": "\b", "Z": "\x1a",
    "\\": "\\", "'": "'", '"': '"', "%": "\\%", "_": "\\_",
}  # fmt: skip
_ESC = re.compile(r"\\(.)|''|\"\"", re.S)


def _esc(m: re.Match[str]) -> str:
    ch = m.group(1)
    if ch is None:
        return m.group()[0]
    return _ESCAPES.get(ch, ch)


def unescape(body: str) -> str:
    """The value of a quoted string's body (MySQL escapes and quote doubling)."""
    if "\\" not in body and "''" not in body and '""' not in body:
        return body
    return _ESC.sub(_esc, body)


def bits_to_bytes(bits: str) -> bytes:
    """``b'0101'`` → its bytes (big endian, as MySQL stores BIT)."""
    if not bits:
        return b""
    return int(bits, 2).to_bytes((len(bits) + 7) // 8, "big")


def hex_to_bytes(digits: str) -> bytes | None:
    """``0xABC`` / ``x'ABC'`` digits → bytes (odd length gets a leading zero), None if bad."""
    if len(digits) % 2:
        digits = "0" + digits
    try:
        return bytes.fromhex(digits)
    except ValueError:
        return None


Encoder = Callable[[str], bytes]


def special_value(token: str, encode: Encoder, binary: bool) -> str | bytes | None:
    """Convert a token that is not a simple string or plain number."""
    first = token[0]
    if first in "'\"":
        text = unescape(token[1:-1])
        return encode(text) if binary else text
    if token.upper() == "NULL":
        return None
    if token[:2] in ("0x", "0X"):
        raw = hex_to_bytes(token[2:])
        return raw if raw is not None else token
    quote = token.find("'")
    if quote < 0:
        return token  # TRUE, FALSE, an identifier: keep the literal text
    intro, body = token[:quote].strip().lower(), unescape(token[quote + 1 : -1])
    if intro == "b":
        return bits_to_bytes(body) if set(body) <= {"0", "1"} else encode(body)
    if intro == "x":
        raw = hex_to_bytes(body)
        return raw if raw is not None else encode(body)
    if intro == "_binary" or binary:
        return encode(body)
    if intro.startswith("_latin1"):
        return decode_mysql_latin1(encode(body))
    return body
