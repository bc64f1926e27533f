"""Baselines for benchmarks/resolve.py: exact e-mail linking, and Splink with defaults."""

from __future__ import annotations

import logging

import pyarrow as pa

from safeguard.case import Case


def _components(accounts: list[str], pairs: list[tuple[str, str]]) -> dict[str, str]:
    parent = {a: a for a in accounts}

    def find(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {a: find(a) for a in accounts}


def exact_email(case: Case) -> dict[str, str]:
    """Accounts with the same registration e-mail (lower-cased) are one person."""
    with case.engine(read_only=True) as eng:
        accounts = [str(r[0]) for r in eng.fetchall("SELECT account_id FROM accounts")]
        pairs = eng.fetchall("""
            SELECT a.account_id, b.account_id FROM accounts a JOIN accounts b
            ON lower(trim(a.email)) = lower(trim(b.email)) AND a.account_id < b.account_id
            WHERE coalesce(trim(a.email), '') <> ''""")
    return _components(accounts, [(str(a), str(b)) for a, b in pairs])


def splink_default(case: Case) -> dict[str, str]:
    """Splink as a tutorial would use it: library comparisons, default prior,
    u by random sampling, m by EM, clusters at 0.95."""
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    with case.engine(read_only=True) as eng:
        table: pa.Table = eng.con.sql(
            "SELECT account_id, lower(username) AS username, lower(email) AS email, "
            "registration_ip, last_ip FROM accounts ORDER BY account_id"
        ).to_arrow_table()
    logging.getLogger("splink").setLevel(logging.ERROR)
    db = DuckDBAPI(":memory:")
    # bounded like the stage: the shared machine must not be swamped
    spill = case.root / "runs" / "baseline-spill"
    spill.mkdir(parents=True, exist_ok=True)
    db.duckdb_con.execute("SET memory_limit = '2GB'")
    db.duckdb_con.execute("SET threads = 2")
    db.duckdb_con.execute("SET temp_directory = ?", [str(spill)])
    db.duckdb_con.execute("SET preserve_insertion_order = false")
    settings = SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="account_id",
        comparisons=[
            cl.EmailComparison("email"),
            cl.NameComparison("username"),
            cl.ExactMatch("registration_ip"),
            cl.ExactMatch("last_ip"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("email"), block_on("username"), block_on("registration_ip"),
        ],
    )  # fmt: skip
    linker = Linker(db.register(table), settings, log_level=None)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=1)
    # usernames are unique on a forum: EM needs a looser block
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("substr(username, 1, 3)"),
        fix_probability_two_random_records_match=True,
        max_pairs=1e6,
    )
    pred = linker.inference.predict(threshold_match_probability=0.5)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(pred, 0.95)
    rows = clusters.as_record_list()
    return {str(r["account_id"]): str(r["cluster_id"]) for r in rows}
