"""A case built from a generated synthetic forum, for the tests of later stages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from safeguard import synth
from safeguard.case import Case, init_case
from safeguard.evidence import register
from safeguard.ingest.runner import ingest


def build(root: Path, *, members: int, seed: int, software: str = "phpbb3") -> Case:
    """Generate a forum into ``root/forum``, register its four files in a case at
    ``root/case`` and ingest them."""
    forum = root / "forum"
    synth.generate(forum, members=members, seed=seed, software=software)
    case = init_case(root / "case")
    files = [forum / "forum.sql", forum / "access.log", forum / "mail.mbox"]
    for f in [*files, forum / "other" / "mailbox.mbox"]:
        register.add(case, f, acquired_by="test", source="synthetic forum")
    ingest(case)
    return case


def copy_case(case: Case, dest: Path) -> Case:
    """A copy of a case folder (evidence stays referenced where it is)."""
    import shutil

    from safeguard.case import open_case

    shutil.copytree(case.root, dest)
    return open_case(dest)


def ingest_dump(root: Path, dump: Path) -> Case:
    """A case at ``root/case`` holding only ``dump``, ingested (fails if ingest fails)."""
    case = init_case(root / "case")
    register.add(case, dump, acquired_by="tester", source="synthetic forum")
    summary = ingest(case)
    assert summary.failed == {}, summary.failed
    return case


def query(case: Case, sql: str) -> list[tuple[Any, ...]]:
    """Rows of a read-only query on the case's analysis store."""
    with case.engine(read_only=True) as eng:
        return eng.fetchall(sql)
