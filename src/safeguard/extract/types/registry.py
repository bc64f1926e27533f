"""The list of selector types, in the order the finder runs them."""

from __future__ import annotations

from functools import lru_cache

from safeguard.extract.types import crypto, email, ip, messenger, pgp, phone, web
from safeguard.extract.types.base import SelectorType


def all_types(region: str | None = None) -> list[SelectorType]:
    """One instance of every selector type; ``region`` is the phone default region."""
    return list(_cached(region))


@lru_cache(maxsize=64)  # types compile their patterns once; instances are stateless
def _cached(region: str | None) -> tuple[SelectorType, ...]:
    return (
        email.Email(),
        ip.IPv4(),
        ip.IPv6(),
        phone.Phone(region),
        web.Url(),
        web.Domain(),
        messenger.Telegram(),
        messenger.Session(),
        messenger.Skype(),
        messenger.Icq(),
        messenger.Jabber(),
        messenger.Kik(),
        messenger.Wickr(),
        messenger.Threema(),
        messenger.Signal(),
        messenger.WhatsApp(),
        messenger.Discord(),
        messenger.Snapchat(),
        crypto.Bitcoin(),
        crypto.Litecoin(),
        crypto.Ethereum(),
        crypto.Monero(),
        pgp.PgpFingerprint(),
        pgp.PgpKeyBlock(),
    )


def names() -> list[str]:
    """Names of all registered types."""
    return [t.name for t in all_types()]
