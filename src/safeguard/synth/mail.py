"""Mailboxes: members who moved their contact to e-mail (``mail.mbox``), and the
'other investigation' — a mailbox seized elsewhere (``other/mailbox.mbox``) in
which some forum members write under other addresses.

Written with the standard ``mailbox``/``email`` packages; every Received chain
carries the sender's real address of that day, so IPs link mail to the forum.
"""

from __future__ import annotations

import email.utils
import mailbox
import time
from email.charset import QP, Charset
from email.message import Message
from pathlib import Path

import numpy as np

from safeguard.synth import geo
from safeguard.synth.identity import other_email, revealed
from safeguard.synth.network import ip_at
from safeguard.synth.people import CONFOUNDERS, END, RISK_BITS, People
from safeguard.synth.rng import mix, stream
from safeguard.synth.selectors import KINDS
from safeguard.synth.text import LANGS, chatter, contact_line

OTHER_SHARE, OTHER_SHARE_RISK = 0.02, 0.30  # persons who appear in the other investigation
_UTF8_QP = Charset("utf-8")
_UTF8_QP.body_encoding = QP
OTHER_OWNER = "inbox.keeper.7731@gmx.de"  # the seized mailbox's owner (synthetic)


def _message(
    people: People, person: int, sender: str, to: str, t: int, body: str
) -> mailbox.mboxMessage:
    country = geo.countries()[int(people.p_country[person])]
    ip = ip_at(people, person, t)
    src, dst = sender.split("@")[1], to.split("@")[1]
    tag = f"{mix(people.seed, person, t):016x}"
    local = email.utils.format_datetime(_aware(t, country.utc_offset))
    msg = Message()  # compat32: the default policy's header refolding is far slower
    relay = _relay(people, src)
    hop = f"from smtp.{src} (smtp.{src} [{relay}]) by mx.{dst}"
    msg["Received"] = f"{hop} with ESMTP id {tag[:10]}; {local}"
    msg["Received"] = f"from [{ip}] (helo=[{ip}]) by smtp.{src} with ESMTPSA id {tag[6:]}; {local}"
    msg["From"], msg["To"] = sender, to
    msg["Subject"] = body.split(".", maxsplit=1)[0][:60]
    msg["Date"] = local
    msg["Message-ID"] = f"<{tag}@{src}>"
    msg["MIME-Version"] = "1.0"
    msg.set_payload(body, _UTF8_QP)
    m = mailbox.mboxMessage(msg)
    m.set_from(sender, time.gmtime(t))
    return m


def _aware(t: int, offset: float):  # type: ignore[no-untyped-def]
    import datetime as dt

    return dt.datetime.fromtimestamp(t, dt.timezone(dt.timedelta(hours=offset)))


def _relay(people: People, provider: str) -> str:
    # The provider's outgoing relay; a hosting-range address stands in for it.
    nets = geo.confounders("hosting")
    h = mix(people.seed, sum(provider.encode()))
    return nets[h % len(nets)].address(h >> 8)


def write_members(path: Path, people: People) -> list[dict[str, object]]:
    """``mail.mbox``: mail between members whose revealed selector is an e-mail."""
    movers = np.flatnonzero(people.p_reveal == KINDS.index("email")).tolist()
    box = mailbox.mbox(path, create=True)
    index: list[dict[str, object]] = []
    for person in movers:
        r = stream(people.seed, "mail", person)
        sel = revealed(people, person)
        assert sel is not None
        for _ in range(r.randint(1, 3)):
            peer = movers[r.randrange(len(movers))] if len(movers) > 1 else person
            if peer == person:
                continue
            peer_sel = revealed(people, peer)
            assert peer_sel is not None
            t = END - int(r.random() * 400 * 86400)
            body = chatter(r, LANGS[int(people.p_lang[person])], r.randint(1, 3))
            box.add(_message(people, person, sel[1], peer_sel[1], t, body))
            index.append(
                {
                    "message": len(index),
                    "person": person,
                    "from": sel[1],
                    "to": peer_sel[1],
                    "ip": ip_at(people, person, t),
                    "time": t,
                }
            )
    box.close()
    return index


def write_other(folder: Path, people: People) -> dict[int, list[dict[str, object]]]:
    """``other/mailbox.mbox``; returns person -> their identities in it and how they link."""
    folder.mkdir(parents=True, exist_ok=True)
    box = mailbox.mbox(folder / "mailbox.mbox", create=True)
    out: dict[int, list[dict[str, object]]] = {}
    for person in range(people.persons):
        r = stream(people.seed, "other", person)
        risky = bool(people.p_risk[person] & (RISK_BITS["leader"] | 7))
        if r.random() >= (OTHER_SHARE_RISK if risky else OTHER_SHARE):
            continue
        addr = other_email(people, person)
        sel = revealed(people, person)
        lang = LANGS[int(people.p_lang[person])]
        body = chatter(r, lang, 2)
        # The IP links only if it is the person's own line, not a VPN/Tor/shared one
        # (a household line is his own, shared with a housemate).
        own_line = CONFOUNDERS[int(people.p_conf[person])] in ("none", "travel", "household")
        links = ["ip"] if own_line else []
        if sel is not None and sel[0] != "email":
            body += "\n" + contact_line(lang, sel[0], sel[1], False)
            links.append(sel[0])
        t = END - int(r.random() * 200 * 86400)
        box.add(_message(people, person, addr, OTHER_OWNER, t, body))
        out[person] = [
            {
                "dataset": "other/mailbox.mbox",
                "identity": addr,
                "links": links,
                "ip": ip_at(people, person, t),
            }
        ]
    box.close()
    return out
