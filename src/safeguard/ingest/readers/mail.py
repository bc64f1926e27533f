"""Streaming reader for mail: mbox files and single RFC 5322 (``.eml``) messages.

A stream starting with ``From `` is an mbox: it is split on ``\\nFrom `` lines
chunk by chunk (never loaded whole), mboxrd quoting is undone (``>From `` →
``From ``, ``>>From `` → ``>From ``), and each message is parsed on its own.
Anything else is one message. Offsets are those of the ``From `` line (mbox)
or 0 (single message). Attachment contents are hashed, never stored.

Table ``mail_messages`` (text or ``None``; "JSON" means a JSON array text):

=================  ===========================================================
message_key        0-based index of the message in the stream, as text
message_id_header  Message-ID as written (angle brackets kept)
from_addr          first From address, lower-cased
from_name          its display name, RFC 2047 decoded
reply_to           JSON of lower-cased Reply-To addresses
to_addrs           JSON of lower-cased To addresses
cc_addrs           JSON of lower-cased Cc addresses
bcc_addrs          JSON of lower-cased Bcc addresses
date_raw           Date header as written (unfolded)
date_utc           ``YYYY-MM-DDTHH:MM:SS`` UTC; ``None`` if unparseable; a date
                   without zone is taken as UTC
subject            Subject, RFC 2047 decoded
body_text          text/plain parts joined by ``\\n``; if there are none, the
                   text/html parts with tags stripped (nothing fetched or run);
                   ``None`` when there is no text or nesting was too deep
x_originating_ip   X-Originating-IP normalised by :mod:`ipaddress` (brackets
                   removed), or as written if it is no IP
received_ips       JSON of IPs in the ``from`` clause of each Received header,
                   most recent hop first (the last one is the oldest hop; the
                   oldest *external* hop is the likely sender)
received_chain     JSON of the raw Received values (unfolded), most recent first
user_agent         User-Agent, else X-Mailer
in_reply_to        In-Reply-To as written
attachment_names   JSON of attachment file names (``null`` when unnamed); a
                   non-text part without a name counts as an attachment
attachment_sha256  JSON of the SHA-256 (hex) of each attachment's decoded
                   bytes, aligned with attachment_names
envelope_from      the mbox ``From `` line after ``From `` (``None`` for .eml)
=================  ===========================================================

Table ``mail_addresses``: ``message_key``, ``role`` (``from``/``to``/``cc``/
``bcc``/``reply-to``), ``address`` (lower-cased), ``display_name`` (decoded,
``None`` if empty).

Problems (all warnings, the message is kept): ``no-headers``, ``mail-defect``
(the parser's defect list), ``bad-encoded-word``, ``bad-date``,
``nesting-too-deep`` (parts below depth 64 skipped, or headers only when the
parser itself ran out of stack), ``bidi-filename`` (attachment name with
bidirectional controls such as U+202E; the name is kept as is). An error the
parser was not expected to raise skips that message (``mail-unparsed``,
error; ``row_numbers`` keep counting, so the gap shows).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from safeguard.exceptions import EvidenceFormatError
from safeguard.ingest.readers.base import (
    ColumnDef,
    Event,
    Problem,
    RowBatch,
    SourceInfo,
    TableSchema,
)
from safeguard.ingest.readers.mail_parse import parse_message

MESSAGES = "mail_messages"
ADDRESSES = "mail_addresses"
MESSAGE_COLUMNS = (
    "message_key", "message_id_header", "from_addr", "from_name", "reply_to", "to_addrs",
    "cc_addrs", "bcc_addrs", "date_raw", "date_utc", "subject", "body_text",
    "x_originating_ip", "received_ips", "received_chain", "user_agent", "in_reply_to",
    "attachment_names", "attachment_sha256", "envelope_from",
)  # fmt: skip
ADDRESS_COLUMNS = ("message_key", "role", "address", "display_name")
BATCH_ROWS = 1_000  # messages are big: flush sooner than the 10,000-row limit
CHUNK_SIZE = 1 << 20
_KNOWN = re.compile(
    rb"(?im)^(?:received|message-id|from|date|subject|to|return-path|mime-version"
    rb"|delivered-to|x-mailer|content-type):"
)
_UNQUOTE = re.compile(rb"(?m)^>(>*From )")


class MailReader:
    """Reads mbox files and single messages into ``mail_messages``/``mail_addresses``."""

    name = "mail"

    def sniff(self, head: bytes, info: SourceInfo) -> float:
        """mbox ``From `` line or a header block with well-known mail headers."""
        bonus = 0.1 if info.name.lower().endswith((".eml", ".mbox", ".mbx")) else 0.0
        block = head.split(b"\n\n", 1)[0][:16384]
        known = len(_KNOWN.findall(block))
        if head.startswith(b"From ") and known:
            return 0.9 + bonus
        if known >= 2 and b"\0" not in block:
            return min(0.5 + 0.1 * known, 0.85) + bonus
        return 0.1 * known + bonus

    def read(self, stream: BinaryIO, info: SourceInfo) -> Iterator[Event]:
        """Yield both schemas, then message and address batches and problems."""
        first = stream.read(4096)
        if not first.startswith(b"From ") and b"\0" in first:
            raise EvidenceFormatError(f"{info.name}: binary data, not mail")
        yield TableSchema(MESSAGES, tuple(ColumnDef(c, "text") for c in MESSAGE_COLUMNS))
        yield TableSchema(ADDRESSES, tuple(ColumnDef(c, "text") for c in ADDRESS_COLUMNS))
        if first.startswith(b"From "):
            messages = _split_mbox(stream, first)
        else:
            messages = iter(((0, None, first + stream.read()),))
        yield from _emit(messages)


def _emit(messages: Iterator[tuple[int, str | None, bytes]]) -> Iterator[Event]:
    msgs = RowBatch(MESSAGES, MESSAGE_COLUMNS, [], [], [])
    addrs = RowBatch(ADDRESSES, ADDRESS_COLUMNS, [], [], [])
    addr_count = 0
    for key, (offset, envelope, raw) in enumerate(messages):
        try:
            parsed = parse_message(raw, key, envelope)
        except Exception as exc:  # a safety net: one bad message must not stop the rest
            message = f"message {key} could not be parsed ({type(exc).__name__}); skipped"
            yield Problem("mail-unparsed", message, offset, MESSAGES)
            continue
        for kind, message, severity in parsed.problems:
            yield Problem(kind, f"message {key}: {message}", offset, MESSAGES, severity)
        msgs.rows.append(parsed.row)
        msgs.offsets.append(offset)
        msgs.row_numbers.append(key)
        for addr_row in parsed.addresses:
            addrs.rows.append(addr_row)
            addrs.offsets.append(offset)
            addrs.row_numbers.append(addr_count)
            addr_count += 1
        if len(msgs.rows) >= BATCH_ROWS or len(addrs.rows) >= BATCH_ROWS:
            yield from _flush(msgs, addrs)
    yield from _flush(msgs, addrs)


def _flush(*batches: RowBatch) -> Iterator[RowBatch]:
    """Yield a copy of each non-empty batch and empty it."""
    for batch in batches:
        if batch.rows:
            yield RowBatch(batch.table, batch.columns, batch.rows, batch.offsets, batch.row_numbers)
            batch.rows, batch.offsets, batch.row_numbers = [], [], []


def _split_mbox(stream: BinaryIO, first: bytes) -> Iterator[tuple[int, str | None, bytes]]:
    """``(offset, envelope, message bytes)`` per mbox message, read chunk by chunk.

    Memory holds one message plus one chunk: consumed bytes are dropped before
    each read.
    """
    buf = bytearray(first)
    base = start = search = 0  # base: stream offset of buf[0]; start: current message
    eof = False
    while True:
        cut = buf.find(b"\nFrom ", max(search, start))
        if cut >= 0:
            yield _message(bytes(buf[start:cut]), base + start)
            start = search = cut + 1
            continue
        if eof:
            break
        search = max(len(buf) - 5, start)  # the separator may straddle two chunks
        del buf[:start]
        base, search, start = base + start, search - start, 0
        chunk = stream.read(CHUNK_SIZE)
        eof = not chunk
        buf += chunk
    if start < len(buf):
        yield _message(bytes(buf[start:]), base + start)


def _message(chunk: bytes, offset: int) -> tuple[int, str | None, bytes]:
    """Split the ``From `` line off one mbox message and undo ``>From`` quoting."""
    line_end = chunk.find(b"\n")
    if line_end < 0:
        line_end = len(chunk)
    envelope = chunk[5:line_end].rstrip(b"\r").decode("utf-8", "replace")
    return offset, envelope, _UNQUOTE.sub(rb"\1", chunk[line_end + 1 :])
