"""Forum markup → plain text for analysis. Nothing is executed or fetched.

Handles BBCode (with phpBB 3.0/3.1 uids such as ``[b:1a2b3c4d]``), phpBB 3.2+
s9e XML (``<r>…</r>`` / ``<t>…</t>``), HTML (SMF's ``<br />``, Invision,
Discourse ``cooked``) and Markdown (kept as is). URLs inside ``[url=…]`` and
``<a href>`` are kept in the text, in angle brackets, because they are
selectors; they are never followed.

Every regular expression here is linear: no nested quantifiers, so hostile
input cannot make it backtrack (a test feeds it pathological strings).
"""

from __future__ import annotations

import html
import re

_S9E_MARKUP = re.compile(r"<([se])>[^<]*</\1>")
_TAG = re.compile(r"<[^<>]{0,2000}>")
_BR = re.compile(r"<br\s*/?>|</p>|</div>|</li>|</blockquote>", re.IGNORECASE)
_A_TAG = re.compile(r"<a\s[^<>]{0,4000}>", re.IGNORECASE)
_HREF = re.compile(r"""href\s*=\s*["']([^"'<>]{1,2000})["']""", re.IGNORECASE)
_BB_URL = re.compile(r"\[url=([^\]\[]{1,2000})\]", re.IGNORECASE)
#: BBCode tag names forum software ships; anything else in brackets ("[at]", "[dot]",
#: "[sic]") is text and must survive, since offenders obfuscate selectors that way
_BB_NAMES = (
    "b|i|u|s|strike|sup|sub|url|img|quote|code|list|\\*|li|ul|ol|color|colour|size|font|"
    "center|left|right|justify|align|indent|email|youtube|video|media|spoiler|ispoiler|"
    "attachment|attach|flash|hr|table|tr|td|th|php|html|noparse|plain|mention|user|"
    "highlight|h|heading|float|icode|tt|pre|s9e"
)
_BB_TAG = re.compile(
    rf"\[/?(?:{_BB_NAMES})(?:=[^\]\[]{{0,2000}})?(?::[a-z0-9]{{0,10}})?\]", re.IGNORECASE
)
_SPACES = re.compile(r"\t[ \t]*| [ \t]+")  # runs only: single spaces need no rewrite
_BLANKS = re.compile(r"\n{3,}")


def to_plain(raw: str | None, kind: str = "bbcode") -> str | None:
    """Plain text of ``raw`` stored as ``kind`` (bbcode, html, markdown, text)."""
    if raw is None:
        return None
    text = raw
    if kind in ("bbcode", "html") and text[:3] in ("<r>", "<t>"):
        text = _S9E_MARKUP.sub("", text)  # phpBB 3.2+: drop the [b]-style delimiters
        kind = "html"
    # each pass runs only when its trigger character occurs (most posts need few)
    if kind in ("bbcode", "html") and "<" in text:
        text = _strip_comments(text)
        text = _A_TAG.sub(_link_target, text)
        text = _BR.sub("\n", text)
        text = _TAG.sub("", text)
        text = text.replace("\ue000", "&lt;").replace("\ue001", "&gt;")
    if kind in ("bbcode", "html") and "&" in text:
        text = html.unescape(text)
    if kind == "bbcode" and "[" in text:
        text = _BB_URL.sub(lambda m: f" <{m.group(1)}> ", text)
        text = _BB_TAG.sub("", text)
    if kind == "text":
        return text
    if "  " in text or "\t" in text:
        text = _SPACES.sub(" ", text)
    if "\n\n\n" in text:
        text = _BLANKS.sub("\n\n", text)
    return text.strip()


def _link_target(m: re.Match[str]) -> str:
    href = _HREF.search(m.group(0))
    # private-use marks survive tag stripping; turned into <url> afterwards
    return f" \ue000{href.group(1)}\ue001 " if href else ""


def _strip_comments(text: str) -> str:
    """Remove ``<!-- … -->`` in one linear pass (a regex would rescan on every ``<!--``)."""
    out, pos = [], 0
    while (start := text.find("<!--", pos)) != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            break
        out.append(text[pos:start])
        pos = end + 3
    out.append(text[pos:])
    return "".join(out)
