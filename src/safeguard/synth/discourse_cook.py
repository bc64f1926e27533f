"""Discourse's ``cooked`` HTML for the generator's Markdown ``raw`` text.

A small stand-in for Discourse's markdown-it pipeline, enough for chatter and
planted lines: paragraphs on blank lines, a ``<br>`` for each single newline
(Discourse's default: the ``traditional_markdown_linebreaks`` setting is off),
``&``/``<``/``>`` escaped, typographic apostrophes and quotes (the typographer
is on by default), e-mail addresses linked as ``mailto:`` and ``@name``
mentions of unknown users in ``<span class="mention">``.
"""

from __future__ import annotations

import html
import re

_EMAIL = re.compile(r"(?<![\w.+-])([\w.+-]+@[\w-]+(?:\.[\w-]+)+)")
_MENTION = re.compile(r"(?<![\w@])@([A-Za-z][\w.-]{1,59}\w)")
_QUOTES = re.compile(r'"([^"\n]*)"')


def _inline(line: str) -> str:
    text = html.escape(line, quote=False)
    text = _QUOTES.sub("\u201c\\1\u201d", text).replace("'", "\u2019")
    text = _EMAIL.sub(r'<a href="mailto:\1">\1</a>', text)
    return _MENTION.sub(r'<span class="mention">@\1</span>', text)


def cook(raw: str) -> str:
    """``raw`` Markdown as Discourse stores it rendered in ``posts.cooked``."""
    paragraphs = [p for p in raw.split("\n\n") if p.strip()]
    return "\n".join(
        "<p>" + "<br>\n".join(_inline(line) for line in p.split("\n")) + "</p>" for p in paragraphs
    )


def words(raw: str) -> int:
    """``posts.word_count`` as Discourse counts it (whitespace-separated words)."""
    return len(raw.split())
