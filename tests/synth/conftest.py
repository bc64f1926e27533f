"""One generated forum shared by the synth tests (generating takes seconds)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from safeguard import synth
from tests.synth.dumpparse import table_rows

MEMBERS = 600
SEED = 11


@pytest.fixture(scope="session")
def forum(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "forum"
    synth.generate(out, members=MEMBERS, seed=SEED)
    return out


@pytest.fixture(scope="session")
def truth(forum: Path) -> dict[str, list[dict[str, object]]]:
    return json.loads((forum / "truth.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def dump(forum: Path) -> dict[str, list[list[object]]]:
    """Rows of every table in forum.sql, parsed independently of the writer."""
    return table_rows((forum / "forum.sql").read_bytes())
