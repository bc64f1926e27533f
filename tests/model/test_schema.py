from pathlib import Path

from safeguard.model.schema import ddl, load_schema, markdown

ROOT = Path(__file__).resolve().parents[2]


def test_docs_schema_md_matches_the_model():
    doc = (ROOT / "docs" / "schema.md").read_text("utf-8")
    assert doc == markdown(), "docs/schema.md is stale: run `safeguard schema --markdown`"


def test_core_columns_named_in_the_contract_exist():
    tables = load_schema().tables
    required = {
        "evidence": {"evidence_id", "sha256"},
        "accounts": {
            "account_id",
            "source_user_id",
            "username",
            "email",
            "registered_at",
            "registration_ip",
        },
        "posts": {
            "post_id",
            "source_post_id",
            "account_id",
            "posted_at",
            "ip",
            "subject",
            "text_raw",
            "text_plain",
        },
        "private_messages": {
            "message_id",
            "source_message_id",
            "sender_account_id",
            "sent_at",
            "ip",
            "subject",
            "text_raw",
            "text_plain",
        },
        "message_recipients": {"message_id", "account_id", "kind"},
        "login_events": {"account_id", "seen_at", "ip", "user_agent"},
    }
    for table, cols in required.items():
        assert cols <= set(tables[table].column_names), table


def test_every_record_table_carries_provenance():
    schema = load_schema()
    prov = {c.name for c in schema.provenance}
    for table in schema.tables.values():
        if table.has_provenance:
            assert prov <= set(table.column_names)
    assert schema.tables["posts"].has_provenance


def test_ddl_is_valid_duckdb():
    import duckdb

    con = duckdb.connect()
    for stmt in ddl():
        con.execute(stmt)
    assert len(con.execute("SHOW TABLES").fetchall()) == len(load_schema().tables)
