"""access.log, the mailboxes and summary() are consistent with the truth."""

from __future__ import annotations

import mailbox
import re
from pathlib import Path

from safeguard import synth

COMBINED = re.compile(
    r"^(\d+\.\d+\.\d+\.\d+) - - \[(\d\d/\w{3}/\d{4}:\d\d:\d\d:\d\d) \+0000\] "
    r'"(GET|POST) (/\S+) HTTP/1\.1" (\d{3}) (\d+) "[^"]*" "[^"]*"$'
)


def test_access_log_is_combined_format_in_time_order(forum: Path, truth) -> None:
    import time

    lines = (forum / "access.log").read_text("utf-8").splitlines()
    assert len(lines) == truth["meta"]["access_log_lines"]
    stamps = []
    for line in lines:
        m = COMBINED.match(line)
        assert m, line
        assert m.group(4).split("?")[0] in {
            "/viewtopic.php",
            "/posting.php",
            "/ucp.php",
            "/index.php",
        }
        stamps.append(time.strptime(m.group(2), "%d/%b/%Y:%H:%M:%S"))
    assert stamps == sorted(stamps)


def test_mail_received_chain_carries_sender_ip(forum: Path, truth) -> None:
    box = mailbox.mbox(forum / "mail.mbox")
    msgs = list(box)
    box.close()
    assert len(msgs) == len(truth["mail"]) > 0
    for msg, rec in zip(msgs, truth["mail"], strict=True):
        assert msg["From"] == rec["from"]
        assert f"[{rec['ip']}]" in msg.get_all("Received")[-1]


def test_other_investigation_shares_persons_under_other_addresses(forum: Path, truth) -> None:
    forum_mails = {a["email"] for a in truth["accounts"]}
    ids = [i for p in truth["persons"] for i in p["other_identities"]]
    assert ids
    box = mailbox.mbox(forum / "other" / "mailbox.mbox")
    senders = {m["From"] for m in box}
    box.close()
    assert {i["identity"] for i in ids} == senders
    assert not senders & forum_mails


def test_summary_matches_truth(forum: Path, truth) -> None:
    s = synth.summary(forum)
    assert s["accounts"] == len(truth["accounts"]) == truth["meta"]["members"]
    assert s["persons"] == len(truth["persons"])
    assert sum(s["accounts_per_person"].values()) == s["persons"]
    assert 0 < s["posts_by_top_1pct"] < s["posts_by_top_10pct"] < 1
    assert 0 < s["members_with_planted_selector"] <= s["members_with_usable_selector"] <= 1
    assert s["posts"] == truth["meta"]["rows"]["phpbb_posts"] == truth["meta"]["posts"]
