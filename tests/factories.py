"""Small factories shared by tests."""

from __future__ import annotations

from pathlib import Path

from safeguard.case import Case, init_case


def new_case(tmp_path: Path, name: str = "case") -> Case:
    return init_case(tmp_path / name)


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
