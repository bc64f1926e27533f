"""A UTF-8 view of a CSV/JSONL stream that maps positions back to stream offsets.

* UTF-8, with or without BOM: bytes pass through untouched (the BOM is
  skipped); invalid bytes are left for the value decoder to replace and report.
* UTF-16 with a BOM: decoded incrementally and re-encoded as UTF-8, so the
  parsers only ever see UTF-8. :meth:`Utf8Source.offset` turns a UTF-8
  position into the stream offset by counting UTF-16 code units; it must be
  called with non-decreasing positions (record starts), which keeps it O(n).
"""

from __future__ import annotations

import codecs
from pathlib import PurePosixPath
from typing import BinaryIO

from safeguard.ingest.readers.base import SourceInfo

CHUNK_SIZE = 1 << 20


class Utf8Source:
    """``read()`` gives UTF-8 bytes; ``offset(pos)`` the stream offset of UTF-8 byte ``pos``."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        head = raw.read(4)
        self.encoding = "utf-8"
        self._bom = 0
        self._pending = head
        self._decoder: codecs.IncrementalDecoder | None = None
        if head.startswith(codecs.BOM_UTF8):
            self._bom, self._pending = 3, head[3:]
        elif head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            self.encoding = "utf-16"
            self._bom = 2
            self._decoder = codecs.getincrementaldecoder("utf-16")(errors="replace")
        self._history = bytearray()  # UTF-16 mode: UTF-8 bytes not yet mapped
        self._mapped = 0  # UTF-8 position of history[0]
        self._units = 0  # UTF-16 code units before that position

    def read(self, size: int = CHUNK_SIZE) -> bytes:
        """Up to ``size`` raw bytes' worth of UTF-8; ``b""`` at the end."""
        raw = self._pending + self._raw.read(size)
        self._pending = b""
        if self._decoder is None:
            return raw
        out = self._decoder.decode(raw, final=not raw).encode("utf-8", "surrogatepass")
        while not out and raw:  # the decoder held back a lone byte: read on
            raw = self._raw.read(size)
            out = self._decoder.decode(raw, final=not raw).encode("utf-8", "surrogatepass")
        self._history += out
        return out

    def offset(self, pos: int) -> int:
        """Stream offset of UTF-8 position ``pos`` (non-decreasing calls)."""
        if self._decoder is None:
            return pos + self._bom
        step = pos - self._mapped
        if step > 0:
            text = bytes(self._history[:step]).decode("utf-8", "surrogatepass")
            self._units += len(text.encode("utf-16-le", "surrogatepass")) // 2
            del self._history[:step]
            self._mapped = pos
        return self._bom + 2 * self._units


def decode_values(values: list[bytes]) -> tuple[list[str], bool]:
    """UTF-8 values as text; ``ok`` is False when bytes had to be replaced."""
    try:
        return [v.decode() for v in values], True
    except UnicodeDecodeError:
        return [v.decode(errors="replace") for v in values], False


def table_name(info: SourceInfo) -> str:
    """The table a CSV/JSONL file becomes: option ``table``, else the file's stem."""
    if info.options.get("table"):
        return info.options["table"]
    name = PurePosixPath(info.name.replace("\\", "/")).name
    return name.split(".", 1)[0] or "table"
