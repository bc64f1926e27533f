"""Language of an account's writing, with a bounded cost per account (``lingua``).

How it works, and what a caller must know:

- **Sampling.** At most ``max_snippets`` (default 8) of the account's texts are
  read, spread evenly over the list (pass them in time order), and of each only
  a snippet of about ``snippet_chars`` (default 48) letters taken from the *end*
  of the text: replies usually follow the text they quote, so the end is more
  often the member's own words. Words with digits, ``@`` or ``://`` (selectors,
  URLs) are dropped; texts with fewer than 20 letters are skipped. So one
  account costs at most ~8 detector calls (~1 ms), whatever it wrote.
- **Detector.** lingua in low-accuracy mode (trigram models only), restricted
  to ``DEFAULT_LANGUAGES``: the eight languages the forum is known to hold plus
  the main languages of every other country its members come from. Leaving a
  Latin-script language out is not a saving: a Danish or Turkish sentence is
  then confidently called German (measured), a false signal. Greek, Hebrew,
  Japanese and Russian cost almost nothing (lingua filters by script first).
- **Answer.** English is the lingua franca of an international forum, so a
  second language is what sets a member apart: ``language`` is the most-read
  non-English language when it holds at least ``MIN_SECOND_SHARE`` of the
  snippets, else the most-read language. ``confidence`` is that language's
  share of the snippets shrunk by n/(n+1) for n snippets (lingua's own
  per-snippet confidence is not used: it costs 40% more time and is near 1 on
  almost every snippet); ``shares`` gives the whole mix.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

DATA = Path(__file__).parent / "data" / "language_countries.csv"
FORUM_LANGUAGES = ("en", "de", "nl", "es", "it", "pl", "fr", "pt")
OTHER_LANGUAGES = ("ru", "tr", "sv", "da", "nb", "fi", "cs", "hu", "ro", "el", "he", "ja")
DEFAULT_LANGUAGES = FORUM_LANGUAGES + OTHER_LANGUAGES
LINGUA_FRANCA = "en"
MAX_SNIPPETS = 8
SNIPPET_CHARS = 48
MIN_LETTERS = 20  # below this lingua's trigram mode guesses (measured: 97% at 32 chars)
MIN_SECOND_SHARE = 0.2
_ROUNDS = 4  # tries per wanted snippet
_WINDOW = 6  # raw characters read per wanted snippet character (bounds hostile input)


@dataclass(frozen=True)
class LanguageGuess:
    """The language an account writes in (ISO 639-1), and how sure that is."""

    language: str
    confidence: float  # 0-1, see module docstring
    chars: int  # characters of snippet text analysed
    snippets: int  # texts analysed
    shares: dict[str, float]  # language -> share of decided snippets (sums to 1)

    @property
    def detail(self) -> str:
        """One line for ``account_signals.detail``."""
        mix = ", ".join(f"{k} {v:.0%}" for k, v in sorted(self.shares.items(), key=_by_share))
        return f"lingua on {self.snippets} snippets ({self.chars} chars): {mix}"


def _by_share(item: tuple[str, float]) -> tuple[float, str]:
    return (-item[1], item[0])


@cache
def detector(languages: tuple[str, ...] = DEFAULT_LANGUAGES) -> LanguageDetector:
    """A low-accuracy-mode lingua detector for ``languages`` (ISO 639-1), built once."""
    codes = [IsoCode639_1.from_str(code) for code in languages]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()


def snippet(text: str, chars: int = SNIPPET_CHARS) -> str | None:
    """About ``chars`` letters of words from the end of ``text``, None if too little."""
    words: list[str] = []
    size = 0
    for word in reversed(text[-chars * _WINDOW :].split()):
        if "@" in word or "://" in word or any(c.isdigit() for c in word):
            continue  # selectors and URLs are not language
        bare = word.strip("<>[](){}\"'*_-=#|~`")
        if not bare:
            continue
        words.append(bare)
        size += len(bare) + 1
        if size >= chars:
            break
    out = " ".join(reversed(words))
    return out if sum(c.isalpha() for c in out) >= MIN_LETTERS else None


def sample(texts: Sequence[str], snippets: int = MAX_SNIPPETS) -> list[str]:
    """Up to ``snippets`` snippets from texts spread evenly over ``texts``.

    Texts too short to judge are skipped and a neighbour tried instead, at most
    ``_ROUNDS`` times per snippet, so a million "+1" posts cost little.
    """
    n = len(texts)
    out: list[str] = []
    seen: set[int] = set()
    for r in range(_ROUNDS):
        for k in range(snippets):
            i = int((k + r / _ROUNDS) * n / snippets) if snippets else n
            if i >= n or i in seen or len(out) >= snippets:
                continue
            seen.add(i)
            cut = snippet(texts[i]) if isinstance(texts[i], str) else None
            if cut is not None:
                out.append(cut)
    return out


def guess_language(
    texts: Sequence[str], languages: tuple[str, ...] = DEFAULT_LANGUAGES
) -> LanguageGuess | None:
    """The language of one account's texts (posts, PMs); None if too little text."""
    cuts = sample(texts)
    if not cuts:
        return None
    found = [detector(languages).detect_language_of(c) for c in cuts]
    return _combine(cuts, [_code(lang) for lang in found])


def guess_languages(
    accounts: Sequence[Sequence[str]],
    languages: tuple[str, ...] = DEFAULT_LANGUAGES,
    snippets: int = MAX_SNIPPETS,
) -> list[LanguageGuess | None]:
    """``guess_language`` for many accounts in one lingua call (uses all cores).

    Feed batches of a few hundred accounts; lingua spreads the work over its
    thread pool (``RAYON_NUM_THREADS`` limits it).
    """
    cuts = [sample(texts, snippets) for texts in accounts]
    flat = [c for per in cuts for c in per]
    tops = [_code(lang) for lang in detector(languages).detect_languages_in_parallel_of(flat)]
    out: list[LanguageGuess | None] = []
    pos = 0
    for per in cuts:
        out.append(_combine(per, tops[pos : pos + len(per)]) if per else None)
        pos += len(per)
    return out


def _code(lang: Language | None) -> str | None:
    return lang.iso_code_639_1.name.lower() if lang is not None else None


def _combine(cuts: list[str], codes: list[str | None]) -> LanguageGuess | None:
    weight: dict[str, float] = defaultdict(float)
    for code in codes:
        if code is not None:  # None: lingua could not decide between languages
            weight[code] += 1.0
    total = sum(weight.values())
    if total <= 0:
        return None  # lingua found no language at all (e.g. only symbols)
    shares = {k: v / total for k, v in weight.items() if v > 0}
    foreign = [(v, k) for k, v in shares.items() if k != LINGUA_FRANCA]
    best = max(foreign) if foreign else (0.0, "")
    lang = best[1] if best[0] >= MIN_SECOND_SHARE else max(shares, key=shares.__getitem__)
    n = len(cuts)
    conf = shares[lang] * n / (n + 1)
    return LanguageGuess(lang, round(conf, 4), sum(len(c) for c in cuts), n, shares)


@cache
def language_countries(path: Path = DATA) -> dict[str, tuple[str, ...]]:
    """Language (ISO 639-1) → countries where it is a main language (ISO alpha-2)."""
    with path.open(encoding="utf-8", newline="") as f:
        return {row["language"]: tuple(row["countries"].split(";")) for row in csv.DictReader(f)}
