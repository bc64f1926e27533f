"""Discourse account tables: users, user_emails, user_profiles, user_auth_tokens,
user_auth_token_logs.

``users.id = account + 1``; Discourse's own ``system`` user is id -1.
``registration_ip_address`` is the address at sign-up, ``ip_address`` the last
one seen (both ``inet``). Every user has one primary ``user_emails`` row and a
``user_profiles`` row (Discourse creates it on sign-up); profile lines are
planted in ``bio_raw``. Passwords: PBKDF2-SHA256 (64 hex) with a 32-hex salt in
``users``, as Discourse stored them before ``user_passwords`` existed.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from safeguard.synth import geo
from safeguard.synth.activity import Activity
from safeguard.synth.discourse_cook import cook
from safeguard.synth.identity import reg_email
from safeguard.synth.network import ip_at, user_agent
from safeguard.synth.people import END, START, People
from safeguard.synth.pgdump import stamp
from safeguard.synth.render import Found, record
from safeguard.synth.rng import mix, np_stream, stream

ID_OFFSET = 1
Rows = Iterator[dict[str, object]]
_TRUST = (0, 5, 50, 500)  # posts for trust level 0..3 (approximates Discourse's rules)


def micro(seed: int, account: int, which: int) -> int:
    """Deterministic microseconds: Rails stores timestamps with them."""
    return mix(seed, 77, account, which) % 1_000_000


def _system() -> dict[str, object]:
    t = stamp(START)
    return {
        "id": -1,
        "username": "system",
        "username_lower": "system",
        "name": "system",
        "created_at": t,
        "updated_at": t,
        "active": True,
        "admin": True,
        "moderator": True,
        "trust_level": 4,
        "approved": True,
        "first_seen_at": t,
    }


def users(people: People, last_post: np.ndarray) -> Rows:
    """``users``: the system user, then every member in id (registration) order."""
    yield _system()
    for a in range(people.accounts):
        person = int(people.a_person[a])
        r = stream(people.seed, "user", a)
        reg, role, lp = int(people.a_reg[a]), int(people.a_role[a]), int(last_post[a])
        seen = max(lp, reg + int(r.random() * (END - reg)))
        name = people.names[a]
        yield {
            "id": a + ID_OFFSET,
            "username": name,
            "username_lower": name.lower(),
            "name": name.replace(".", " ").replace("_", " ").title() if r.random() < 0.5 else None,
            "created_at": stamp(reg, micro(people.seed, a, 1)),
            "updated_at": stamp(seen, micro(people.seed, a, 2)),
            "last_posted_at": stamp(lp, micro(people.seed, a, 3)) if lp else None,
            "password_hash": f"{mix(people.seed, a, 41):016x}{mix(people.seed, a, 42):016x}"
            f"{mix(people.seed, a, 43):016x}{mix(people.seed, a, 44):016x}",
            "salt": f"{mix(people.seed, a, 45):016x}{mix(people.seed, a, 46):016x}",
            "active": True,
            "last_seen_at": stamp(seen, micro(people.seed, a, 2)),
            "admin": role == 2,
            "moderator": role >= 1,
            "trust_level": 4 if role else sum(int(people.a_posts[a]) >= n for n in _TRUST) - 1,
            "approved": True,
            "ip_address": ip_at(people, person, seen),
            "registration_ip_address": ip_at(people, person, reg),
            "first_seen_at": stamp(reg, micro(people.seed, a, 1)),
            "previous_visit_at": stamp(max(reg, seen - 86400 * (1 + r.randint(0, 9)))),
        }


def user_emails(people: People) -> Rows:
    """One primary address per user (the registration e-mail)."""
    for a in range(people.accounts):
        email = reg_email(people, a)
        local, _, domain = email.partition("@")
        t = stamp(int(people.a_reg[a]), micro(people.seed, a, 1))
        yield {
            "id": a + 1,
            "user_id": a + ID_OFFSET,
            "email": email,
            "primary": True,
            "created_at": t,
            "updated_at": t,
            "normalized_email": f"{local.replace('.', '').split('+')[0]}@{domain}",
        }


def user_profiles(people: People, act: Activity, found: Found) -> Rows:
    """``user_profiles``: location for 15% of members; planted lines in ``bio_raw``."""
    yield {"user_id": -1, "views": 0}
    for a in range(people.accounts):
        country = geo.countries()[int(people.p_country[int(people.a_person[a])])]
        row: dict[str, object] = {"user_id": a + ID_OFFSET, "views": mix(people.seed, a, 47) % 60}
        if mix(people.seed, a, 33) % 100 < 15:
            row["location"] = country.name
        lines = act.plants.get(("profile", a))
        if lines:
            raw = "\n".join(p.line for p in lines)
            row |= {"bio_raw": raw, "bio_cooked": cook(raw), "bio_cooked_version": 1}
            record(found, "user_profiles", a + ID_OFFSET, a + ID_OFFSET, lines)
        yield row


def _sessions(people: People) -> list[tuple[int, int]]:
    """(account, login time) of the auth tokens alive at seizure (5% of members)."""
    g = np_stream(people.seed, "dc_tokens")
    who = np.sort(g.choice(people.accounts, size=max(1, people.accounts // 20), replace=False))
    start = np.maximum(people.a_reg[who], END - 60 * 86400)
    t = start + (g.random(len(who)) * (END - 3600 - start)).astype(np.int64)
    return [(int(a), int(x)) for a, x in zip(who, t, strict=True)]


def _token(seed: int, a: int, k: int) -> str:
    return f"{mix(seed, a, k):016x}{mix(seed, a, k + 1):016x}"


def auth_tokens(people: People) -> Rows:
    """``user_auth_tokens``: logged-in devices, with the login IP and browser."""
    for i, (a, t) in enumerate(_sessions(people)):
        person = int(people.a_person[a])
        seen = min(t + 86400 * (1 + mix(people.seed, a, 48) % 20), END - 60)
        yield {
            "id": i + 1,
            "user_id": a + ID_OFFSET,
            "auth_token": _token(people.seed, a, 50),
            "prev_auth_token": _token(people.seed, a, 52),
            "auth_token_seen": True,
            "user_agent": user_agent(people, person, seen),
            "client_ip": ip_at(people, person, seen),
            "rotated_at": stamp(seen),
            "created_at": stamp(t),
            "updated_at": stamp(seen),
            "seen_at": stamp(seen),
        }


def auth_token_logs(people: People) -> Rows:
    """``user_auth_token_logs``: the 'generate' event of each token (login)."""
    for i, (a, t) in enumerate(_sessions(people)):
        person = int(people.a_person[a])
        yield {
            "id": i + 1,
            "action": "generate",
            "user_auth_token_id": i + 1,
            "user_id": a + ID_OFFSET,
            "client_ip": ip_at(people, person, t),
            "user_agent": user_agent(people, person, t),
            "auth_token": _token(people.seed, a, 50),
            "created_at": stamp(t),
            "path": "/session",
        }
