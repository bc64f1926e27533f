"""Normalising the identifiers that identity resolution compares.

Pure functions, no I/O; docs/resolution.md lists the rules. Each returns
``None`` when nothing comparable is left (a value too short to mean anything
must not make two accounts look alike).
"""

from __future__ import annotations

import re
import unicodedata

# Providers that ignore dots in the local part (Gmail only, and its old domain).
_DOTLESS = {"gmail.com"}
_DOMAIN_ALIASES = {"googlemail.com": "gmail.com"}
# Digit/symbol substitutions used in usernames (m1ke, st0ne, d4rk, $am).
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t",
                       "8": "b", "9": "g", "@": "a", "$": "s", "!": "i", "|": "i"})  # fmt: skip
_TRAILING = re.compile(r"[\W_\d]+$")
_SEPARATORS = re.compile(r"[\s._\-]+")
_NON_ALNUM = re.compile(r"[\W_]+")
_SHAPE_SEP = re.compile(r"[\s._\-]+")
_NON_SHAPE = re.compile(r"[^\w.]+")
_NON_ALPHA = re.compile(r"[^a-z]+")
_HEX = re.compile(r"[0-9a-f]+")
MIN_NAME = 3


def _fold(value: str) -> str:
    return unicodedata.normalize("NFKC", value).strip().casefold()


def email_norm(email: str | None) -> str | None:
    """``local@domain`` lower-cased, ``+tag`` and Gmail dots dropped; None if no address."""
    if not email:
        return None
    text = _fold(email)
    local, sep, domain = text.rpartition("@")
    if not sep or not local or "." not in domain:
        return None
    domain = _DOMAIN_ALIASES.get(domain, domain)
    local = local.split("+", 1)[0]  # sub-addressing: same mailbox
    if domain in _DOTLESS:
        local = local.replace(".", "")
    return f"{local}@{domain}" if local else None


def email_local_norm(email: str | None) -> str | None:
    """The letters of the local part after undoing leetspeak (``mike.fox1975`` → ``mikefox``)."""
    norm = email_norm(email)
    if norm is None:
        return None
    local = norm.rpartition("@")[0]
    return _letters(_TRAILING.sub("", local).translate(_LEET))


def username_norm(username: str | None) -> str | None:
    """Lower case, trailing digits and separators dropped, leetspeak undone.

    ``Mike_Fox1975``, ``m1ke.f0x`` and ``mike-fox_`` all give ``mikefox``; an
    address (a mailbox identity's name) gives its local part's name.
    """
    if not username:
        return None
    text = _fold(username)
    if "@" in text:  # a mailbox identity's name is its address: use the local part
        text = text.rpartition("@")[0].split("+", 1)[0]
    text = _TRAILING.sub("", text)
    text = _SEPARATORS.sub("", text).translate(_LEET)
    text = _NON_ALNUM.sub("", text)
    return text if len(text) >= MIN_NAME else None


def username_shape(username: str | None) -> str | None:
    """The username as its owner writes it: like :func:`username_norm` but the
    separators inside the name are kept, each run as one ``_`` or ``.``.

    People keep their habit (``mike_fox`` on one account, ``Mike_Fox1975`` on the
    next); a namesake who writes ``mikefox`` or ``mike.fox`` is less likely the
    same man. An address's local part counts the same way.
    """
    if not username:
        return None
    text = _fold(username)
    if "@" in text:
        text = text.rpartition("@")[0].split("+", 1)[0]
    text = _TRAILING.sub("", text).translate(_LEET)
    text = _SHAPE_SEP.sub(lambda m: "_" if "_" in m.group() or "-" in m.group() else ".", text)
    text = _NON_SHAPE.sub("", text)
    return text if len(_NON_ALNUM.sub("", text)) >= MIN_NAME else None


def _letters(text: str) -> str | None:
    out = _NON_ALPHA.sub("", text)
    return out if len(out) >= MIN_NAME else None


def unsalted_hash(password_hash: str | None, scheme: str | None) -> str | None:
    """The hash when equal hashes mean equal passwords across accounts, else None.

    Only plain MD5/SHA-1/SHA-256 hex without a salt qualifies (ingest names
    them ``md5-unsalted`` …). phpass, bcrypt, argon2 and every salted scheme
    give a different hash for the same password, so equality there only finds
    copies of one account and is not used.
    """
    if not password_hash:
        return None
    value = password_hash.strip().lower()
    if scheme is not None:
        if not scheme.endswith("-unsalted") or scheme.startswith("unknown"):
            return None
    elif ":" in value:
        return None
    if len(value) not in (32, 40, 64) or not _HEX.fullmatch(value):
        return None
    return value


def user_agent_norm(user_agent: str | None) -> str | None:
    """User agent with runs of white space collapsed (exact comparison otherwise)."""
    if not user_agent:
        return None
    text = " ".join(user_agent.split())
    return text or None


# version numbers of the browser and its engine; the operating system, interface
# language and add-on tokens (.NET CLR …) stay: they describe the device, not the release
_BROWSER_VERSION = re.compile(
    r"\b(MSIE|Firefox|Chrome|Version|Safari|AppleWebKit|Gecko|rv|Opera|Presto|Trident)"
    r"([/: ])[0-9][0-9._]*"
)
_ENGINE_ONLY = re.compile(r"; Trident/#| Presto/# Version/#")


def user_agent_platform(user_agent: str | None) -> str | None:
    """The device a user agent describes, without the browser's version: one browser
    before and after an update (Firefox 3.0.5 → 3.6.13, IE 7 → 8, Opera 9 → 10) gives
    the same platform. Eckersley (PETS 2010) linked updated browsers this way."""
    text = user_agent_norm(user_agent)
    if text is None:
        return None
    return _ENGINE_ONLY.sub("", _BROWSER_VERSION.sub(r"\1\2#", text))
