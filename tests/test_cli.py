"""The CLI is a thin layer: commands work, are documented, and fail cleanly."""

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from safeguard.cli import app
from safeguard.settings import settings_markdown
from tests.factories import write
from tests.support.phpbb_fixture import small_forum

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def case(tmp_path):
    c = tmp_path / "op"
    assert invoke("case", "init", c).exit_code == 0
    dump = write(tmp_path / "forum.sql", small_forum().render())
    added = invoke("evidence", "add", c, dump, "--acquired-by", "DC X", "--source", "img 1")
    assert added.exit_code == 0, added.output
    assert invoke("run", c).exit_code == 0
    return c


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text("utf-8")
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    names += [g.name for g in app.registered_groups]
    for name in names:
        assert f"safeguard {name}" in readme, f"`safeguard {name}` is not in the README"


def test_settings_doc_is_current():
    assert (ROOT / "docs" / "settings.md").read_text("utf-8") == settings_markdown()


def test_query_formats(case):
    out = invoke("query", case, "SELECT username FROM accounts ORDER BY 1", "--format", "json")
    assert [r["username"] for r in json.loads(out.output)][:2] == [
        "'); DROP TABLE users;--",
        "admin_anna",
    ]
    csv_out = invoke("query", case, "SELECT '=1+1' AS f", "--format", "csv").output
    assert csv_out.splitlines() == ["f", "'=1+1"]


@pytest.mark.parametrize(
    "sql",
    [
        "DELETE FROM accounts",
        "DROP TABLE posts",
        "COPY accounts TO '/tmp/leak.csv'",
        "SELECT * FROM read_csv('/etc/passwd')",
        "ATTACH '/tmp/other.duckdb' AS o",
        "SET enable_external_access = true",
    ],
)
def test_query_is_read_only_and_cannot_touch_files(case, sql):
    result = runner.invoke(app, ["query", str(case), sql])
    assert result.exit_code != 0
    assert (
        invoke(
            "query", case, "SELECT count(*) AS n FROM accounts", "--format", "json"
        ).output.count('"n": 4')
        == 1
    )


def test_stats_and_evidence_verify(case):
    out = invoke("stats", case).output
    assert re.search(r"accounts\s*│\s*4", out)
    assert invoke("evidence", "verify", case).exit_code == 0
    assert "intact" in invoke("audit", "verify", case).output


def test_duplicate_evidence_via_cli_is_refused(case, tmp_path):
    again = write(tmp_path / "copy.sql", small_forum().render())
    result = runner.invoke(
        app, ["evidence", "add", str(case), str(again), "--acquired-by", "x", "--source", "y"]
    )
    assert result.exit_code != 0
