"""Seeded, order-independent random streams.

Every entity draws from its own stream derived from ``(seed, *key)`` with
BLAKE2b, never from Python's ``hash()`` (randomised per process), so any table
can be written on its own, in any order, and the same seed gives the same bytes.
"""

from __future__ import annotations

import hashlib
import random

import numpy as np

_MASK64 = (1 << 64) - 1


def derive(seed: int, *key: object) -> int:
    """A 64-bit integer derived from the seed and a key such as ("account", 17)."""
    text = "\x1f".join([str(seed), *(str(k) for k in key)])
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


def stream(seed: int, *key: object) -> random.Random:
    """An independent ``random.Random`` for one entity or one chunk of rows."""
    return random.Random(derive(seed, *key))  # noqa: S311 - synthetic data, not security


def np_stream(seed: int, *key: object) -> np.random.Generator:
    """An independent numpy Generator for one vectorised phase of the plan."""
    return np.random.default_rng(derive(seed, *key))


def mix(*values: int) -> int:
    """A cheap deterministic 64-bit hash of integers (splitmix64 steps).

    Used where a choice must be a pure function of (person, day, …) so that
    the dump and the access log agree without storing anything.
    """
    h = 0x9E3779B97F4A7C15
    for v in values:
        h = (h ^ (v & _MASK64)) * 0xBF58476D1CE4E5B9 & _MASK64
        h = (h ^ (h >> 31)) * 0x94D049BB133111EB & _MASK64
        h ^= h >> 29
    return h


def below(rng: random.Random, n: int) -> int:
    """``rng._randbelow(n)`` (what ``choice`` and ``randint`` draw), called directly:
    the same values from the same stream, without the public methods' checks."""
    k = n.bit_length()
    r = rng.getrandbits(k)
    while r >= n:
        r = rng.getrandbits(k)
    return r
