"""Tor exit lists supplied by the user (Tor Project CollecTor "exit-addresses" format).

A record looks like::

    ExitNode 0011BD2485AD45D984EC4159C88FC066E5E3300E
    Published 2022-12-31 17:14:31
    LastStatus 2022-12-31 18:02:32
    ExitAddress 162.247.74.201 2022-12-31 18:13:03

Each ``ExitAddress`` line is one observation: the relay was seen leaving the Tor
network from that address at that UTC time (the exit scanner's test). An address
counts as a Tor exit at time ``t`` when one of its observations lies within
``window`` of ``t`` (default ±2 days: exit lists are published hourly, but an
archive a user has may hold one list a day, and relays keep their address for
days to months). A line whose own time is missing falls back to the record's
``LastStatus``, then ``Published``, then the file's ``Downloaded`` header.

Files: one list per file or many concatenated, plain or ``.gz``/``.bz2``/``.xz``,
or CollecTor's monthly ``.tar``/``.tar.xz`` archives (read in memory, never
extracted). Unreadable lines are skipped and counted in :attr:`TorExits.problems`.
"""

from __future__ import annotations

import bisect
import bz2
import gzip
import io
import lzma
import tarfile
import zlib
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from safeguard.enrich.ipnet import parse_ip

DEFAULT_WINDOW = timedelta(days=2)
_MAX_LINE = 400  # real lines are under 100 characters


class TorExits:
    """Exit addresses with the UTC times each was seen, from a folder of lists."""

    def __init__(self, folder: Path | None = None, window: timedelta = DEFAULT_WINDOW) -> None:
        self.window = window
        self.files: list[str] = []
        self.problems: list[str] = []
        self._seen: dict[int, list[int]] = {}  # address as int -> sorted epoch seconds
        if folder is not None:
            for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
                self._read_file(path)
        for times in self._seen.values():
            times.sort()

    def __len__(self) -> int:
        return len(self._seen)

    def add_lines(self, lines: Iterable[str], source: str) -> None:
        """Parse lines of one exit list (also used by tests and by callers with lists in memory)."""
        parsed = 0
        for value, when in _observations(lines, source, self.problems):
            self._seen.setdefault(value, []).append(when)
            parsed += 1
        self.files.append(f"{source} ({parsed} exit observations)")

    def seen_near(self, value: int, t: datetime | None) -> datetime | None:
        """Nearest observation of address ``value`` within the window of ``t``, else None.

        ``t`` None (time of use unknown) returns the latest observation at all.
        Naive datetimes are taken as UTC.
        """
        times = self._seen.get(value)
        if not times:
            return None
        if t is None:
            return _utc(times[-1])
        x = int((t if t.tzinfo else t.replace(tzinfo=UTC)).timestamp())
        i = bisect.bisect_left(times, x)
        near = [times[j] for j in (i - 1, i) if 0 <= j < len(times)]
        best = min(near, key=lambda s: abs(s - x))
        return _utc(best) if abs(best - x) <= self.window.total_seconds() else None

    def _read_file(self, path: Path) -> None:
        try:
            if tarfile.is_tarfile(path):
                self._read_tar(path)
                return
            raw = _read_bytes(path)
        except (OSError, EOFError, ValueError, zlib.error, lzma.LZMAError, tarfile.TarError) as exc:
            self.problems.append(f"{path.name}: unreadable ({exc})")
            return
        self.add_lines(_text_lines(raw), path.name)

    def _read_tar(self, path: Path) -> None:
        with tarfile.open(path) as tar:
            for member in tar:
                f = tar.extractfile(member) if member.isfile() else None
                if f is not None:
                    self.add_lines(_text_lines(f.read()), f"{path.name}:{member.name}")


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, decompressed by suffix (.gz, .bz2, .xz)."""
    suffix = path.suffix.lower()
    if suffix == ".gz":
        return gzip.decompress(path.read_bytes())
    if suffix == ".bz2":
        return bz2.decompress(path.read_bytes())
    if suffix == ".xz":
        return lzma.decompress(path.read_bytes())
    return path.read_bytes()


def _text_lines(raw: bytes) -> Iterator[str]:
    return io.StringIO(raw.decode("utf-8", errors="replace"))


def _utc(epoch: int) -> datetime:
    return datetime.fromtimestamp(epoch, UTC)


def _when(parts: list[str]) -> int | None:
    """Epoch seconds of a 'YYYY-MM-DD HH:MM:SS' pair, or None."""
    if len(parts) < 2:
        return None
    try:
        return int(
            datetime.strptime(f"{parts[0]} {parts[1]}", "%Y-%m-%d %H:%M:%S")
            .replace(tzinfo=UTC)
            .timestamp()
        )
    except ValueError:
        return None


def _observations(
    lines: Iterable[str], source: str, problems: list[str]
) -> Iterator[tuple[int, int]]:
    """(address, epoch seconds) for each ExitAddress line; see the module doc for fallbacks."""
    downloaded = record_time = None
    for n, line in enumerate(lines, start=1):
        parts = line[:_MAX_LINE].split()
        if not parts:
            continue
        key, rest = parts[0], parts[1:]
        if key == "Downloaded":
            downloaded = _when(rest)
        elif key == "ExitNode":
            record_time = None
        elif key == "LastStatus":
            record_time = _when(rest) or record_time
        elif key == "Published" and record_time is None:
            record_time = _when(rest)
        elif key == "ExitAddress":
            ip = parse_ip(rest[0]) if rest else None
            when = _when(rest[1:]) or record_time or downloaded
            if ip is None or ip.value is None or when is None:
                problems.append(f"{source}:{n}: unreadable ExitAddress line")
                continue
            yield ip.value, when
