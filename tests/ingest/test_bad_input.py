"""Bad evidence gets a clear, located error; good rows are kept; no traceback."""

import io
import subprocess
import sys
import zipfile

import pytest

from safeguard.evidence.register import add
from safeguard.ingest.runner import ingest
from tests.factories import new_case, write
from tests.support.phpbb_fixture import small_forum


def q(case, sql):
    with case.engine(read_only=True) as eng:
        return eng.fetchall(sql)


@pytest.mark.parametrize(
    "data",
    [b"", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, b"just some notes, not a dump\n" * 9],
    ids=["empty", "binary", "prose"],
)
def test_a_file_that_is_nothing_readable_is_reported_not_crashed(tmp_path, data):
    case = new_case(tmp_path)
    add(case, write(tmp_path / "x.bin", data), acquired_by="t", source="s")
    summary = ingest(case)
    assert not summary.ingested
    if summary.unreadable:  # no reader accepted it: the report says why
        assert q(case, "SELECT ingest_status FROM evidence") == [("unreadable",)]
        assert q(case, "SELECT count(*) FROM ingest_problems WHERE severity = 'error'")[0][0]
    else:  # a lenient reader (CSV) read it, but it is no forum: refused, nothing stored
        assert "no mapping fits" in next(iter(summary.failed.values()))
        assert q(case, "SELECT ingest_status FROM evidence") == [("pending",)]
        assert q(case, "SELECT count(*) FROM source_tables") == [(0,)]


def test_truncated_dump_keeps_complete_rows_and_reports_the_offset(tmp_path):
    data = small_forum().render()
    cut = data.index(b"(101,") + 20  # inside post 101
    case = new_case(tmp_path)
    add(case, write(tmp_path / "cut.sql", data[:cut]), acquired_by="t", source="s")
    summary = ingest(case)
    assert summary.ingested
    assert q(case, "SELECT source_post_id FROM posts") == [("100",)]
    problems = q(case, "SELECT kind, byte_offset FROM ingest_problems WHERE severity = 'error'")
    assert problems
    assert any(kind == "truncated" and 0 <= off <= cut for kind, off in problems)


def test_changed_evidence_is_refused_at_ingest(tmp_path):
    case = new_case(tmp_path)
    f = write(tmp_path / "forum.sql", small_forum().render())
    add(case, f, acquired_by="t", source="s")
    f.write_bytes(f.read_bytes() + b"-- appended later\n")
    summary = ingest(case)
    assert next(iter(summary.failed.values())).count("CHANGED") == 1
    assert q(case, "SELECT count(*) FROM accounts") == [(0,)]
    assert q(case, "SELECT ingest_status FROM evidence") == [("pending",)]


def test_zip_bomb_evidence_fails_cleanly(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("forum.sql", b"\0" * (64 * 1024 * 1024))
    case = new_case(tmp_path)
    add(case, write(tmp_path / "b.zip", buf.getvalue()), acquired_by="t", source="s")
    summary = ingest(case)
    assert "zip bomb" in next(iter(summary.failed.values()))


def test_zip_of_a_dump_is_read_in_place_with_member_provenance(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("backup/forum.sql", small_forum().render())
    case = new_case(tmp_path)
    add(case, write(tmp_path / "seized.zip", buf.getvalue()), acquired_by="t", source="s")
    ingest(case)
    assert q(case, "SELECT DISTINCT source_member FROM accounts") == [("backup/forum.sql",)]
    assert q(case, "SELECT count(*) FROM accounts") == [(4,)]


def test_cli_errors_are_one_clear_line_not_a_traceback(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "safeguard.cli", "ingest", str(tmp_path / "nope")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "not a case folder" in result.stderr
    assert "Traceback" not in result.stderr
