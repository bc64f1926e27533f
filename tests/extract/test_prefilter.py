"""The engine-side prefilter never hides a text the finder would find something in,
and the analysis engine (RE2) reads the pattern as Python does."""

from __future__ import annotations

import random

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safeguard.extract import find
from safeguard.extract.prefilter import TRIGGER, may_hold_selector
from safeguard.synth.wallets import key_block
from tests.extract.test_finder import DEOBFUSCATED
from tests.extract.test_types import FINDS

CASES = [text for _, text, _ in FINDS] + [text for text, _ in DEOBFUSCATED]
TRICKY = [  # each holds a selector (a test checks the finder finds it)
    "kik: bobby",  # letters only, keyword-introduced
    "k!k - bobby",  # leet keyword without a digit
    "skype live:somebody",
    "my key:\n" + key_block(random.Random(5), "someone <someone@example.org>", 1262304000),
    "name(at)host(dot)org",
    "ｎａｍｅ＠ｈｏｓｔ．ｏｒｇ",  # full width
    "mail: bob аt host dоt com",  # Cyrillic а and о
    "see forum.example.org",
    "tg: @river_fox",
]


@pytest.mark.parametrize("text", CASES)
def test_every_text_with_a_selector_passes(text: str) -> None:
    if find(text):  # the finder's own cases include texts with nothing to find
        assert may_hold_selector(text)


@pytest.mark.parametrize("text", TRICKY)
def test_selectors_without_digits_pass(text: str) -> None:
    assert find(text)
    assert may_hold_selector(text)


def test_plain_chatter_is_filtered_out() -> None:
    for text in ("Nice weather today, see you at the match!", "Wie geht es dir? Gut, danke."):
        assert not may_hold_selector(text)


_CON = duckdb.connect()


def _engine_says(texts: list[str]) -> list[bool]:
    rows = _CON.execute(
        "SELECT regexp_matches(t, ?) FROM unnest(?) WITH ORDINALITY AS u(t, i) ORDER BY i",
        [TRIGGER, texts],
    ).fetchall()
    return [bool(r[0]) for r in rows]


def test_engine_and_python_agree_on_the_cases() -> None:
    texts = CASES + TRICKY
    assert _engine_says(texts) == [may_hold_selector(t) for t in texts]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=60), min_size=1, max_size=20))
def test_engine_and_python_agree_on_random_text(texts: list[str]) -> None:
    assert _engine_says(texts) == [may_hold_selector(t) for t in texts]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abkit!$@.:0 -telgramsyp")), max_size=40))
def test_no_selector_text_escapes_the_filter(text: str) -> None:
    if find(text):
        assert may_hold_selector(text)
