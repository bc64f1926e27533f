"""Throughput of IP enrichment (:class:`safeguard.enrich.ip.IpIntel`) on distinct addresses.

    .venv/bin/python benchmarks/ip_enrich.py [--n 1000000] [--n6 200000] [--runs 3]

IPv4: ``--n`` distinct addresses drawn from the synthetic forum's ranges
(src/safeguard/synth/data/isps.csv), each with a time of use. IPv6: ``--n6``
distinct addresses in real IPv6 prefixes of some of the same operators (the
synthetic forum uses IPv4 only). Each run starts with an empty cache (a new
IpIntel); the shipped data is loaded once beforehand and its load time printed
separately. Prints the median of ``--runs`` runs, lookups per second, the time
a cached second pass takes, and the peak RSS.
"""

from __future__ import annotations

import argparse
import ipaddress
import random
import resource
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from safeguard.enrich.ip import IpIntel
from safeguard.enrich.ipdata import shared_default
from safeguard.synth import geo

V6_PREFIXES = ("2003::/19", "2601::/20", "2a01:4f8::/32", "2001:41d0::/32", "2a01:e00::/26")


def ipv4_sample(n: int, rng: random.Random) -> list[str]:
    """``n`` distinct addresses from the synth ranges, weighted by range size."""
    nets = geo.networks()
    weights = [net.size for net in nets]
    out: set[str] = set()
    while len(out) < n:
        for net in rng.choices(nets, weights, k=n - len(out)):
            out.add(net.address(rng.randrange(net.size)))
    return sorted(out, key=lambda _: rng.random())


def ipv6_sample(n: int, rng: random.Random) -> list[str]:
    """``n`` distinct addresses in :data:`V6_PREFIXES`."""
    nets = [ipaddress.IPv6Network(p) for p in V6_PREFIXES]
    out: set[str] = set()
    while len(out) < n:
        net = rng.choice(nets)
        out.add(str(net.network_address + rng.getrandbits(128 - net.prefixlen)))
    return list(out)


def times_for(n: int, rng: random.Random) -> list[datetime | None]:
    start = datetime(2008, 1, 1, tzinfo=UTC)
    return [start + timedelta(seconds=rng.randrange(4 * 365 * 86400)) for _ in range(n)]


def measure(ips: list[str], times: list[datetime | None], runs: int) -> tuple[float, float, float]:
    """Median wall and CPU seconds of a cold pass (new IpIntel), and wall of a cached pass.

    CPU time is printed too because this machine's two cores are shared: wall
    time includes waiting for a core, CPU time is what one core spends.
    """
    cold, cpu, warm = [], [], []
    for _ in range(runs):
        intel = IpIntel()
        t0, c0 = time.perf_counter(), time.process_time()
        facts = intel.lookup_many(ips, times)
        cold.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        t0 = time.perf_counter()
        intel.lookup_many(ips, times)
        warm.append(time.perf_counter() - t0)
        assert len(facts) == len(ips)
    return statistics.median(cold), statistics.median(cpu), statistics.median(warm)


def report(label: str, n: int, cold: float, cpu: float, warm: float) -> None:
    print(
        f"{label}: {n:,} distinct lookups in {cold:.2f} s wall / {cpu:.2f} s CPU (median)"
        f" = {n / cold:,.0f}/s wall, {n / cpu:,.0f}/s CPU -> 1M in {1e6 * cold / n:.1f} s wall,"
        f" {1e6 * cpu / n:.1f} s CPU; cached pass {warm:.2f} s = {n / warm:,.0f}/s"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--n6", type=int, default=200_000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    rng = random.Random(20261123)
    t0 = time.perf_counter()
    data = shared_default()
    print(f"default data: {data.name}, loaded in {time.perf_counter() - t0:.2f} s")
    v4 = ipv4_sample(args.n, rng)
    v6 = ipv6_sample(args.n6, rng)
    report("IPv4", len(v4), *measure(v4, times_for(len(v4), rng), args.runs))
    report("IPv6", len(v6), *measure(v6, times_for(len(v6), rng), args.runs))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:,.0f} MB")


if __name__ == "__main__":
    main()
