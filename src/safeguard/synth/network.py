"""Which IP address and browser a person uses on a given day.

A pure function of (seed, person, day): the dump, the access log and the mail
headers agree without storing anything per event. Home addresses are dynamic
(a new lease from the home ISP's prefix about every 30 days); confounders route
some days through VPN, Tor-exit, university or foreign (travel) networks or a
mobile carrier's carrier-grade NAT (a few public addresses shared by all its
customers), and housemates (the household confounder) share one home line.
"""

from __future__ import annotations

from functools import cache

from safeguard.synth import browsers, geo
from safeguard.synth.people import CONFOUNDERS, People
from safeguard.synth.rng import mix
from safeguard.synth.text import LANGS

VPN_DAYS, TOR_DAYS, SHARED_DAYS, TRAVEL_DAYS = 85, 90, 30, 10  # percent of days
MOBILE_DAYS = 60  # percent of days a mobile user is online through his carrier
CGNAT_POOL = 256  # public addresses per carrier prefix all its customers share


@cache
def _homes() -> tuple[tuple[geo.Network, ...], ...]:
    return tuple(c.networks for c in geo.countries())


def home_network(people: People, person: int) -> geo.Network:
    """The person's home ISP prefix."""
    return _homes()[int(people.p_country[person])][int(people.p_isp[person])]


def ip_at(people: People, person: int, t: int) -> str:
    """The IPv4 address ``person`` uses at UTC time ``t``."""
    day = t // 86400
    h = mix(people.seed, person, day)
    conf = CONFOUNDERS[int(people.p_conf[person])]
    roll = h % 100
    if conf == "vpn" and roll < VPN_DAYS:
        return _pick(geo.confounders("vpn") + geo.confounders("hosting"), h, 64)
    if conf == "tor" and roll < TOR_DAYS:
        return _pick(geo.confounders("tor"), h, 48)
    if conf == "shared" and roll < SHARED_DAYS:
        return _pick(geo.confounders("university"), h, 24)  # few addresses: many share them
    if conf == "mobile" and roll < MOBILE_DAYS:
        country = geo.countries()[int(people.p_country[person])].code
        if geo.mobile(country):  # elsewhere the person stays on his home line
            return _pick(geo.mobile(country), h, CGNAT_POOL)
    if conf == "travel" and roll < TRAVEL_DAYS:
        homes = _homes()
        return _pick(homes[(h >> 8) % len(homes)], h, 1 << 20)
    line = int(people.p_line[person])  # a housemate's line for the household confounder
    lease = mix(people.seed, line, day // 30, 1)
    return home_network(people, line).address(lease)


def _pick(nets: tuple[geo.Network, ...], h: int, spread: int) -> str:
    net = nets[(h >> 8) % len(nets)]
    return net.address((h >> 24) % spread)


def user_agent(people: People, person: int, t: int) -> str:
    """The browser ``person`` uses at UTC time ``t`` (a third of persons use two devices,
    switching by day); see browsers.py."""
    h = mix(people.seed, person, 7)
    second = h % 3 == 0 and mix(people.seed, person, t // 86400) % 2
    country = geo.countries()[int(people.p_country[person])]
    lang = LANGS[int(people.p_lang[person])]
    dev = browsers.device(people.seed, person, int(bool(second)), lang, country.code)
    return browsers.user_agent(dev, t)
