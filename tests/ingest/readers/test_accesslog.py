"""Tests for the access-log reader: Apache documentation lines, bad lines, real nginx output."""

from __future__ import annotations

import base64
import io
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import pytest

from safeguard.exceptions import EvidenceFormatError
from safeguard.ingest.readers import accesslog, linestream
from safeguard.ingest.readers.accesslog import AccessLogReader
from safeguard.ingest.readers.base import Problem, RowBatch, SourceInfo, TableSchema

INFO = SourceInfo("access.log")
APACHE_COMBINED = (
    b'127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326 '
    b'"http://www.example.com/start.html" "Mozilla/4.08 [en] (Win98; I ;Nav)"'
)


def read(data: bytes) -> tuple[list[dict[str, object]], list[int], list[Problem]]:
    """Rows as dicts, their offsets, and the problems of reading ``data``."""
    rows: list[dict[str, object]] = []
    offsets: list[int] = []
    problems: list[Problem] = []
    for event in AccessLogReader().read(io.BytesIO(data), INFO):
        if isinstance(event, RowBatch):
            rows.extend(dict(zip(event.columns, row, strict=True)) for row in event.rows)
            offsets.extend(event.offsets)
        elif isinstance(event, Problem):
            problems.append(event)
    return rows, offsets, problems


APACHE_CASES = [
    pytest.param(
        b'127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326',
        {"client_ip": "127.0.0.1", "auth_user": "frank", "ident": None, "method": "GET",
         "path": "/apache_pb.gif", "protocol": "HTTP/1.0", "status": "200", "bytes": "2326",
         "time_utc": "2000-10-10T20:55:36", "utc_offset": "-0700", "referer": None,
         "user_agent": None, "vhost": None, "extra": None},
        id="apache-common",
    ),
    pytest.param(
        APACHE_COMBINED,
        {"referer": "http://www.example.com/start.html",
         "user_agent": "Mozilla/4.08 [en] (Win98; I ;Nav)",
         "time_raw": "10/Oct/2000:13:55:36 -0700", "forwarded_for": None},
        id="apache-combined",
    ),
    pytest.param(
        b"www.example.com:443 " + APACHE_COMBINED,
        {"vhost": "www.example.com:443", "client_ip": "127.0.0.1", "auth_user": "frank"},
        id="vhost-combined",
    ),
    pytest.param(
        b'2001:DB8:0:0::7 - - [01/Jan/2024:00:30:00 +0100] "POST /login.php HTTP/2.0" 302 - '
        b'"-" "curl/8.5.0" "198.51.100.7, 10.0.0.2" 0.012 upstream=1',
        {"client_ip": "2001:db8::7", "client_raw": None, "time_utc": "2023-12-31T23:30:00",
         "bytes": None, "referer": None, "forwarded_for": "198.51.100.7, 10.0.0.2",
         "extra": "0.012 upstream=1", "status": "302"},
        id="nginx-ipv6-forwarded-extra",
    ),
    pytest.param(
        b'host.example.net - - [05/Mar/2023:07:01:02 +0000] "GET /a\\"b\\\\c HTTP/1.1" 200 5',
        {"client_ip": None, "client_raw": "host.example.net", "path": '/a"b\\c'},
        id="hostname-and-apache-escapes",
    ),
    pytest.param(
        b'192.0.2.1 - - [05/Mar/2023:07:01:02 +0000] "\\x16\\x03\\x01" 400 150 "-" "-"',
        {"method": None, "path": None, "request": "\x16\x03\x01", "status": "400"},
        id="tls-on-http-port",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("line", "expected"), APACHE_CASES)
def test_documented_line_shapes(line: bytes, expected: dict[str, object]) -> None:
    rows, offsets, problems = read(line + b"\n")
    assert offsets == [0]
    assert problems == []
    assert {k: rows[0][k] for k in expected} == expected


def test_offsets_row_numbers_and_crlf() -> None:
    first = APACHE_COMBINED + b"\r\n"
    data = first + b"\n" + APACHE_COMBINED + b"\n" + APACHE_COMBINED  # no final newline
    events = list(AccessLogReader().read(io.BytesIO(data), INFO))
    assert isinstance(events[0], TableSchema)
    batch = events[1]
    assert isinstance(batch, RowBatch)
    assert batch.offsets == [0, len(first) + 1, len(first) + 2 + len(APACHE_COMBINED)]
    assert batch.row_numbers == [0, 1, 2]
    assert all(row[batch.columns.index("extra")] is None for row in batch.rows)


def test_daylight_saving_change_uses_each_line_offset() -> None:
    data = (
        b'192.0.2.1 - - [26/Mar/2023:01:59:59 +0100] "GET / HTTP/1.1" 200 1\n'
        b'192.0.2.1 - - [26/Mar/2023:03:00:00 +0200] "GET / HTTP/1.1" 200 1\n'
    )
    rows, _, _ = read(data)
    assert [r["time_utc"] for r in rows] == ["2023-03-26T00:59:59", "2023-03-26T01:00:00"]


def test_cr_and_ansi_cannot_forge_a_line() -> None:
    forged = (
        b'203.0.113.9 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.1" 200 1 "-" '
        b'"x\r198.51.100.1 - admin [10/Oct/2000:13:55:37 -0700] \x1b[2K\x1b[1A"\n'
    )
    rows, _, problems = read(forged)
    assert len(rows) == 1
    assert rows[0]["client_ip"] == "203.0.113.9"
    assert (
        rows[0]["user_agent"]
        == "x\r198.51.100.1 - admin [10/Oct/2000:13:55:37 -0700] \x1b[2K\x1b[1A"
    )
    assert problems == []


def test_bad_lines_are_reported_and_skipped() -> None:
    good = APACHE_COMBINED + b"\n"
    missing = b'127.0.0.1 - - "GET / HTTP/1.0" 200\n'
    no_zone = b'127.0.0.1 - - [10/Oct/2000:13:55:36] "GET / HTTP/1.0" 200 1\n'
    zone_id = b'fe80::1%eth0 - - [10/Oct/2000:13:55:36 +0000] "GET / HTTP/1.0" 200 1\n'
    nul = b'127.0.0.1 - - [10/Oct/2000:13:55:36 +0000] "GET /\x00 HTTP/1.0" 200 1\n'
    latin1 = b'127.0.0.1 - - [10/Oct/2000:13:55:36 +0000] "GET /caf\xe9 HTTP/1.0" 200 1\n'
    data = good + missing + no_zone + zone_id + nul + latin1 + good
    rows, offsets, problems = read(data)
    assert len(rows) == 6
    kinds = {(p.kind, p.offset) for p in problems}
    start = len(good)
    assert ("malformed-line", start) in kinds
    start += len(missing)
    assert ("bad-time", start) in kinds
    assert rows[1]["time_utc"] is None
    assert rows[1]["time_raw"] == "10/Oct/2000:13:55:36"
    start += len(no_zone)
    assert ("bad-ip", start) in kinds
    assert (rows[2]["client_ip"], rows[2]["client_raw"]) == ("fe80::1", "fe80::1%eth0")
    start += len(zone_id)
    assert ("nul-byte", start) in kinds
    assert rows[3]["path"] == "/\ufffd"
    assert ("encoding", start + len(nul)) in kinds
    assert rows[4]["path"] == "/caf\ufffd"
    assert offsets[-1] == len(data) - len(good)


def test_many_bad_lines_are_aggregated() -> None:
    data = APACHE_COMBINED + b"\n" + b"junk line\n" * 50
    _, _, problems = read(data)
    malformed = [p for p in problems if p.kind == "malformed-line"]
    assert len(malformed) == 21
    assert malformed[-1].count == 30
    assert sum(p.count for p in malformed) == 50


class _Endless(io.RawIOBase):
    """A stream of one 100 MB line then a good line, produced lazily."""

    def __init__(self, size: int, tail: bytes) -> None:
        self.left = size
        self.tail = tail

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self.left <= 0:
            n = min(len(buffer), len(self.tail))
            buffer[:n] = self.tail[:n]
            self.tail = self.tail[n:]
            return n
        n = min(len(buffer), self.left)
        buffer[:n] = b"A" * n
        self.left -= n
        return n


def test_hundred_megabyte_line_is_skipped() -> None:
    size = 100 * 1024 * 1024
    stream = io.BufferedReader(_Endless(size, b"\n" + APACHE_COMBINED + b"\n"), 1 << 20)
    events = list(AccessLogReader().read(stream, INFO))
    problems = [e for e in events if isinstance(e, Problem)]
    batches = [e for e in events if isinstance(e, RowBatch)]
    assert [(p.kind, p.offset) for p in problems] == [("line-too-long", 0)]
    assert batches[0].offsets == [size + 1]


def test_batches_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accesslog, "BATCH_ROWS", 3)
    events = list(AccessLogReader().read(io.BytesIO((APACHE_COMBINED + b"\n") * 7), INFO))
    sizes = [len(e.rows) for e in events if isinstance(e, RowBatch)]
    assert sizes == [3, 3, 1]


def test_not_an_access_log_raises_before_rows() -> None:
    with pytest.raises(EvidenceFormatError):
        list(AccessLogReader().read(io.BytesIO(b"CREATE TABLE t (a int);\n" * 100), INFO))


def test_sniff() -> None:
    reader = AccessLogReader()
    assert reader.sniff((APACHE_COMBINED + b"\n") * 5, INFO) > 0.9
    assert reader.sniff(b"-- MySQL dump\nCREATE TABLE t (a int);\n", INFO) == 0.0
    assert reader.sniff(b'{"a": 1}\n', INFO) == 0.0


# --- real nginx output -------------------------------------------------------------------------


def _nginx() -> str:
    """Path of nginx, installing it with apt if needed; skip if impossible."""
    found = shutil.which("nginx") or (Path("/usr/sbin/nginx").exists() and "/usr/sbin/nginx")
    if not found and shutil.which("apt-get"):
        install = ["apt-get", "install", "-y", "-qq", "nginx-light"]
        if subprocess.run(install, check=False, capture_output=True).returncode != 0:
            subprocess.run(["apt-get", "update", "-qq"], check=False, capture_output=True)
            subprocess.run(install, check=False, capture_output=True)
        found = shutil.which("nginx") or (Path("/usr/sbin/nginx").exists() and "/usr/sbin/nginx")
    if not found:
        pytest.skip("nginx is not installed and apt-get could not install it")
    return str(found)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


NGINX_CONF = """
daemon off;
user root;
worker_processes 1;
pid {d}/nginx.pid;
error_log {d}/error.log;
events {{ worker_connections 64; }}
http {{
    client_body_temp_path {d}/body; proxy_temp_path {d}/proxy;
    fastcgi_temp_path {d}/fcgi; uwsgi_temp_path {d}/uwsgi; scgi_temp_path {d}/scgi;
    log_format withxff '$remote_addr - $remote_user [$time_local] "$request" '
                       '$status $body_bytes_sent "$http_referer" "$http_user_agent" '
                       '"$http_x_forwarded_for" $request_time';
    access_log {d}/access.log combined;
    access_log {d}/xff.log withxff;
    server {{
        listen 127.0.0.1:{port};
        large_client_header_buffers 4 16k;
        location / {{ return 200 "ok"; }}
    }}
}}
"""

REQUESTS = [
    ("/plain", {"User-Agent": "SafeguardTest/1.0"}),
    ('/caf%C3%A9/x?q=a%20b&quote="yes"', {"User-Agent": 'Odd "quoted" agent \\ back'}),
    ("/" + "long" * 2000, {"User-Agent": "caf\u00e9-agent".encode().decode("latin-1")}),
    (
        "/login",
        {
            "User-Agent": "x\x1b[31mred",
            "Referer": "https://forum.example/index.php?sid=1",
            "X-Forwarded-For": "198.51.100.23, 10.1.2.3",
            "Authorization": "Basic " + base64.b64encode(b"alice:pw").decode(),
        },
    ),
]


@pytest.mark.slow
def test_real_nginx_combined_log(tmp_path: Path) -> None:
    nginx = _nginx()
    port = _free_port()
    (tmp_path / "nginx.conf").write_text(NGINX_CONF.format(d=tmp_path, port=port))
    proc = subprocess.Popen(
        [nginx, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(port)
        for path, headers in REQUESTS:
            request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers)
            with urllib.request.urlopen(request, timeout=10) as response:
                assert response.read() == b"ok"
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    for log in ("access.log", "xff.log"):
        rows, _, problems = read((tmp_path / log).read_bytes())
        assert problems == []
        _check_rows(rows, forwarded=log == "xff.log")


def _wait_for(port: int) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("nginx did not start")


def _check_rows(rows: list[dict[str, object]], forwarded: bool) -> None:
    assert [r["path"] for r in rows] == [p for p, _ in REQUESTS]
    expected_agents = [
        "SafeguardTest/1.0",
        'Odd "quoted" agent \\ back',
        "caf\u00e9-agent",
        "x\x1b[31mred",
    ]
    assert [r["user_agent"] for r in rows] == expected_agents
    now = datetime.now(UTC).replace(tzinfo=None)
    for row in rows:
        assert row["client_ip"] == "127.0.0.1"
        assert (row["method"], row["protocol"], row["status"], row["bytes"]) == (
            "GET", "HTTP/1.1", "200", "2",
        )  # fmt: skip
        stamp = datetime.fromisoformat(str(row["time_utc"]))
        assert abs((now - stamp).total_seconds()) < 600
    assert rows[3]["referer"] == "https://forum.example/index.php?sid=1"
    assert rows[3]["auth_user"] == "alice"
    assert rows[0]["referer"] is None
    assert rows[0]["auth_user"] is None
    if forwarded:
        assert rows[3]["forwarded_for"] == "198.51.100.23, 10.1.2.3"
        assert rows[0]["forwarded_for"] is None
        assert all(str(r["extra"]).replace(".", "").isdigit() for r in rows)
    else:
        assert all(r["forwarded_for"] is None and r["extra"] is None for r in rows)


@pytest.mark.parametrize("chunk", [1, 2, 5, 64])
def test_line_blocks_match_a_plain_split(chunk: int) -> None:
    data = b"ab\n\ncdefghijklmnop\nq\r\nrstuvwxyz0123456789\nend"
    expected, offset = [], 0
    for line in data.split(b"\n"):
        expected.append((offset, line[:8], len(line)))
        offset += len(line) + 1
    got = []
    for start, block, size in linestream.iter_line_blocks(io.BytesIO(data), 8, chunk):
        if size:
            got.append((start, block, size))
            continue
        at = start
        for line in block.removesuffix(b"\n").split(b"\n"):
            got.append((at, line[:8], len(line)))
            at += len(line) + 1
    assert got == expected
    assert list(linestream.iter_lines(io.BytesIO(data), 8, chunk)) == expected


def test_fast_and_careful_paths_agree() -> None:
    plain = APACHE_COMBINED + b"\n"
    careful = APACHE_COMBINED.replace(b"/apache_pb.gif", b"/caf\xc3\xa9") + b"\n"
    rows, offsets, _ = read(plain + careful + b"junk\n" + plain)
    assert [r["path"] for r in rows] == ["/apache_pb.gif", "/caf\u00e9", "/apache_pb.gif"]
    assert offsets == [0, len(plain), len(plain) + len(careful) + 5]
    assert rows[0] == rows[2]
