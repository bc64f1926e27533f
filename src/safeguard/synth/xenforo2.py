"""XenForo 2 writer: the logical model as a mysqldump of XenForo 2.2's schema.

Tables filled (prefix ``xf_``, fixed in XenForo): conversation_master,
conversation_message, conversation_recipient, forum, ip, node, post,
session_activity, thread, user, user_authenticate, user_ban,
user_field_value, user_group, user_profile. XenForo specifics reproduced: no
IP column on content — every registration, login, post and conversation
message has an ``xf_ip`` row (packed ``VARBINARY(16)``, content_type/action
as varbinary) that ``xf_post.ip_id`` / ``xf_conversation_message.ip_id`` point
to; times are unix epochs; text is raw BBCode; the password hash sits in
``xf_user_authenticate.data``, a PHP-serialized array (scheme ``XF:Core12``);
private messages are conversations — one per set of participants, split after
60 silent days — with every participant in ``xf_conversation_recipient``.
Binary columns are dumped as 0x hex (``--hex-blob``). ``user_id = account + 1``.

XenForo is not open source: the DDL is reconstructed (``data/xenforo2_tables.sql``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from safeguard.synth import geo, mysqldump
from safeguard.synth.activity import Activity
from safeguard.synth.identity import reg_email, revealed
from safeguard.synth.people import END, People
from safeguard.synth.phpbb3_meta import forum_ids
from safeguard.synth.render import Found, body, chunk_rng, pm_texts, post_lang, record
from safeguard.synth.rng import mix, stream
from safeguard.synth.text import LANGS, chatter
from safeguard.synth.xenforo2_meta import (
    banned_accounts,
    forums,
    nodes,
    schema,
    sessions,
    threads,
    user_bans,
    user_groups,
)
from safeguard.synth.xenforo2_plan import (
    Conversations,
    IpLog,
    conversation_recipients,
    conversations,
    ip_log,
    ip_rows,
    recipients_blob,
)

ID_OFFSET = 1
BOARD_IDS = forum_ids()
PATHS = {
    0: ("GET", "/threads/{t}/", 200),
    1: ("POST", "/threads/{t}/add-reply", 303),
    2: ("POST", "/forums/{t}/post-thread", 303),
    3: ("POST", "/conversations/add", 303),
    4: ("POST", "/register/register", 303),
    5: ("GET", "/", 200),
}
_BCRYPT = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
Rows = Iterator[dict[str, object]]


def bbcode(text: str, h: int) -> str:
    """XenForo's stored form: raw BBCode (editor output uses upper-case tags)."""
    return f"[B]{text}[/B]" if h % 9 == 0 else f"[I]{text}[/I]" if h % 9 == 1 else text


def posts(people: People, act: Activity, log: IpLog, found: Found) -> Rows:
    r = chunk_rng(people.seed, "post", 0)
    position = np.zeros(len(act.topic_first), np.int64)
    for i in range(len(act.post_time)):
        if i and i % 4096 == 0:
            r = chunk_rng(people.seed, "post", i)
        acc, topic, t = int(act.post_poster[i]), int(act.post_topic[i]), int(act.post_time[i])
        lang = post_lang(people, act, i, r)
        post_lang(people, act, int(act.topic_first[topic]), r)  # the draws other writers make
        text, planted = body(r, lang, act.plants.get(("post", i)))
        record(found, "xf_post", i + 1, acc + ID_OFFSET, planted)
        h = mix(people.seed, i, 17)
        edited = h % 20 == 3 and t + 600 < END
        yield {
            "post_id": i + 1,
            "thread_id": topic + 1,
            "user_id": acc + ID_OFFSET,
            "username": people.names[acc],
            "post_date": t,
            "message": bbcode(text, h >> 8),
            "ip_id": log.post_ip[i],
            "position": int(position[topic]),
            "reaction_users": b"[]",
            "last_edit_date": t + 300 + h % 300 if edited else 0,
            "last_edit_user_id": acc + ID_OFFSET if edited else 0,
            "edit_count": int(edited),
            "type_data": b"[]",
        }
        position[topic] += 1


def conversation_messages(
    people: People, act: Activity, log: IpLog, conv: Conversations, found: Found
) -> Rows:
    for i, acc, text in pm_texts(people, act, found, "xf_conversation_message", ID_OFFSET):
        yield {
            "message_id": i + 1,
            "conversation_id": int(conv.of_pm[i]) + 1,
            "message_date": int(act.pm_time[i]),
            "user_id": acc + ID_OFFSET,
            "username": people.names[acc],
            "message": bbcode(text, mix(people.seed, i, 18)),
            "ip_id": log.pm_ip[i],
            "reaction_users": b"[]",
        }


def conversation_masters(people: People, act: Activity, conv: Conversations) -> Rows:
    """One row per conversation; the title is the starter's own short line."""
    for c in range(len(conv.first)):
        first, last = int(conv.first[c]), int(conv.last[c])
        starter, lastu = int(act.pm_sender[first]), int(act.pm_sender[last])
        lang = LANGS[int(people.p_lang[people.a_person[starter]])]
        title = chatter(stream(people.seed, "xf_conversation", c), lang, 1)[:100]
        yield {
            "conversation_id": c + 1,
            "title": title,
            "user_id": starter + ID_OFFSET,
            "username": people.names[starter],
            "start_date": int(act.pm_time[first]),
            "reply_count": int(conv.count[c]) - 1,
            "recipient_count": 2 + int(act.pm_cc[first] >= 0),
            "first_message_id": first + 1,
            "last_message_date": int(act.pm_time[last]),
            "last_message_id": last + 1,
            "last_message_user_id": lastu + ID_OFFSET,
            "last_message_username": people.names[lastu],
            "recipients": recipients_blob(people, act, first),
        }


def _password_data(seed: int, account: int) -> bytes:
    """XF:Core12's data: a PHP-serialized array holding a bcrypt hash."""
    r = stream(seed, "password", account)
    bcrypt = "$2y$10$" + "".join(r.choice(_BCRYPT) for _ in range(53))
    return f'a:1:{{s:4:"hash";s:{len(bcrypt)}:"{bcrypt}";}}'.encode()


def users(people: People, act: Activity, log: IpLog) -> Rows:
    """xf_user rows; last_activity is never before the member's last post or login."""
    last = act.last_post.astype(np.int64)
    np.maximum.at(last, log.login_acc, log.login_t)
    bans = set(banned_accounts(people).tolist())
    for a in range(people.accounts):
        person, role = int(people.a_person[a]), int(people.a_role[a])
        r = stream(people.seed, "user", a)
        reg = int(people.a_reg[a])
        yield {
            "user_id": a + ID_OFFSET,
            "username": people.names[a],
            "email": reg_email(people, a),
            "language_id": 1,
            "style_id": 0,
            "timezone": geo.countries()[int(people.p_country[person])].tz,
            "user_group_id": 2,
            "secondary_group_ids": (b"", b"4", b"3,4")[role],
            "display_style_group_id": (2, 4, 3)[role],
            "permission_combination_id": 2 + role,
            "message_count": int(people.a_posts[a]),
            "register_date": reg,
            "last_activity": max(int(last[a]), reg + int(r.random() * (END - reg))),
            "is_moderator": int(role > 0),
            "is_admin": int(role == 2),
            "is_banned": int(a in bans),
            "is_staff": int(role > 0),
            "secret_key": "".join(r.choice(_BCRYPT[2:]) for _ in range(32)).encode(),
        }


def user_authenticate(people: People) -> Rows:
    for a in range(people.accounts):
        yield {
            "user_id": a + ID_OFFSET,
            "scheme_class": "XF:Core12",
            "data": _password_data(people.seed, a),
        }


def user_profiles(people: People, act: Activity, found: Found) -> Rows:
    for a in range(people.accounts):
        person = int(people.a_person[a])
        r = stream(people.seed, "xf_profile", a)
        skype = _skype_field(people, a, person)
        row: dict[str, object] = {
            "user_id": a + ID_OFFSET,
            "signature": "",
            "website": "",
            "following": "",
            "ignored": "",
            "avatar_crop": b"[]",
            "about": "",
            "custom_fields": json.dumps({"skype": skype} if skype else []).encode(),
            "connected_accounts": b"[]",
            "password_date": int(people.a_reg[a]),
        }
        if r.random() < 0.3:
            row |= {
                "dob_day": r.randint(1, 28),
                "dob_month": r.randint(1, 12),
                "dob_year": r.randint(1950, 1992) if r.random() < 0.7 else 0,
            }
        if r.random() < 0.15:
            row["location"] = geo.countries()[int(people.p_country[person])].name[:50]
        plants = act.plants.get(("profile", a))
        if plants:
            row["signature"] = "\n".join(p.line for p in plants)
            record(found, "xf_user_profile", a + ID_OFFSET, a + ID_OFFSET, plants)
        yield row


def _skype_field(people: People, a: int, person: int) -> str | None:
    """The Skype name some revealing members put in the 'skype' profile field."""
    sel = revealed(people, person)
    if sel is None or sel[0] != "skype" or mix(people.seed, a, 5) % 10 >= 4:
        return None
    return sel[1]


def user_field_values(people: People, found: Found) -> Rows:
    for a in range(people.accounts):
        skype = _skype_field(people, a, int(people.a_person[a]))
        if skype:
            found.append(
                {
                    "fact": "skype",
                    "value": skype,
                    "form": "field",
                    "line": skype,
                    "table": "xf_user_field_value",
                    "record": a + ID_OFFSET,
                    "user_id": a + ID_OFFSET,
                    "column": "field_value",
                }
            )
            yield {"user_id": a + ID_OFFSET, "field_id": b"skype", "field_value": skype}


def write(out: Path, people: People, act: Activity) -> tuple[dict[str, int], Found]:
    """Write ``forum.sql``; return row counts per table and the planted selectors found."""
    found = Found()
    log, conv = ip_log(people, act), conversations(people, act)
    gens: dict[str, Rows] = {
        "xf_conversation_master": conversation_masters(people, act, conv),
        "xf_conversation_message": conversation_messages(people, act, log, conv, found),
        "xf_conversation_recipient": conversation_recipients(people, act, conv),
        "xf_forum": forums(people, act),
        "xf_ip": ip_rows(people, log),
        "xf_node": nodes(act),
        "xf_post": posts(people, act, log, found),
        "xf_session_activity": sessions(people, act),
        "xf_thread": threads(people, act),
        "xf_user": users(people, act, log),
        "xf_user_authenticate": user_authenticate(people),
        "xf_user_ban": user_bans(people),
        "xf_user_field_value": user_field_values(people, found),
        "xf_user_group": user_groups(),
        "xf_user_profile": user_profiles(people, act, found),
    }
    counts: dict[str, int] = {}
    s = schema()
    with out.open("wb") as f:
        mysqldump.header(f, "xf2")
        for name in sorted(gens):
            counts[name] = mysqldump.table(f, s[name], gens[name])
        mysqldump.footer(f, END + 3 * 3600)
    return counts, found
