"""Character sets of MySQL dumps: MySQL's own "latin1", and text decoding domains.

MySQL's ``latin1`` is Windows-1252 in which the five bytes cp1252 leaves
undefined (0x81 0x8D 0x8F 0x90 0x9D) pass through as U+0081 … U+009D. That
makes it a bijection between bytes and 256 characters, so text decoded with it
can always be encoded back to the very same bytes.

A :class:`Domain` is how a dump's rows are turned into ``str`` for tokenizing:
a decoding that is exactly reversible (UTF-8 with ``surrogateescape``, or
MySQL latin1), so binary column values can be turned back into their original
bytes after tokenizing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CP1252_HIGH = bytes(range(0x80, 0xA0))
_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


def _cp1252_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for byte in _CP1252_HIGH:
        if byte not in _UNDEFINED:
            table[byte] = bytes([byte]).decode("cp1252")
    return table


#: latin-1 char (0x80..0x9F) -> cp1252 char, for str.translate after latin-1 decoding
_DECODE = str.maketrans(_cp1252_table())
#: the reverse: cp1252 char -> latin-1 char, before latin-1 encoding
_ENCODE = str.maketrans({v: chr(k) for k, v in _cp1252_table().items()})


def decode_mysql_latin1(data: bytes) -> str:
    """Decode bytes as MySQL ``latin1`` (never fails)."""
    return data.decode("latin-1").translate(_DECODE)


def encode_mysql_latin1(text: str) -> bytes:
    """Encode ``text`` as MySQL ``latin1``; raises UnicodeEncodeError if not representable."""
    return text.translate(_ENCODE).encode("latin-1")


_UTF8_NAMES = frozenset({"utf8", "utf8mb3", "utf8mb4", "binary", "utf-8", "ascii"})
#: MySQL charset name -> Python codec, for the rarer single-byte charsets
_OTHER = {
    "cp1250": "cp1250",
    "cp1251": "cp1251",
    "cp1256": "cp1256",
    "cp1257": "cp1257",
    "latin2": "iso8859_2",
    "latin5": "iso8859_9",
    "latin7": "iso8859_13",
    "greek": "iso8859_7",
    "hebrew": "iso8859_8",
    "koi8r": "koi8_r",
    "koi8u": "koi8_u",
    "cp866": "cp866",
}
_SURROGATE = re.compile("[\udc80-\udcff]")


def is_latin1(charset: str | None) -> bool:
    """Whether a declared MySQL charset (or collation) is latin1."""
    return charset is not None and charset.lower().startswith("latin1")


@dataclass(frozen=True, slots=True)
class Domain:
    """A reversible bytes<->str mapping for one dump character set."""

    charset: str  # the MySQL name, e.g. "utf8mb4"
    codec: str  # "utf-8", "mysql-latin1" or a Python codec
    declared: bool = True  # False: no SET NAMES seen, UTF-8 assumed

    @property
    def is_utf8(self) -> bool:
        return self.codec == "utf-8"

    def decode(self, data: bytes) -> tuple[str, bool]:
        """``(text, dirty)``; dirty means invalid bytes were escaped as surrogates."""
        if self.codec == "utf-8":
            try:
                return data.decode("utf-8"), False
            except UnicodeDecodeError:
                return data.decode("utf-8", "surrogateescape"), True
        if self.codec == "mysql-latin1":
            return decode_mysql_latin1(data), False
        text = data.decode(self.codec, "surrogateescape")
        return text, bool(_SURROGATE.search(text))

    def encode(self, text: str) -> bytes:
        """The original bytes of ``text`` as returned by :meth:`decode`."""
        if self.codec == "mysql-latin1":
            return encode_mysql_latin1(text)
        return text.encode(self.codec, "surrogateescape")


def domain_for(charset: str) -> Domain:
    """The decoding domain for a ``SET NAMES`` charset (unknown ones read as UTF-8)."""
    name = charset.lower().strip("'\"`")
    if is_latin1(name):
        return Domain(name, "mysql-latin1")
    if name in _OTHER:
        return Domain(name, _OTHER[name])
    return Domain(name if name in _UTF8_NAMES else "utf8mb4", "utf-8")


#: before any SET NAMES: UTF-8 assumed, latin1 (MySQL's old default) where that fails
UTF8 = Domain("utf8mb4", "utf-8", declared=False)


def has_invalid(text: str) -> bool:
    """Whether ``text`` (decoded by a dirty :meth:`Domain.decode`) holds undecodable bytes."""
    return not text.isascii() and _SURROGATE.search(text) is not None


def replace_invalid(text: str, domain: Domain) -> str:
    """Re-decode ``text`` with U+FFFD in place of each undecodable byte."""
    return domain.encode(text).decode(
        "utf-8" if domain.codec == "utf-8" else domain.codec, "replace"
    )


def repair_double_encoding(text: str) -> str | None:
    """The repaired text if ``text`` is UTF-8 that was read as MySQL latin1, else None."""
    if text.isascii():
        return None
    try:
        fixed = encode_mysql_latin1(text).decode("utf-8")
    except UnicodeError:
        return None
    return fixed if fixed != text else None
