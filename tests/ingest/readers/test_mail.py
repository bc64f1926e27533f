"""Tests for the mail reader: stdlib-written mbox, a hand-written .eml, bad mail."""

from __future__ import annotations

import hashlib
import io
import json
import mailbox
from email.headerregistry import Address
from email.message import EmailMessage
from pathlib import Path

import pytest

from safeguard.exceptions import EvidenceFormatError
from safeguard.ingest.readers import mail as mail_module
from safeguard.ingest.readers.base import Problem, RowBatch, SourceInfo, TableSchema
from safeguard.ingest.readers.mail import MailReader

Rows = dict[str, list[dict[str, object]]]

EML = b"""Return-Path: <sender@mail.example.org>
Received: from mx1.example.com (mx1.example.com [192.0.2.25])
\tby imap.example.com (Postfix) with ESMTPS id 4F1A2B3C4D
\tfor <coach@example.com>; Tue, 14 May 2024 09:12:44 +0200 (CEST)
Received: from smtp.mail.example.org (smtp.mail.example.org [203.0.113.45])
\tby mx1.example.com (Postfix) with ESMTPS id 9E8D7C6B5A;
\tTue, 14 May 2024 09:12:43 +0200 (CEST)
Received: from [10.0.0.12] (dsl-198-51-100-77.isp.example.net [198.51.100.77])
\tby smtp.mail.example.org (Postfix) with ESMTPSA id 11AA22BB33;
\tTue, 14 May 2024 07:12:40 +0000 (UTC)
Message-ID: <a1b2c3@mail.example.org>
Date: Tue, 14 May 2024 09:12:39 +0200
From: =?UTF-8?Q?Ren=C3=A9_Beispiel?= <Rene.Beispiel@Mail.Example.org>
To: Coach <coach@example.com>
Cc: team@example.com, "Smith, Pat" <pat.smith@example.net>
Subject: =?UTF-8?B?VHJhaW5pbmcgYW0gU2Ftc3RhZw==?=
X-Mailer: ExampleMail 3.2
X-Originating-IP: [198.51.100.77]
In-Reply-To: <prev@example.com>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Hi, training moves to Saturday. I coach the under-12 team.
"""


def read(data: bytes, name: str = "box.mbox") -> tuple[Rows, dict[str, list[int]], list[Problem]]:
    rows: Rows = {"mail_messages": [], "mail_addresses": []}
    offsets: dict[str, list[int]] = {"mail_messages": [], "mail_addresses": []}
    problems: list[Problem] = []
    for event in MailReader().read(io.BytesIO(data), SourceInfo(name)):
        if isinstance(event, RowBatch):
            rows[event.table].extend(dict(zip(event.columns, r, strict=True)) for r in event.rows)
            offsets[event.table].extend(event.offsets)
        elif isinstance(event, Problem):
            problems.append(event)
    return rows, offsets, problems


def _message(index: int) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = Address("Jörg Müller", addr_spec=f"Joerg.{index}@Example.ORG")
    msg["To"] = [Address("Ana", addr_spec="ana@example.com"), Address(addr_spec="b@example.net")]
    msg["Cc"] = "Zoë <zoe@example.org>"
    msg["Reply-To"] = "replies@example.org"
    msg["Subject"] = f"Grüße {index} – Training"
    msg["Date"] = "Mon, 23 Nov 2026 10:00:00 +0100"
    msg["Message-ID"] = f"<{index}@example.org>"
    msg["Received"] = (
        "from relay.example.com (relay.example.com [203.0.113.5]) by mx.example.net "
        "with ESMTP; Mon, 23 Nov 2026 10:00:02 +0100"
    )
    msg["Received"] = (
        "from [192.168.1.20] (host-198-51-100-9.example.net [198.51.100.9]) "
        "by relay.example.com; Mon, 23 Nov 2026 10:00:01 +0100"
    )
    msg["User-Agent"] = "ExampleClient/2.0"
    msg.set_content(f"Message {index}.\nFrom the coach: practice at 5.\n")
    msg.add_alternative("<p>Message <b>html</b></p>", subtype="html")
    msg.add_attachment(
        b"%PDF-1.4 schedule", maintype="application", subtype="pdf", filename="plan.pdf"
    )
    return msg


@pytest.fixture
def mbox_bytes(tmp_path: Path) -> bytes:
    box = mailbox.mbox(tmp_path / "box.mbox")
    for index in range(3):
        box.add(_message(index))
    box.flush()
    box.close()
    return (tmp_path / "box.mbox").read_bytes()


def test_mbox_from_stdlib_mailbox(mbox_bytes: bytes) -> None:
    rows, offsets, problems = read(mbox_bytes)
    assert problems == []
    messages = rows["mail_messages"]
    assert [m["message_key"] for m in messages] == ["0", "1", "2"]
    assert offsets["mail_messages"][0] == 0
    for offset in offsets["mail_messages"]:
        assert mbox_bytes[offset : offset + 5] == b"From "
    first = messages[0]
    assert first["from_addr"] == "joerg.0@example.org"
    assert first["from_name"] == "Jörg Müller"
    assert json.loads(str(first["to_addrs"])) == ["ana@example.com", "b@example.net"]
    assert json.loads(str(first["cc_addrs"])) == ["zoe@example.org"]
    assert json.loads(str(first["reply_to"])) == ["replies@example.org"]
    assert first["subject"] == "Grüße 0 – Training"
    assert first["date_utc"] == "2026-11-23T09:00:00"
    assert first["body_text"] == "Message 0.\nFrom the coach: practice at 5.\n"  # >From undone
    assert json.loads(str(first["received_ips"])) == ["203.0.113.5", "192.168.1.20", "198.51.100.9"]
    assert len(json.loads(str(first["received_chain"]))) == 2
    assert first["user_agent"] == "ExampleClient/2.0"
    assert json.loads(str(first["attachment_names"])) == ["plan.pdf"]
    digest = hashlib.sha256(b"%PDF-1.4 schedule").hexdigest()
    assert json.loads(str(first["attachment_sha256"])) == [digest]
    roles = [(a["role"], a["address"], a["display_name"]) for a in rows["mail_addresses"][:5]]
    assert roles == [
        ("from", "joerg.0@example.org", "Jörg Müller"),
        ("to", "ana@example.com", "Ana"),
        ("to", "b@example.net", None),
        ("cc", "zoe@example.org", "Zoë"),
        ("reply-to", "replies@example.org", None),
    ]


def test_mbox_is_split_across_small_chunks(
    monkeypatch: pytest.MonkeyPatch, mbox_bytes: bytes
) -> None:
    expected, _, _ = read(mbox_bytes)
    monkeypatch.setattr(mail_module, "CHUNK_SIZE", 7)
    rows, _, _ = read(mbox_bytes)
    assert rows == expected


def test_unexpected_parser_error_skips_one_message(
    monkeypatch: pytest.MonkeyPatch, mbox_bytes: bytes
) -> None:
    real = mail_module.parse_message

    def flaky(raw: bytes, key: int, envelope: str | None) -> object:
        if key == 1:
            raise ValueError("boom")
        return real(raw, key, envelope)

    monkeypatch.setattr(mail_module, "parse_message", flaky)
    events = list(MailReader().read(io.BytesIO(mbox_bytes), SourceInfo("box.mbox")))
    batch = next(e for e in events if isinstance(e, RowBatch) and e.table == "mail_messages")
    assert batch.row_numbers == [0, 2]
    (problem,) = [e for e in events if isinstance(e, Problem)]
    assert (problem.kind, problem.severity) == ("mail-unparsed", "error")
    assert mbox_bytes[problem.offset : problem.offset + 5] == b"From "
    assert problem.offset > 0


def test_handwritten_eml_with_received_chain() -> None:
    events = list(MailReader().read(io.BytesIO(EML), SourceInfo("msg.eml")))
    assert [e.name for e in events if isinstance(e, TableSchema)] == [
        "mail_messages",
        "mail_addresses",
    ]
    rows, offsets, problems = read(EML, "msg.eml")
    assert problems == []
    (msg,) = rows["mail_messages"]
    assert offsets["mail_messages"] == [0]
    assert msg["from_addr"] == "rene.beispiel@mail.example.org"
    assert msg["from_name"] == "René Beispiel"
    assert msg["subject"] == "Training am Samstag"
    assert json.loads(str(msg["cc_addrs"])) == ["team@example.com", "pat.smith@example.net"]
    ips = json.loads(str(msg["received_ips"]))
    assert ips == ["192.0.2.25", "203.0.113.45", "10.0.0.12", "198.51.100.77"]
    chain = json.loads(str(msg["received_chain"]))
    assert chain[0].startswith("from mx1.example.com")
    assert "\n" not in chain[0]
    assert msg["x_originating_ip"] == "198.51.100.77"
    assert msg["user_agent"] == "ExampleMail 3.2"
    assert msg["in_reply_to"] == "<prev@example.com>"
    assert msg["date_utc"] == "2024-05-14T07:12:39"
    assert msg["envelope_from"] is None
    assert msg["body_text"] == "Hi, training moves to Saturday. I coach the under-12 team.\n"


def test_html_only_body_is_stripped_not_run() -> None:
    msg = EmailMessage()
    msg["From"] = "a@example.org"
    msg.set_content(
        '<html><head><style>p{x}</style><script>fetch("http://x")</script></head>'
        '<body><p>See you&nbsp;at <a href="http://example.org">practice</a></p>'
        '<img src="http://198.51.100.1/t.gif"><div>Bring water</div></body></html>',
        subtype="html",
    )
    rows, _, _ = read(msg.as_bytes(), "m.eml")
    assert rows["mail_messages"][0]["body_text"] == "See you at practice\nBring water"


def test_bidi_attachment_name_is_kept_and_reported() -> None:
    msg = EmailMessage()
    msg["From"] = "a@example.org"
    msg.set_content("see attached")
    msg.add_attachment(
        b"MZ", maintype="application", subtype="octet-stream", filename="invoice\u202efdp.exe"
    )
    rows, _, problems = read(msg.as_bytes(), "m.eml")
    assert json.loads(str(rows["mail_messages"][0]["attachment_names"])) == ["invoice\u202efdp.exe"]
    (problem,) = problems
    assert (problem.kind, problem.severity) == ("bidi-filename", "warning")
    assert "\u202e" not in problem.message


def test_deep_nesting_is_capped() -> None:
    depth = 1000
    raw = b"From: a@example.org\nSubject: deep\nMIME-Version: 1.0\n"
    for i in range(depth):
        raw += b'Content-Type: multipart/mixed; boundary="b%d"\n\n--b%d\n' % (i, i)
    raw += b"Content-Type: text/plain\n\ninner\n" + b"".join(
        b"--b%d--\n" % i for i in reversed(range(depth))
    )
    rows, _, problems = read(raw, "deep.eml")
    (msg,) = rows["mail_messages"]
    assert msg["subject"] == "deep"
    assert msg["from_addr"] == "a@example.org"
    assert "nesting-too-deep" in {p.kind for p in problems}


def test_moderate_nesting_is_walked_to_the_cap() -> None:
    raw = b"From: a@example.org\nMIME-Version: 1.0\n"
    for i in range(80):
        raw += b'Content-Type: multipart/mixed; boundary="b%d"\n\n--b%d\n' % (i, i)
    raw += b"Content-Type: text/plain\n\ninner\n" + b"".join(
        b"--b%d--\n" % i for i in reversed(range(80))
    )
    rows, _, problems = read(raw, "deep.eml")
    assert "nesting-too-deep" in {p.kind for p in problems}
    assert rows["mail_messages"][0]["body_text"] is None


def test_bad_headers_and_dates_never_crash() -> None:
    raw = (
        b"From: =?utf-8?b?!!!not-base64?= <x@example.org>\n"
        b"To: =?x-unknown-charset?q?abc?= <y@example.org>, <<<>>>,,\n"
        b"Subject: =?utf-8?q?caf=C3?= \xff\xfe raw\n"
        b"Date: 31 Foo 2024 99:99:99 +9999\n"
        b"\nbody\n"
    )
    rows, _, problems = read(raw, "bad.eml")
    (msg,) = rows["mail_messages"]
    assert msg["from_addr"] == "x@example.org"
    assert msg["date_utc"] is None
    assert msg["date_raw"] == "31 Foo 2024 99:99:99 +9999"
    assert isinstance(msg["subject"], str)
    assert str(msg["subject"]).encode("utf-8")  # no surrogate escapes leak out
    kinds = {p.kind for p in problems}
    assert "bad-date" in kinds
    assert "bad-encoded-word" in kinds


def test_raw_utf8_attachment_name_is_decoded() -> None:
    raw = (
        b"From: a@example.org\nMIME-Version: 1.0\n"
        b'Content-Type: multipart/mixed; boundary="B"\n\n--B\nContent-Type: text/plain\n\nhi\n'
        b"--B\nContent-Type: application/pdf\n"
        b'Content-Disposition: attachment; filename="Pl\xc3\xa4ne.pdf"\n'
        b"Content-Transfer-Encoding: base64\n\nUERG\n--B--\n"
    )
    rows, _, _ = read(raw, "m.eml")
    msg = rows["mail_messages"][0]
    assert json.loads(str(msg["attachment_names"])) == ["Pläne.pdf"]
    assert json.loads(str(msg["attachment_sha256"])) == [hashlib.sha256(b"PDF").hexdigest()]
    assert msg["body_text"] == "hi"  # the CRLF before a boundary belongs to it


def test_message_without_headers() -> None:
    rows, _, problems = read(b"just some text\nwithout any header\n", "nohead.eml")
    (msg,) = rows["mail_messages"]
    assert msg["from_addr"] is None
    assert "no-headers" in {p.kind for p in problems}


def test_binary_is_not_mail() -> None:
    with pytest.raises(EvidenceFormatError):
        list(MailReader().read(io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00\x00"), SourceInfo("x.eml")))


def test_sniff(mbox_bytes: bytes) -> None:
    reader = MailReader()
    assert reader.sniff(mbox_bytes[:65536], SourceInfo("x")) >= 0.9
    assert reader.sniff(EML, SourceInfo("x")) >= 0.8
    assert reader.sniff(b"id,name\n1,a\n", SourceInfo("x.csv")) < 0.3
