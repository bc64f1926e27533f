"""A cheap necessary condition for a text to hold any selector.

Most forum texts hold none. The ``extract`` stage asks the analysis engine
(RE2, multi-threaded) to pass on only texts matching :data:`TRIGGER`, and runs
the Python finder on those alone. The trigger must therefore match every text
in which :func:`safeguard.extract.find` can find something; it may let through
far more. Each alternative says which selectors need it:

- a digit: IPs, phones, ICQ, crypto and PGP fingerprints (in practice), Session
  IDs, WhatsApp/Signal/Discord handles with digits, leetspeak keywords;
- ``@`` (or full-width): e-mail, Jabber, Telegram ``@name``, leetspeak ``@``;
- a dot before a letter, or ``dot``/``d0t`` as a word, or a bracketed marker:
  domains, URLs, e-mail written as "name at host dot com";
- ``://``, ``live:`` and ``BEGIN PGP``: URLs, Skype live IDs, key blocks;
- a colon between hex digits or colons: IPv6 addresses such as ``::b``;
- a service keyword followed by a separator: handles of letters only
  (``kik: bobby``); ``!`` and ``$`` stand for i and s in leetspeak;
- a run of 25+ letters: a crypto address without a digit;
- look-alike characters (full-width forms, Cyrillic/Greek homoglyphs) that the
  de-obfuscator folds to ASCII.

The same pattern is valid for Python's ``re`` and for RE2 (tests check both
against the finder on the synthetic corpus and on the finder's own test cases).
"""

from __future__ import annotations

import re

from safeguard.extract.deobfuscate import _HOMOGLYPHS

_KEYWORDS = (
    "telegram", "tg", "tele", "icq", "jabber", "xmpp", "jid", "kik", "wickr",
    "threema", "signal", "discord", "snapchat", "skype", "session", "whats ?app", "wa",
)  # fmt: skip
_LEET_LETTERS = {"i": "i!", "s": "s$", "a": "a@"}
_SEPARATOR = r"[\s:=#<>\-–(\[]"


def _keyword(word: str) -> str:
    return "".join(f"[{re.escape(_LEET_LETTERS[c])}]" if c in _LEET_LETTERS else c for c in word)


_FULLWIDTH = "".join(chr(c) for c in range(0xFF01, 0xFF5F))
_LOOKALIKE = "[" + re.escape(_FULLWIDTH + "".join(_HOMOGLYPHS)) + "]"

TRIGGER = "(?i)" + "|".join(
    (
        r"[0-9]",
        "@",
        r"\.[a-z]",
        r"(?:^|[^a-z])d[o0]t(?:$|[^a-z])",
        r"[\[({<] {0,2}(?:at|4t|dot|d0t|\.) {0,2}[\])}>]",
        "://",
        "[0-9a-f:]:[0-9a-f:]",
        "live:",
        "begin pgp",
        "(?:" + "|".join(_keyword(k) for k in _KEYWORDS) + ")" + _SEPARATOR,
        "[a-z]{25}",
        _LOOKALIKE,
    )
)

_COMPILED = re.compile(TRIGGER)


def may_hold_selector(text: str) -> bool:
    """Python twin of the engine-side filter (same pattern)."""
    return _COMPILED.search(text) is not None
