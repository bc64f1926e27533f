"""Per-account features for identity resolution, built from the analysis store.

:func:`build` returns one Arrow row per account (column ``account_id`` plus
the compared features) and leaves the ``rs_*`` temporary tables on the
connection for :mod:`safeguard.resolve.hardlinks`. Selector sets come from
``observations``; a value used by more accounts than
``common_selector_accounts`` is dropped everywhere (it says nothing about one
person), as are private/CGNAT addresses and anything ``enrichments`` marks as an
anonymiser (Tor, VPN, hosting, disposable mail). Without enrichments the
private ranges are recognised here and commonness still applies.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pyarrow as pa

from safeguard.engine.duckdb_engine import Engine
from safeguard.resolve import normalise
from safeguard.resolve.config import ResolveSettings

IP_TYPES = ("ipv4", "ipv6")
# Selector types that name one person's contact point (URLs and domains do not).
CONTACT_TYPES = ("email", "phone", "telegram", "skype", "icq", "jabber", "kik", "wickr",
                 "session", "threema", "signal", "whatsapp", "discord", "snapchat", "bitcoin",
                 "litecoin", "ethereum", "monero", "pgp_fingerprint", "pgp_key")  # fmt: skip
_BAD_FLAGS = "['private', 'reserved', 'cgnat', 'loopback', 'link_local']"
# Private, CGNAT, loopback and link-local ranges, for observations nobody flagged.
_PRIVATE_RE = (
    r"^(10\.|127\.|0\.|169\.254\.|192\.168\.|172\.(1[6-9]|2[0-9]|3[01])\.|"
    r"100\.(6[4-9]|[7-9][0-9]|1[01][0-9]|12[0-7])\.|fe80:|f[cd][0-9a-f]{2}:|::1$)"
)
# the /24 of an IPv4 address, the /64 of an IPv6 one
_NET24 = (
    "CASE WHEN t = 'ipv4' THEN regexp_extract(v, '^([0-9]+[.][0-9]+[.][0-9]+)[.]', 1) "
    "ELSE array_to_string(string_split(v, ':')[1:4], ':') END"
)
HOURS = 24
NGRAM_BUCKETS = 64

SCHEMA = pa.schema(
    [
        ("account_id", pa.string()),
        ("email_norm", pa.string()),
        ("email_local_norm", pa.string()),
        ("username_norm", pa.string()),
        ("username_shape", pa.string()),
        ("username_block", pa.string()),
        ("password_token", pa.string()),
        ("timezone", pa.string()),
        ("home_net", pa.string()),
        ("language", pa.string()),
        ("ip_ok", pa.list_(pa.string())),
        ("ip_rare", pa.list_(pa.string())),
        ("ip_month", pa.list_(pa.string())),
        ("contacts", pa.list_(pa.string())),
        ("user_agent", pa.string()),
        ("ua_platform", pa.string()),
        ("hours", pa.list_(pa.float64(), HOURS)),
        ("style", pa.list_(pa.float64(), NGRAM_BUCKETS)),
        ("activity_events", pa.int64()),
        ("text_chars", pa.int64()),
    ]
)


def build(eng: Engine, cfg: ResolveSettings) -> pa.Table:
    """Features of every account, sorted by account_id (deterministic)."""
    _account_table(eng, cfg)
    _observation_tables(eng, cfg)
    _activity_table(eng, cfg)
    _style_table(eng, cfg)
    sql = """
        SELECT a.account_id, a.email_norm, a.email_local_norm, a.username_norm,
               a.username_shape, a.username_block, a.password_token, a.timezone, n.home_net,
               l.language,
               s.ip_ok, s.ip_rare, s.ip_month, s.contacts, u.user_agent,
               h.hours, st.style, h.events AS activity_events, st.chars AS text_chars
        FROM rs_acc a
        LEFT JOIN rs_sets s USING (account_id)
        LEFT JOIN rs_net n USING (account_id)
        LEFT JOIN rs_ua u USING (account_id)
        LEFT JOIN rs_hours h USING (account_id)
        LEFT JOIN rs_style st USING (account_id)
        LEFT JOIN (SELECT account_id, min(value) AS language FROM account_signals
                   WHERE signal = 'language' GROUP BY 1) l USING (account_id)
        ORDER BY a.account_id"""
    table: pa.Table = eng.con.sql(sql).to_arrow_table()
    agents = table.column("user_agent").to_pylist()
    platform = pa.array([normalise.user_agent_platform(ua) for ua in agents], pa.string())
    at = table.schema.get_field_index("user_agent") + 1
    table = table.add_column(at, "ua_platform", platform)
    return table.cast(SCHEMA)


def _account_table(eng: Engine, cfg: ResolveSettings) -> None:
    rows = eng.fetchall(
        "SELECT account_id, username, email, password_hash, password_scheme, "
        "nullif(trim(timezone), '') FROM accounts ORDER BY account_id"
    )
    emails = [normalise.email_norm(r[2]) for r in rows]
    names = [normalise.username_norm(r[1]) for r in rows]
    tokens = [normalise.unsalted_hash(r[3], r[4]) for r in rows]
    email_n, name_n, token_n = Counter(emails), Counter(names), Counter(tokens)
    k = cfg.common_selector_accounts
    cols: dict[str, list[Any]] = {
        "account_id": [r[0] for r in rows],
        # a common address (shared throwaway) or hash ('123456') identifies no one
        "email_norm": [e if e and email_n[e] <= k else None for e in emails],
        "email_local_norm": [normalise.email_local_norm(e) for e in emails],
        "username_norm": names,
        "username_shape": [normalise.username_shape(r[1]) for r in rows],
        "username_block": [n if n and name_n[n] <= cfg.username_block_max else None for n in names],
        "password_token": [t if t and token_n[t] <= k else None for t in tokens],
        "timezone": [r[5] for r in rows],
    }
    eng.con.register("rs_acc_arrow", pa.table(cols))
    eng.execute("CREATE OR REPLACE TEMP TABLE rs_acc AS SELECT * FROM rs_acc_arrow")
    eng.con.unregister("rs_acc_arrow")


def _observation_tables(eng: Engine, cfg: ResolveSettings) -> None:
    """rs_obs (usable observations), rs_sel (accounts per value), rs_sets (arrays)."""
    types = ", ".join(f"'{t}'" for t in (*IP_TYPES, *CONTACT_TYPES))
    ips = ", ".join(f"'{t}'" for t in IP_TYPES)
    eng.execute(f"""
        CREATE OR REPLACE TEMP TABLE rs_obs AS
        SELECT o.account_id, o.selector_type AS t, o.value AS v, o.seen_at, o.method,
               o.record_table, o.field, e.operator, coalesce(e.home, false) AS home
        FROM observations o
        LEFT JOIN (SELECT observation_id, bool_or(coalesce(anonymiser, false)) AS anon,
                          bool_or(network_kind IN ('private', 'cgnat', 'reserved')) AS priv,
                          bool_and(network_kind = 'residential') AS home,
                          min('AS' || asn || coalesce('/' || country, '')) AS operator
                   FROM enrichments GROUP BY 1) e USING (observation_id)
        WHERE o.account_id IS NOT NULL AND coalesce(o.value, '') <> ''
          AND o.selector_type IN ({types})
          AND NOT coalesce(list_has_any(o.flags, {_BAD_FLAGS}), false)
          AND NOT coalesce(e.anon, false) AND NOT coalesce(e.priv, false)
          AND NOT (o.selector_type IN ({ips}) AND regexp_matches(o.value, '{_PRIVATE_RE}'))""")  # noqa: S608 - settings numbers and our names only
    _drop_busy_networks(eng, cfg)
    eng.execute("""
        CREATE OR REPLACE TEMP TABLE rs_sel AS
        SELECT t, v, count(DISTINCT account_id) AS n FROM rs_obs GROUP BY ALL""")
    k, rare = cfg.common_selector_accounts, cfg.rare_ip_accounts
    eng.execute(f"""
        CREATE OR REPLACE TEMP TABLE rs_sets AS
        SELECT o.account_id,
          list_sort(list(DISTINCT o.v) FILTER (WHERE o.t IN ({ips}))) AS ip_ok,
          list_sort(list(DISTINCT o.v) FILTER (WHERE o.t IN ({ips}) AND s.n <= {rare}))
            AS ip_rare,
          list_sort(list(DISTINCT o.v || '@' || strftime(o.seen_at, '%Y-%m'))
            FILTER (WHERE o.t IN ({ips}) AND o.seen_at IS NOT NULL)) AS ip_month,
          list_sort(list(DISTINCT o.t || ':' || o.v)
            FILTER (WHERE o.t NOT IN ({ips})))
            AS contacts
        FROM rs_obs o JOIN rs_sel s USING (t, v)
        WHERE s.n BETWEEN 2 AND {k}
        GROUP BY 1""")  # noqa: S608 - settings numbers and our names only
    eng.execute("""
        UPDATE rs_sets SET
          ip_ok = CASE WHEN len(ip_ok) > 0 THEN ip_ok END,
          ip_rare = CASE WHEN len(ip_rare) > 0 THEN ip_rare END,
          ip_month = CASE WHEN len(ip_month) > 0 THEN ip_month END,
          contacts = CASE WHEN len(contacts) > 0 THEN contacts END""")
    # home network: the operator (AS number and country, from enrichments) the account's
    # usable IPs belong to most often, else their /16 (IPv4) or /48 (IPv6). An ISP hands
    # one customer new leases from prefixes of a /10 or more, so the /16 of two leases of
    # one line rarely agrees; the operator does. Commonness (a national ISP) is left to
    # the model's term-frequency adjustment.
    eng.execute(f"""
        CREATE OR REPLACE TEMP TABLE rs_net AS
        WITH n AS (
          SELECT account_id, coalesce(operator,
                 CASE WHEN t = 'ipv4' THEN regexp_extract(v, '^([0-9]+[.][0-9]+)[.]', 1)
                 ELSE regexp_extract(v, '^([0-9a-f]*:[0-9a-f]*:[0-9a-f]*):', 1) END) AS net
          FROM rs_obs WHERE t IN ({ips}))
        SELECT account_id, arg_max(net, (c, net)) AS home_net
        FROM (SELECT account_id, net, count(*) AS c FROM n WHERE net <> '' GROUP BY ALL)
        GROUP BY 1""")  # noqa: S608 - settings numbers and our names only
    _user_agent_table(eng)


def _user_agent_table(eng: Engine) -> None:
    """rs_ua: each account's main browser, from its logins and from the access-log request
    that registered it (same IP, the closest registration request within two minutes).
    Commonness is left to the model's term-frequency adjustment."""
    eng.execute(r"""
        CREATE OR REPLACE TEMP TABLE rs_ua AS
        WITH reg AS (
          SELECT a.account_id, arg_min(h.user_agent,
                   abs(epoch(h.seen_at) - epoch(a.registered_at))) AS ua
          FROM accounts a JOIN access_log_hits h ON h.client_ip = a.registration_ip
          WHERE h.seen_at BETWEEN a.registered_at - INTERVAL 120 SECOND
                              AND a.registered_at + INTERVAL 120 SECOND
            AND regexp_matches(lower(h.path), 'regist|signup')
          GROUP BY 1),
        u AS (SELECT account_id, ua FROM reg
              UNION ALL SELECT account_id, user_agent FROM login_events
              WHERE account_id IS NOT NULL),
        c AS (SELECT account_id, regexp_replace(trim(ua), '\s+', ' ', 'g') AS ua, count(*) AS n
              FROM u WHERE coalesce(trim(ua), '') <> '' GROUP BY ALL)
        SELECT account_id, arg_max(ua, (n, ua)) AS user_agent FROM c GROUP BY 1""")


def _drop_busy_networks(eng: Engine, cfg: ResolveSettings) -> None:
    """Remove IPs of shared infrastructure: a /24 (IPv4) or /64 (IPv6) used by far more
    accounts than the case's typical block is a VPN, Tor, hosting or campus range, even
    where no enrichment says so (residential leases spread thinly over an ISP's prefix).
    An address the enrichment names residential is kept: a small ISP's dynamic pool is
    dense too (measured at 70,000 members: the rule removed every IP of a third of
    the accounts), and one lease shared by strangers is handled by the counted u."""
    eng.execute(f"""
        CREATE OR REPLACE TEMP TABLE rs_busy AS
        WITH n AS (SELECT DISTINCT account_id, {_NET24} AS net FROM rs_obs
                   WHERE t IN ('ipv4', 'ipv6')),
             c AS (SELECT net, count(*) AS a FROM n GROUP BY 1)
        SELECT net FROM c
        WHERE a > greatest({cfg.busy_net_min_accounts},
                           {cfg.busy_net_factor} * (SELECT avg(a) FROM c))""")  # noqa: S608 - settings numbers and our names only
    eng.execute(f"""
        DELETE FROM rs_obs WHERE t IN ('ipv4', 'ipv6') AND NOT home
          AND {_NET24} IN (SELECT net FROM rs_busy)""")  # noqa: S608 - settings numbers and our names only


def _activity_table(eng: Engine, cfg: ResolveSettings) -> None:
    """rs_hours: share of each account's timestamps per UTC hour (posts, PMs, logins)."""
    cells = ", ".join(f"count(*) FILTER (WHERE h = {i}) / count(*)" for i in range(HOURS))
    eng.execute(f"""
        CREATE OR REPLACE TEMP TABLE rs_hours AS
        WITH ev AS (
          SELECT account_id, hour(posted_at) AS h FROM posts
          WHERE account_id IS NOT NULL AND posted_at IS NOT NULL
          UNION ALL SELECT sender_account_id, hour(sent_at) FROM private_messages
          WHERE sender_account_id IS NOT NULL AND sent_at IS NOT NULL
          UNION ALL SELECT account_id, hour(seen_at) FROM login_events
          WHERE account_id IS NOT NULL AND seen_at IS NOT NULL)
        SELECT account_id, count(*) AS events, CAST([{cells}] AS DOUBLE[]) AS hours
        FROM ev GROUP BY 1 HAVING count(*) >= {cfg.min_activity_events}""")  # noqa: S608 - settings numbers and our names only


def _style_table(eng: Engine, cfg: ResolveSettings) -> None:
    """rs_style: hashed character trigrams (within words) of a bounded sample of posts."""
    cap = cfg.text_sample_chars
    cells = ", ".join(
        f"coalesce(sum(n) FILTER (WHERE b = {i}), 0) / sum(n)" for i in range(NGRAM_BUCKETS)
    )
    eng.execute(f"""
        CREATE OR REPLACE TEMP TABLE rs_style AS
        WITH p AS (
          SELECT account_id, lower(text_plain) AS t, post_id, posted_at,
                 sum(length(text_plain)) OVER (PARTITION BY account_id
                   ORDER BY posted_at, post_id ROWS UNBOUNDED PRECEDING) AS cum
          FROM posts WHERE account_id IS NOT NULL AND coalesce(text_plain, '') <> ''),
        s AS (SELECT account_id, left(string_agg(t, ' ' ORDER BY posted_at, post_id), {cap})
                     AS txt
              FROM p WHERE cum - length(t) < {cap} GROUP BY 1
              HAVING sum(length(t)) >= {cfg.min_text_chars}),
        -- trigrams within space-padded words: substr on a long UTF-8 text is
        -- quadratic, on a word it is cheap
        w AS (SELECT account_id,
                     ' ' || unnest(regexp_split_to_array(txt, '[^[:alnum:]]+')) || ' ' AS w
              FROM s),
        g AS (SELECT account_id, hash(substr(w, i, 3)) % {NGRAM_BUCKETS} AS b
              FROM (SELECT account_id, w, unnest(range(1, length(w) - 1)) AS i
                    FROM w WHERE length(w) > 2)),
        c AS (SELECT account_id, b, count(*) AS n FROM g GROUP BY ALL)
        SELECT account_id, sum(n) + 2 AS chars,
               CAST([{cells}] AS DOUBLE[]) AS style
        FROM c GROUP BY 1""")  # noqa: S608 - settings numbers and our names only
