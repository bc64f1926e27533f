"""One message's bytes to a ``mail_messages`` row and its ``mail_addresses`` rows.

Parsing uses the standard library with ``email.policy.compat32``: it keeps
headers as raw text and never raises on malformed ones (``policy.default``
raises from some header accessors), so every decoding decision is made here,
with a fallback. A message nested deeper than Python's recursion limit is
kept with its headers only.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from email import policy
from email.message import Message
from email.parser import BytesParser

from safeguard.ingest.readers.base import Severity, Value
from safeguard.ingest.readers.mail_text import (
    addresses,
    date_utc,
    has_bidi,
    header_text,
    html_to_text,
    no_surrogates,
    normalise_ip,
    received_ips,
    unfold,
)

_NAME_HEADERS = ("content-disposition", "content-type")
MAX_DEPTH = 64  # MIME parts deeper than this are not walked
_ROLES = (("from", "From"), ("to", "To"), ("cc", "Cc"), ("bcc", "Bcc"), ("reply-to", "Reply-To"))


@dataclass
class Parsed:
    """A parsed message: its row, its address rows and what was wrong with it."""

    row: tuple[Value, ...]
    addresses: list[tuple[Value, ...]]
    problems: list[tuple[str, str, Severity]] = field(default_factory=list)


@dataclass
class _Body:
    plain: list[str] = field(default_factory=list)
    html: list[str] = field(default_factory=list)
    names: list[str | None] = field(default_factory=list)
    hashes: list[str] = field(default_factory=list)


def parse_message(raw: bytes, key: int, envelope: str | None) -> Parsed:
    """Parse one message (without its mbox ``From`` line)."""
    problems: list[tuple[str, str, Severity]] = []
    msg, headers_only = _parse(raw, problems)
    body = None if headers_only else _walk(msg, problems)
    text = _get(msg, "Subject", problems)
    pairs = {role: addresses(_all(msg, name)) for role, name in _ROLES}
    sender = pairs["from"][0] if pairs["from"] else (None, None)
    received = [unfold(v) for v in _all(msg, "Received")]
    date_raw = _get(msg, "Date", problems)
    row: tuple[Value, ...] = (
        str(key), _get(msg, "Message-ID", problems), sender[1], sender[0] or None,
        _addr_json(pairs["reply-to"]), _addr_json(pairs["to"]), _addr_json(pairs["cc"]),
        _addr_json(pairs["bcc"]), date_raw, date_utc(date_raw), text,
        _body_text(body), _originating_ip(msg, problems), json.dumps(received_ips(received)),
        json.dumps(received, ensure_ascii=False),
        _get(msg, "User-Agent", problems) or _get(msg, "X-Mailer", problems),
        _get(msg, "In-Reply-To", problems),
        None if body is None else json.dumps(body.names, ensure_ascii=False),
        None if body is None else json.dumps(body.hashes), envelope,
    )  # fmt: skip
    if date_raw and row[9] is None:
        problems.append(("bad-date", "Date header does not parse", "warning"))
    addr_rows: list[tuple[Value, ...]] = [
        (str(key), role, addr, name or None) for role, _ in _ROLES for name, addr in pairs[role]
    ]
    return Parsed(row, addr_rows, problems)


def _parse(raw: bytes, problems: list[tuple[str, str, Severity]]) -> tuple[Message, bool]:
    """The parsed message, and whether only its headers could be parsed."""
    headers_only = False
    try:
        msg = BytesParser(policy=policy.compat32).parsebytes(raw)
    except RecursionError:  # the parser recurses once per nesting level
        headers_only = True
        msg = BytesParser(policy=policy.compat32).parsebytes(raw, headersonly=True)
        problems.append(("nesting-too-deep", "MIME nesting too deep; headers only", "warning"))
    if not msg.keys():
        problems.append(("no-headers", "message has no header fields", "warning"))
    if msg.defects:
        names = sorted({type(d).__name__ for d in msg.defects})
        problems.append(("mail-defect", f"malformed message: {', '.join(names)}", "warning"))
    return msg, headers_only


def _all(msg: Message, name: str) -> list[str]:
    return [header_text(v)[0] or "" if not isinstance(v, str) else v for v in msg.get_all(name, [])]


def _get(msg: Message, name: str, problems: list[tuple[str, str, Severity]]) -> str | None:
    """A decoded header, unfolded; a lossy decode is reported."""
    text, ok = header_text(msg.get(name))
    if not ok:
        problems.append(("bad-encoded-word", f"{name} header could not be decoded", "warning"))
    return None if text is None else unfold(text).strip()


def _addr_json(pairs: list[tuple[str, str]]) -> str:
    return json.dumps([addr for _, addr in pairs], ensure_ascii=False)


def _originating_ip(msg: Message, problems: list[tuple[str, str, Severity]]) -> str | None:
    raw = _get(msg, "X-Originating-IP", problems)
    return None if raw is None else normalise_ip(raw) or raw


def _body_text(body: _Body | None) -> str | None:
    if body is None:
        return None
    if body.plain:
        return "\n".join(body.plain)
    return "\n".join(html_to_text(h) for h in body.html) if body.html else None


def _walk(msg: Message, problems: list[tuple[str, str, Severity]]) -> _Body:
    """Collect text and attachments without recursion (depth capped at MAX_DEPTH)."""
    body = _Body()
    stack: list[tuple[Message, int]] = [(msg, 0)]
    while stack:
        part, depth = stack.pop()
        payload = part.get_payload()
        if isinstance(payload, list):
            if depth >= MAX_DEPTH:
                problems.append(
                    ("nesting-too-deep", f"parts below depth {depth} skipped", "warning")
                )
                continue
            stack.extend((p, depth + 1) for p in reversed(payload) if isinstance(p, Message))
            continue
        _take_leaf(part, body, problems)
    return body


def _take_leaf(part: Message, body: _Body, problems: list[tuple[str, str, Severity]]) -> None:
    name = _filename(part)
    ctype = part.get_content_type()
    attached = name is not None or part.get_content_disposition() == "attachment"
    data = part.get_payload(decode=True)
    content = data if isinstance(data, bytes) else b""
    if attached or ctype not in ("text/plain", "text/html"):
        body.names.append(name)
        body.hashes.append(hashlib.sha256(content).hexdigest())
        if name is not None and has_bidi(name):
            message = f"attachment name has bidi controls: {name!a}"
            problems.append(("bidi-filename", message, "warning"))
        return
    text = _decode(content, part.get_content_charset())
    (body.plain if ctype == "text/plain" else body.html).append(text)


def _decode(content: bytes, charset: str | None) -> str:
    try:
        return content.decode(charset or "utf-8")
    except (LookupError, UnicodeDecodeError):
        return content.decode("utf-8", "replace")


def _filename(part: Message) -> str | None:
    """The part's file name, RFC 2231/2047 decoded; raw 8-bit names are read as UTF-8."""
    probe = part
    raw = [(k, v) for k, v in part.raw_items() if k.lower() in _NAME_HEADERS]
    if any(not v.isascii() for _, v in raw):
        # the parser hides raw bytes behind a lossy Header object; give it clean text
        probe = Message()
        for key, value in raw:
            probe[key] = no_surrogates(value)
    try:
        name = probe.get_filename()
    except Exception:  # RFC 2231 junk
        return None
    return header_text(name)[0] if name else None
