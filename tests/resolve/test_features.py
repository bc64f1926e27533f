from safeguard.resolve import comparisons, features, hardlinks
from safeguard.resolve.config import ResolveSettings
from tests.resolve.helpers import account, insert, new_case, observation


def _build(case, **kw):
    cfg = ResolveSettings(**kw)
    with case.engine() as eng:
        table = features.build(eng, cfg)
        hard = hardlinks.find(eng, cfg)
    rows = {r["account_id"]: r for r in table.to_pylist()}
    return rows, hard


def test_ip_sets_drop_private_common_and_anonymiser_addresses(tmp_path):
    case = new_case(tmp_path)
    insert(case, "accounts", [account(f"a{i}", f"name{chr(97 + i)}x") for i in range(12)])
    obs = [observation(a, "ipv4", "10.1.2.3") for a in ("a0", "a1")]  # private
    obs += [observation(f"a{i}", "ipv4", "93.184.216.34") for i in range(10)]  # common
    obs += [observation(a, "ipv4", "84.112.7.9") for a in ("a0", "a1")]  # rare
    obs += [observation(a, "ipv4", "185.220.101.4") for a in ("a2", "a3")]  # Tor exit
    insert(case, "observations", obs)
    tor = [o["observation_id"] for o in obs if o["value"] == "185.220.101.4"]
    insert(case, "enrichments", [
        {"observation_id": t, "network_kind": "tor", "anonymiser": True} for t in tor
    ])  # fmt: skip
    rows, _ = _build(case)
    assert rows["a0"]["ip_ok"] == ["84.112.7.9"]
    assert rows["a0"]["ip_rare"] == ["84.112.7.9"]
    assert rows["a0"]["ip_month"] == ["84.112.7.9@2010-03"]
    assert rows["a2"]["ip_ok"] is None  # only a Tor exit and a common address left
    assert rows["a5"]["ip_ok"] is None


def test_busy_network_is_not_evidence(tmp_path):
    case = new_case(tmp_path)
    n = 40
    insert(case, "accounts", [account(f"v{i:02d}", f"user{chr(97 + i % 26)}{i}") for i in range(n)])
    # one VPN /24: every account on it, two accounts per address
    obs = [observation(f"v{i:02d}", "ipv4", f"146.70.12.{i // 2}") for i in range(n)]
    # scattered residential leases elsewhere, one pair sharing one
    obs += [observation(f"v{i:02d}", "ipv4", f"77.{i}.{i}.9") for i in range(2, n)]
    obs += [observation(v, "ipv4", "77.200.1.1") for v in ("v00", "v01")]
    insert(case, "observations", obs)
    rows, _ = _build(case, busy_net_min_accounts=12)
    assert rows["v00"]["ip_ok"] == ["77.200.1.1"]
    assert all(not any(ip.startswith("146.70.12.") for ip in (r["ip_ok"] or []))
               for r in rows.values())  # fmt: skip


def test_hard_links_need_an_uncommon_shared_value(tmp_path):
    case = new_case(tmp_path)
    accs = [account("h1", "alpha", "Same.Person+x@gmail.com"),
            account("h2", "beta", "sameperson@googlemail.com")]  # fmt: skip
    accs += [account(f"t{i}", f"throw{chr(97 + i)}", "anon@mailinator.com") for i in range(9)]
    insert(case, "accounts", accs)
    rows, hard = _build(case)
    assert rows["h1"]["email_norm"] == rows["h2"]["email_norm"] == "sameperson@gmail.com"
    assert rows["t0"]["email_norm"] is None  # common: 9 accounts > 8
    assert [(h.left, h.right, h.rule) for h in hard] == [("h1", "h2", "same_email")]


def test_home_network_is_the_operator_when_enriched(tmp_path):
    case = new_case(tmp_path)
    insert(case, "accounts", [account(a, f"user{a}") for a in ("o1", "o2", "o3")])
    # two leases of one ISP in different /16s, and an address nobody enriched
    obs = [observation("o1", "ipv4", "73.12.4.9"), observation("o2", "ipv4", "73.140.9.1"),
           observation("o3", "ipv4", "81.2.3.4")]  # fmt: skip
    insert(case, "observations", obs)
    insert(case, "enrichments", [
        {"observation_id": o["observation_id"], "asn": 7922, "country": "US"} for o in obs[:2]
    ])  # fmt: skip
    rows, _ = _build(case)
    assert rows["o1"]["home_net"] == rows["o2"]["home_net"] == "AS7922/US"
    assert rows["o3"]["home_net"] == "81.2"  # the /16 without an operator


def test_blocked_follows_the_blocking_rules(tmp_path):
    case = new_case(tmp_path)
    insert(case, "accounts", [account("b1", "mike_fox", "mf1@web.de"),
                              account("b2", "M1ke.Fox77", "foxy@gmx.de"),
                              account("b3", "tom_bear", "tb@web.de"),
                              account("b4", "stone_hawk", "sh@web.de")])  # fmt: skip
    insert(case, "observations", [observation(a, "ipv4", "84.112.7.9") for a in ("b3", "b4")])
    rows, _ = _build(case)
    assert comparisons.blocked(rows["b1"], rows["b2"])  # same normalised name
    assert comparisons.blocked(rows["b3"], rows["b4"])  # a shared uncommon IP
    assert not comparisons.blocked(rows["b1"], rows["b3"])


def test_dense_residential_pool_is_kept_when_enriched(tmp_path):
    case = new_case(tmp_path)
    n = 40
    insert(case, "accounts", [account(f"r{i:02d}", f"user{chr(97 + i % 26)}{i}") for i in range(n)])
    # a small ISP's dynamic pool: one dense /24, two accounts per lease, named residential
    obs = [observation(f"r{i:02d}", "ipv4", f"203.0.113.{i // 2}") for i in range(n)]
    obs += [observation(f"r{i:02d}", "ipv4", f"77.{i}.{i}.9") for i in range(n)]
    insert(case, "observations", obs)
    insert(case, "enrichments", [
        {"observation_id": o["observation_id"], "network_kind": "residential", "asn": 64500}
        for o in obs[:n]
    ])  # fmt: skip
    rows, _ = _build(case, busy_net_min_accounts=12)
    assert rows["r00"]["ip_ok"] == ["203.0.113.0"]
    assert rows["r00"]["home_net"] == "AS64500"  # no country recorded: the AS alone
