import time

import pytest

from safeguard.ingest.markup import to_plain


@pytest.mark.parametrize(
    ("raw", "kind", "expected"),
    [
        ("[b:1a2b3c4d]bold[/b:1a2b3c4d] text", "bbcode", "bold text"),
        ("[quote=&quot;anna&quot;:abc]hi[/quote:abc] ok", "bbcode", "hi ok"),
        ("see [url=http://example.org/x]this[/url]", "bbcode", "see <http://example.org/x> this"),
        ("a &amp; b &lt;3", "bbcode", "a & b <3"),
        (
            '<!-- s:) --><img src="{SMILIES_PATH}/smile.gif" alt=":)" /><!-- s:) --> hi',
            "bbcode",
            "hi",
        ),
        ("<r><B><s>[b]</s>bold<e>[/b]</e></B> and more</r>", "bbcode", "bold and more"),
        ("<t>plain s9e</t>", "bbcode", "plain s9e"),
        ("line one<br />line two", "bbcode", "line one\nline two"),
        (
            '<p>hello <a href="http://example.com">there</a></p>',
            "html",
            "hello <http://example.com> there",
        ),
        ("<script>alert(1)</script>kept", "html", "alert(1)kept"),
        ("**markdown** stays", "markdown", "**markdown** stays"),
        ("mail x [at] gmx [dot] de [sic]", "bbcode", "mail x [at] gmx [dot] de [sic]"),
        ("[b:]empty uid[/b:] [LIST=1][*]one[/LIST]", "bbcode", "empty uid one"),
        (None, "bbcode", None),
    ],
)
def test_to_plain(raw, kind, expected):
    assert to_plain(raw, kind) == expected


@pytest.mark.parametrize(
    "evil",
    [
        "[" * 200_000,
        "[url=" * 50_000,
        "<" * 200_000,
        "<a href='" * 30_000,
        "[b" + "=x" * 100_000,
        "<!--" * 50_000,
    ],
)
def test_pathological_markup_is_handled_in_bounded_time(evil):
    start = time.process_time()
    to_plain(evil, "bbcode")
    to_plain(evil, "html")
    # linear regexes finish these in milliseconds; quadratic ones take minutes
    assert time.process_time() - start < 5
