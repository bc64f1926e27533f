"""The logical model, part 1: persons and their accounts, as compact numpy arrays.

Arrays (not an object per account) keep 1.8 million accounts within memory.
Account ``i`` is phpBB ``user_id = i + 2`` (1 is the Anonymous guest); accounts
are numbered in registration order, as a real forum numbers them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from safeguard.synth import geo
from safeguard.synth.names import usernames
from safeguard.synth.rng import np_stream
from safeguard.synth.selectors import KINDS
from safeguard.synth.text import LANGS

START = 1199145600  # 2008-01-01 00:00 UTC: the forum opens
END = 1298937600  # 2011-03-01 00:00 UTC: the server is seized
MULTI_ACCOUNT = 0.10  # share of persons with several accounts
RISK_RATES = {"access": 0.05, "meet": 0.03, "files": 0.04}
LEADER_SHARE = 0.005
REVEAL = 0.25  # persons who move contact to a private channel in text...
REVEAL_RISK = 0.60  # ...and among persons with a risk fact
OBFUSCATED = 0.40
# Share of each revealed kind, in the order of selectors.KINDS (see docs/synthetic-data.md).
KIND_SHARES = (
    *(0.26, 0.135, 0.08, 0.07, 0.06, 0.05, 0.04, 0.02),  # email … btc
    *(0.02, 0.02, 0.03, 0.02, 0.02, 0.03, 0.03, 0.025),  # url … discord
    *(0.015, 0.01, 0.01, 0.01, 0.015, 0.01, 0.01, 0.01),  # snapchat … ipv6
)
ANON_MAIL = 0.25
CONFOUNDERS = ("none", "vpn", "tor", "shared", "travel", "household", "mobile")
CONFOUNDER_SHARES = (0.70, 0.08, 0.03, 0.05, 0.04, 0.04, 0.06)
LURKERS = 0.55
# ``posting_share`` (share of accounts that ever post or PM) is None by default: then
# LURKERS of accounts never post, but every account may send and receive PMs.
POST_MU, POST_SIGMA = 3.0, 1.5  # lognormal posts per posting account
RISK_BITS = {"access": 1, "meet": 2, "files": 4, "leader": 8}


@dataclass
class People:
    """Persons (``p_*``) and accounts (``a_*``); index = person / account number."""

    seed: int
    p_country: np.ndarray  # int16 index into geo.countries()
    p_isp: np.ndarray  # int16 index into that country's networks
    p_lang: np.ndarray  # int8 index into LANGS (language they write in)
    p_peak: np.ndarray  # int8 local hour of peak activity
    p_conf: np.ndarray  # int8 index into CONFOUNDERS
    p_risk: np.ndarray  # uint8 bitmask of RISK_BITS
    p_reveal: np.ndarray  # int8 index into KINDS, -1 = reveals nothing in text
    p_obf: np.ndarray  # bool: writes the selector obfuscated
    p_anon: np.ndarray  # bool: registers with an anonymous mail provider
    p_community: np.ndarray  # int32 PM community
    p_line: np.ndarray  # int32 person whose home line this person uses (itself, or a housemate)
    a_person: np.ndarray  # int32
    a_nth: np.ndarray  # int8: 0 for a person's first account
    a_reg: np.ndarray  # int64 registration time (UTC)
    a_posts: np.ndarray  # int32 planned posts
    a_role: np.ndarray  # int8: 0 member, 1 moderator, 2 administrator
    names: list[str]
    # None: today's membership. A share F: only accounts with posts ever post or PM,
    # the others are dormant registrations (docs/synthetic-data.md, "dormant").
    posting_share: float | None = None

    @property
    def pm_pool(self) -> np.ndarray:
        """Accounts that may send or receive PMs, ascending (all but the dormant)."""
        if self.posting_share is None:
            return np.arange(self.accounts, dtype=np.int32)
        return np.flatnonzero(self.a_posts > 0).astype(np.int32)

    @property
    def persons(self) -> int:
        return len(self.p_country)

    @property
    def accounts(self) -> int:
        return len(self.a_person)


def _accounts_per_person(g: np.random.Generator, members: int) -> np.ndarray:
    n = g.choice([1, 2, 3, 4], size=members, p=[1 - MULTI_ACCOUNT, 0.07, 0.02, 0.01])
    cut = int(np.searchsorted(np.cumsum(n), members)) + 1
    n = n[:cut].copy()
    n[-1] -= int(n.sum()) - members
    return n[n > 0]


def _persons(seed: int, n: int) -> dict[str, np.ndarray]:
    g = np_stream(seed, "persons")
    cs = geo.countries()
    w = np.array([c.weight for c in cs])
    country = g.choice(len(cs), size=n, p=w / w.sum()).astype(np.int16)
    isp = g.integers(0, 1 << 30, n) % np.array([len(c.networks) for c in cs])[country]
    native = np.array([LANGS.index(c.languages[0]) if c.languages[0] in LANGS else 0 for c in cs])
    # Non-English speakers write in English on an international forum half the time;
    # their native language shows in the other half of their posts (see text use).
    lang = native[country].astype(np.int8)
    risk = np.zeros(n, np.uint8)
    for fact, rate in RISK_RATES.items():
        risk |= (g.random(n) < rate).astype(np.uint8) * RISK_BITS[fact]
    reveal_p = np.where(risk > 0, REVEAL_RISK, REVEAL)
    kind = g.choice(len(KINDS), size=n, p=KIND_SHARES).astype(np.int8)
    return {
        "p_country": country,
        "p_isp": isp.astype(np.int16),
        "p_lang": lang,
        "p_peak": np.clip(np.rint(g.normal(21, 2.5, n)), 0, 23).astype(np.int8) % 24,
        "p_conf": g.choice(len(CONFOUNDERS), size=n, p=CONFOUNDER_SHARES).astype(np.int8),
        "p_risk": risk,
        "p_reveal": np.where(g.random(n) < reveal_p, kind, -1).astype(np.int8),
        "p_obf": g.random(n) < OBFUSCATED,
        "p_anon": g.random(n) < ANON_MAIL,
        "p_community": g.integers(0, max(8, n // 400), n).astype(np.int32),
    }


def _mobile_where_carriers(p: dict[str, np.ndarray]) -> None:
    """The mobile confounder needs a carrier in the person's country (geo.mobile)."""
    has = np.array([bool(geo.mobile(c.code)) for c in geo.countries()])
    conf = p["p_conf"]
    conf[(conf == CONFOUNDERS.index("mobile")) & ~has[p["p_country"]]] = CONFOUNDERS.index("none")


def _households(p: dict[str, np.ndarray]) -> None:
    """Pair the persons with the household confounder who share country and ISP: the
    second of each pair uses the first one's home line (flatmates, relatives: two
    different men behind one residential IP). One left without a partner gets none."""
    conf = p["p_conf"]
    line = np.arange(len(conf), dtype=np.int32)
    hh = CONFOUNDERS.index("household")
    members = np.flatnonzero(conf == hh)
    order = members[np.lexsort((members, p["p_isp"][members], p["p_country"][members]))]
    key = p["p_country"][order].astype(np.int64) << 16 | p["p_isp"][order]
    i = 0
    while i < len(order):
        if i + 1 < len(order) and key[i] == key[i + 1]:
            line[order[i + 1]] = order[i]
            i += 2
        else:
            conf[order[i]] = CONFOUNDERS.index("none")
            i += 1
    p["p_line"] = line


def build(seed: int, members: int, posting_share: float | None = None) -> People:
    """Plan persons and accounts for a forum of ``members`` accounts.

    ``posting_share`` F in (0, 1]: share of accounts that ever post or PM (the
    rest are dormant registrations); None keeps the default membership (LURKERS).
    The same uniform draw decides, so a smaller F keeps a subset of the default's
    posters with the same post counts, and persons and registrations are unchanged.
    Leaders and moderators are counted from the active membership (``_active``).
    """
    if posting_share is not None and not 0 < posting_share <= 1:
        raise ValueError("posting_share must be in (0, 1]")
    g = np_stream(seed, "accounts")
    per = _accounts_per_person(g, members)
    p = _persons(seed, len(per))
    _households(p)
    _mobile_where_carriers(p)
    person = np.repeat(np.arange(len(per), dtype=np.int32), per)
    nth = (np.arange(members) - np.repeat(np.cumsum(per) - per, per)).astype(np.int8)
    span = END - START - 86400
    first = START + (g.random(len(per)) ** 0.7 * span).astype(np.int64)  # growth over time
    gap = (g.exponential(365 * 86400, members) * (nth > 0)).astype(np.int64)
    reg = np.minimum(first[person] + gap * nth, END - 86400)
    reg[0] = START  # the founder
    order = np.argsort(reg, kind="stable")
    person, nth, reg = person[order], nth[order], reg[order]
    silent = LURKERS if posting_share is None else 1.0 - posting_share
    posts = np.where(
        g.random(members) < silent, 0, np.ceil(g.lognormal(POST_MU, POST_SIGMA, members))
    )
    posts = np.minimum(posts, 20000).astype(np.int32)
    scale = _active(posting_share)
    p["p_risk"] = _leaders(p["p_risk"], person, posts, scale)
    role = np.zeros(members, np.int8)
    role[0] = 2
    mods = np.argsort(-posts, kind="stable")[: max(3, int(members * scale) // 2000)]
    role[mods[mods != 0]] = 1
    people = People(
        seed, **p, a_person=person, a_nth=nth, a_reg=reg, a_posts=posts, a_role=role, names=[],
        posting_share=posting_share,
    )  # fmt: skip
    people.names = usernames(people)
    return people


def _active(posting_share: float | None) -> float:
    """The active membership as a share of the default one (1.0 by default): a forum of
    mostly dormant registrations has as many leaders and moderators as a default forum
    with as many posters, not as many members."""
    return 1.0 if posting_share is None else posting_share / (1.0 - LURKERS)


def _leaders(
    risk: np.ndarray, person: np.ndarray, posts: np.ndarray, scale: float = 1.0
) -> np.ndarray:
    """Mark the most active persons' top ``LEADER_SHARE`` (× ``scale``) as the leaders."""
    total = np.bincount(person, weights=posts, minlength=len(risk))
    top = np.argsort(-total, kind="stable")[: max(1, int(len(risk) * LEADER_SHARE * scale))]
    risk = risk.copy()
    risk[top] |= RISK_BITS["leader"]
    return risk
