"""Content rules: generated text is ordinary chatter from a closed, reviewed vocabulary."""

from __future__ import annotations

import mailbox
import re
from pathlib import Path

from safeguard.synth.text import vocabulary

# Clinical terms that must never appear in synthetic data (product.md content rules).
DENY = ("sex", "nude", "naked", "porn", "explicit", "xxx", "erotic")


def _strip_plants(text: str, lines: list[str]) -> str:
    text = re.sub(r"<!-- e -->.*?<!-- e -->", " ", text)
    return "\n".join(x for x in text.split("\n") if not any(x.startswith(w) for w in lines))


TEXT_COLUMNS = (
    "post_text",
    "post_subject",
    "message_text",
    "message_subject",
    "topic_title",
    "forum_name",
    "user_sig",
    "username",
    "group_name",
    "rank_title",
    "ban_give_reason",
)


def _denied(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower())) & set(DENY)


def test_no_denied_word_in_any_text(forum: Path, dump) -> None:
    # Only human-readable fields: random hashes and salts may spell anything.
    for table, rows in dump.items():
        for row in rows:
            for col in TEXT_COLUMNS:
                if col in row:
                    assert not _denied(str(row[col])), (table, row[col])
    for name in ("mail.mbox", "other/mailbox.mbox"):
        box = mailbox.mbox(forum / name)
        try:
            for msg in box:
                body = msg.get_payload(decode=True).decode("utf-8")
                assert not _denied(body + str(msg["Subject"])), name
        finally:
            box.close()


def test_post_and_pm_words_come_from_the_vocabulary(truth, dump) -> None:
    vocab = vocabulary()
    plants = [s["line"].split(" ")[0] for s in truth["selectors"]]
    texts = [r["post_text"] for r in dump["phpbb_posts"]] + [
        r["message_text"] for r in dump["phpbb_privmsgs"]
    ]
    assert len(texts) > 1000
    unknown: set[str] = set()
    for t in texts:
        chatter = _strip_plants(t, plants).split("\n")[0]  # planted lines follow the chatter
        chatter = re.sub(r"\[/?b:\w+\]", " ", chatter).replace("&quot;", " ").replace("&amp;", " ")
        for token in chatter.split():
            w = "".join(ch for ch in token if ch.isalpha()).lower()
            if w and w not in vocab:
                unknown.add(w)
    assert not unknown
