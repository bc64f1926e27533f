"""Column declarations of the synthetic mysqldump writer, as SHOW CREATE TABLE prints them."""

from __future__ import annotations

from safeguard.synth.mysqldump import _column


def test_explicit_default_null_stays_null() -> None:
    _, decl, default = _column("note", "varchar(20)", "DEFAULT NULL")
    assert decl == "`note` varchar(20) DEFAULT NULL"
    assert default == "NULL"


def test_lower_case_default_is_read() -> None:
    _, decl, default = _column("posts", "int(10)", "NOT NULL default '7'")
    assert decl == "`posts` int(10) NOT NULL DEFAULT '7'"
    assert default == "7"


def test_string_default_is_quoted_as_a_row_literal() -> None:
    _, _, default = _column("lang", "varchar(5)", "NOT NULL DEFAULT 'en'")
    assert default == "'en'"
