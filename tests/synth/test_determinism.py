"""Same seed → byte-identical output; another seed → different output."""

from __future__ import annotations

from pathlib import Path

import pytest

from safeguard import synth


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_same_seed_gives_identical_bytes(tmp_path: Path) -> None:
    a = _files(synth.generate(tmp_path / "a", members=150, seed=5).parent)
    b = _files(synth.generate(tmp_path / "b", members=150, seed=5).parent)
    assert set(a) == {"forum.sql", "access.log", "mail.mbox", "other/mailbox.mbox", "truth.json"}
    assert a == b


def test_other_seed_differs(tmp_path: Path) -> None:
    a = _files(synth.generate(tmp_path / "a", members=150, seed=5).parent)
    c = _files(synth.generate(tmp_path / "c", members=150, seed=6).parent)
    assert a["forum.sql"] != c["forum.sql"]
    assert a["truth.json"] != c["truth.json"]


def test_regenerating_into_same_folder_replaces_files(tmp_path: Path) -> None:
    first = _files(synth.generate(tmp_path, members=150, seed=5).parent)
    again = _files(synth.generate(tmp_path, members=150, seed=5).parent)
    assert first == again  # mailboxes are not appended to


def test_rejects_unknown_software(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="software"):
        synth.generate(tmp_path, members=100, seed=1, software="nope")
    assert "phpbb3" in synth.SOFTWARES


def test_identical_across_processes_with_different_hash_seeds(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    code = (
        "import sys; from pathlib import Path; from safeguard import synth; "
        "synth.generate(Path(sys.argv[1]), members=100, seed=8, software='smf2')"
    )
    for n in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": n}
        subprocess.run([sys.executable, "-c", code, str(tmp_path / n)], check=True, env=env)
    assert _files(tmp_path / "1") == _files(tmp_path / "2")
