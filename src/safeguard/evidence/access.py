"""Reading evidence in place: plain, gzip, zip and tar, without writing anything.

Evidence is opened read-only and is never extracted to disk. Each *unit* is a
stream a reader can parse: the file itself, the decompressed gzip stream, or
one archive member (a ``.gz`` member inside a tar, as in a Discourse backup,
is decompressed too). Byte offsets reported by readers are offsets in the
unit's decompressed stream.

Archive guards (ASVS 5.2.3, 5.3.3): member count, total uncompressed size and
per-member compression ratio are checked *before* reading; absolute paths,
``..`` components, links and device files are refused; reading stops at the
declared size, so a member that lies about its size cannot inflate further.
"""

from __future__ import annotations

import gzip
import io
import tarfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, BinaryIO

from safeguard.exceptions import UnsafeArchiveError
from safeguard.settings import Settings

GZIP_MAGIC = b"\x1f\x8b"
ZIP_MAGIC = b"PK\x03\x04"


def detect_container(path: Path) -> str:
    """plain, gzip, zip or tar, from the bytes (not the name)."""
    with path.open("rb") as fh:
        head = fh.read(512)
    if head.startswith(GZIP_MAGIC):
        return "tar" if _is_tar(_gunzip_head(path)) else "gzip"
    if head.startswith(ZIP_MAGIC):
        return "zip"
    if _is_tar(head):
        return "tar"
    return "plain"


def _is_tar(head: bytes) -> bool:
    return len(head) >= 262 and head[257:262] == b"ustar"


def _gunzip_head(path: Path) -> bytes:
    try:
        with gzip.open(path, "rb") as fh:
            return fh.read(512)
    except (OSError, EOFError):
        return b""


@dataclass(frozen=True, slots=True)
class Unit:
    """One readable stream inside an evidence item."""

    member: str  # '' for the item itself
    size: int | None  # decompressed size when known


class _Limited(io.RawIOBase):
    """Raise once more than ``limit`` bytes come out of ``inner`` (bomb guard)."""

    def __init__(self, inner: IO[bytes], limit: int, what: str) -> None:
        self.inner, self.limit, self.what, self.count = inner, limit, what, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self.inner.read(len(buffer))
        self.count += len(data)
        if self.count > self.limit:
            raise UnsafeArchiveError(
                f"{self.what}: more than {self.limit} bytes once decompressed; refused as a "
                "possible decompression bomb (raise SAFEGUARD_MAX_UNCOMPRESSED_BYTES if genuine)"
            )
        buffer[: len(data)] = data
        return len(data)


def _safe_member_name(name: str) -> bool:
    pure = PurePosixPath(name.replace("\\", "/"))
    drive = pure.parts[0] if pure.parts else ""
    return (
        bool(pure.parts) and not pure.is_absolute() and ".." not in pure.parts and ":" not in drive
    )


def list_units(path: Path, settings: Settings) -> list[Unit]:
    """The readable units of an item, after the archive guards."""
    container = detect_container(path)
    if container in ("plain", "gzip"):
        return [Unit("", path.stat().st_size if container == "plain" else None)]
    if container == "zip":
        return _zip_units(path, settings)
    return _tar_units(path, settings)


def _zip_units(path: Path, settings: Settings) -> list[Unit]:
    with zipfile.ZipFile(path) as zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        _check_count(path, len(infos), settings)
        total = 0
        for info in infos:
            if not _safe_member_name(info.filename):
                raise UnsafeArchiveError(f"{path.name}: unsafe member path {info.filename!r}")
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > settings.max_archive_ratio and info.file_size > 1024 * 1024:
                raise UnsafeArchiveError(
                    f"{path.name}: member {info.filename!r} expands {ratio:.0f}x "
                    f"(limit {settings.max_archive_ratio}x); refused as a possible zip bomb"
                )
            total += info.file_size
        _check_total(path, total, settings)
        return sorted((Unit(i.filename, i.file_size) for i in infos), key=lambda u: u.member)


def _tar_units(path: Path, settings: Settings) -> list[Unit]:
    with tarfile.open(path, "r:*") as tf:
        members = tf.getmembers()
        _check_count(path, len(members), settings)
        units = []
        for m in members:
            if m.isdir():
                continue
            if not m.isfile():
                raise UnsafeArchiveError(f"{path.name}: member {m.name!r} is a link or device")
            if not _safe_member_name(m.name):
                raise UnsafeArchiveError(f"{path.name}: unsafe member path {m.name!r}")
            units.append(Unit(m.name, m.size))
        _check_total(path, sum(u.size or 0 for u in units), settings)
        return sorted(units, key=lambda u: u.member)


def _check_count(path: Path, n: int, settings: Settings) -> None:
    if n > settings.max_archive_members:
        raise UnsafeArchiveError(
            f"{path.name}: {n} members (limit {settings.max_archive_members}); refused"
        )


def _check_total(path: Path, total: int, settings: Settings) -> None:
    if total > settings.max_uncompressed_bytes:
        raise UnsafeArchiveError(
            f"{path.name}: {total} bytes uncompressed (limit {settings.max_uncompressed_bytes})"
        )


@contextmanager
def open_unit(path: Path, unit: Unit, settings: Settings) -> Iterator[BinaryIO]:
    """A read-only binary stream of ``unit``'s decompressed bytes."""
    container = detect_container(path)
    limit = settings.max_uncompressed_bytes
    with path.open("rb") as raw:
        if container == "plain":
            yield raw
        elif container == "gzip":
            yield _gunzip(raw, limit, path.name)
        elif container == "zip":
            with zipfile.ZipFile(raw) as zf, zf.open(unit.member) as member:
                yield _maybe_gunzip(_limited(member, unit.size, path.name), limit, unit.member)
        else:
            with tarfile.open(fileobj=raw, mode="r:*") as tf:
                extracted = tf.extractfile(unit.member)
                if extracted is None:
                    raise UnsafeArchiveError(f"{path.name}: {unit.member!r} is not a file")
                yield _maybe_gunzip(_limited(extracted, unit.size, path.name), limit, unit.member)


def _limited(stream: IO[bytes], size: int | None, what: str) -> BinaryIO:
    limit = (size or 0) + 1  # a member may not produce more than it declared
    return io.BufferedReader(_Limited(stream, limit, what), buffer_size=1024 * 1024)


def _gunzip(raw: BinaryIO, limit: int, what: str) -> BinaryIO:
    inner = gzip.GzipFile(fileobj=raw, mode="rb")
    return io.BufferedReader(_Limited(inner, limit, what), buffer_size=1024 * 1024)  # type: ignore[arg-type]


def _maybe_gunzip(stream: BinaryIO, limit: int, what: str) -> BinaryIO:
    head = stream.peek(2)[:2] if isinstance(stream, io.BufferedReader) else b""
    return _gunzip(stream, limit, what) if head == GZIP_MAGIC else stream
