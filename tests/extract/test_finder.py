"""The finder: de-obfuscation, spans, robustness on arbitrary and hostile text."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safeguard.extract import all_types, find
from safeguard.extract.deobfuscate import rewrite

# (text, expected (type, normalised, method) triples)
DEOBFUSCATED = [
    ("mail bob.smith [at] gmx [dot] de", [("email", "bob.smith@gmx.de", "deobfuscated")]),
    ("mail bob at yahoo.co dot uk", [("email", "bob@yahoo.co.uk", "deobfuscated")]),
    ("mail bob(at)web(dot)de", [("email", "bob@web.de", "deobfuscated")]),
    ("ph0ne + 4 9 1 5 1 1 2 3 4 5 6 7 8", [("phone", "+4915112345678", "deobfuscated")]),
    ("1cq 123-456-789", [("icq", "123456789", "deobfuscated")]),
    ("t3l3gr4m @tiger_eagle_42", [("telegram", "@tiger_eagle_42", "deobfuscated")]),
    (
        "j4bb3r hans [at] jabber [dot] ccc [dot] de",
        [("jabber", "hans@jabber.ccc.de", "deobfuscated")],
    ),
    ("mail bоb@gmx.de", [("email", "bob@gmx.de", "deobfuscated")]),  # Cyrillic о
    (
        "phone ＋４９１５１１２３４５６７８",
        [("phone", "+4915112345678", "deobfuscated")],
    ),  # full-width
    (
        "session " + " ".join(("05" + "3a" * 32)[i : i + 11] for i in range(0, 66, 11)),
        [("session", "05" + "3a" * 32, "deobfuscated")],
    ),
    ("jabber <mailto:x1@jabber.ccc.de> x1@jabber.ccc.de", [("jabber", "x1@jabber.ccc.de", "text")]),
    ("we met at home on 2010-05-12 at 10 and 2008 2009", []),
    ("mail: john at gmail dot com", [("email", "john@gmail.com", "deobfuscated")]),
    # ordinary prose that looks like the bare "at … dot" form must not become an address
    ("I was at home dot it was fun", []),
    ("just look at google dot com", []),
    ("my telegram account was banned, skype me later, icq is dead", []),
    ("see readme.md and setup.py and 1.2.3", []),
    # bracketed dots alone (no "at"/"dot" word) are de-fanged hosts and addresses
    ("my site: fox12[.]example[.]org", [("domain", "fox12.example.org", "deobfuscated")]),
    ("my server ip: 78[.]46[.]77[.]111", [("ipv4", "78.46.77.111", "deobfuscated")]),
    # every group ends in a letter: the run still holds digits and must be joined
    (
        "s3ss10n 05bc3c8eeea 3611a141cbd 376798455da a3e16d3061c f7660da97cc 230167925ac",
        [
            (
                "session",
                "05bc3c8eeea3611a141cbd376798455daa3e16d3061cf7660da97cc230167925ac",
                "deobfuscated",
            )
        ],
    ),
]


def test_number_read_plain_survives_the_same_number_deobfuscated() -> None:
    # with region ZA the spaced digits parse as a phone in the plain pass; the
    # de-obfuscated WhatsApp match of the same number must not hide it as a "piece"
    text = "add me on wh4tsapp + 2 7 7 1 1 9 1 5 9 4 4"
    got = {(m.type, m.normalised) for m in find(text, region="ZA")}
    assert got == {("phone", "+27711915944"), ("whatsapp", "+27711915944")}


@pytest.mark.parametrize(("text", "expected"), DEOBFUSCATED)
def test_find_deobfuscated(text: str, expected: list[tuple[str, str, str]]) -> None:
    found = find(text)
    assert [(m.type, m.normalised, m.method) for m in found] == expected
    for m in found:
        assert text[m.start : m.end] == m.value
        assert m.confidence < 0.9 if m.method == "deobfuscated" else m.confidence >= 0.9


def test_rewrite_maps_spans_back() -> None:
    text = "x [at] y [dot] com and + 4 9 1"
    rw = rewrite(text)
    assert rw.changed
    assert rw.text == "x@y.com and +491"
    assert rw.span(0, 7) == (0, len("x [at] y [dot] com"), True)
    assert rw.span(8, 11) == (19, 22, False)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_finder_never_raises_and_spans_slice(text: str) -> None:
    for m in find(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.value


_PIECES = st.sampled_from(
    ["@", ".", " at ", " dot ", "[at]", "0", "5", " ", "-", "+", "a", "x", "05", "ff", "ｏ"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=80).map("".join))
def test_finder_on_selector_like_noise(text: str) -> None:
    for m in find(text):
        assert text[m.start : m.end] == m.value


ADVERSARIAL = {
    "a@ x 1MB": "a@" * 500_000,
    "200k dots": "." * 200_000,
    "[at] repeated": "[at]" * 100_000,
    "spaced digits": "1 " * 200_000,
    "one 1MB token": "a" * 1_000_000,
    "hex groups": "05ab " * 100_000,
    "dotted digits": "1." * 300_000,
    "colons": "a:" * 300_000,
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_each_type_is_linear_on_hostile_input(name: str) -> None:
    text = ADVERSARIAL[name]
    for kind in [*all_types(), *all_types("DE")]:
        t0 = time.process_time()
        for _ in kind.find(text):
            pass
        assert time.process_time() - t0 < 0.8, (name, kind.name)
    t0 = time.process_time()
    rewrite(text)
    assert time.process_time() - t0 < 0.8, (name, "rewrite")


WHOLE = {
    "many obfuscated addresses": ("bob [at] gmx [dot] de ", 20_000),
    "many spaced phones": ("+ 4 9 1 5 1 1 2 3 4 5 6 7 8 x ", 10_000),
    "homoglyph soup": ("ｍａｉｌ bоb@gmx.de ", 20_000),
}


@pytest.mark.parametrize("name", sorted(WHOLE))
def test_whole_finder_is_linear(name: str) -> None:
    unit, times = WHOLE[name]
    t0 = time.process_time()
    found = find(unit * times)
    assert time.process_time() - t0 < 3.0, name
    assert len(found) == times  # every occurrence, each once
    assert len({m.normalised for m in found}) == 1
