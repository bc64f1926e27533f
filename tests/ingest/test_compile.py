"""Every shipped mapping compiles to SQL that DuckDB accepts, and detection picks right."""

import re

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from safeguard.engine.duckdb_engine import Engine
from safeguard.ingest.compile import StagedTable, choose, compile_spec, id_macro
from safeguard.ingest.mapping import PLACEHOLDER, load_mappings, parse_mapping
from safeguard.model.schema import load_schema
from safeguard.settings import Settings

MAPPINGS = load_mappings()
BINARY_USE = re.compile(r"sg_(?:ip_bin|recipients)\(\{(\w+)\.([\w$ -]+)\}")


def _tables_for(mapping, folder):
    """One staged table per source table the mapping names, with every column it uses."""
    columns: dict[str, set[str]] = {}
    binary = set()
    for spec in mapping.specs:  # aliases are per spec: two specs may reuse one
        aliases = {spec.alias: spec.table, **{j.alias: j.table for j in spec.joins}}
        for table in aliases.values():
            columns.setdefault(table, set())
        texts = [a for alts in spec.fields.values() for a in alts] + list(spec.key)
        texts += list(spec.where) + [j.on for j in spec.joins]
        texts += [spec.unnest.expr] if spec.unnest else []
        for text in texts:
            for alias, col in PLACEHOLDER.findall(text):
                if alias in aliases:
                    columns[aliases[alias]].add(col)
            binary |= {(aliases.get(a), c) for a, c in BINARY_USE.findall(text)}
    prefix = mapping.prefixes[0] if mapping.prefixes else ""
    staged = {}
    for table, cols in columns.items():
        names = sorted(cols)
        arrays = [
            pa.array([None], pa.binary() if (table, c) in binary else pa.string()) for c in names
        ]
        arrays += [pa.array([0], pa.int64()), pa.array([0], pa.int64())]
        path = folder / f"{table}.parquet"
        pq.write_table(pa.Table.from_arrays(arrays, names=[*names, "_sg_row", "_sg_offset"]), path)
        staged[prefix + table] = StagedTable(prefix + table, (str(path),), frozenset(names))
    for t in mapping.detect_tables:
        staged.setdefault(prefix + t, StagedTable(prefix + t, (), frozenset()))
    return staged


@pytest.mark.parametrize("name", sorted(MAPPINGS))
def test_shipped_mapping_compiles_and_runs(name, tmp_path):
    mapping = MAPPINGS[name]
    staged = _tables_for(mapping, tmp_path)
    choice = choose({name: mapping}, mapping.readers[0] if mapping.readers else "", staged)
    assert choice is not None
    assert choice.mapping.name == name
    eng = Engine(tmp_path / "a.duckdb", Settings())
    eng.create_schema()
    eng.execute(id_macro("ab" * 32))
    params = {"evidence_id": "ev-1", "evidence_sha256": "0" * 64, "source_member": ""}
    ran = 0
    for spec in mapping.specs:
        columns = load_schema().tables[spec.record].column_names
        sql = compile_spec(spec, choice, {k: v for k, v in staged.items() if v.paths}, columns)
        if sql is not None:
            eng.execute(sql, params)
            ran += 1
    eng.close()
    assert ran == len(mapping.specs)


MINI = """
name: mini
readers: [csv]
detect: {tables: [members]}
records:
  accounts:
    from: {table: members, as: m}
    key: "{m.id}"
    fields:
      source_user_id: "{m.id}"
      username: ["{m.nick}", "{m.name}"]
      email: "{m.missing_column}"
"""


def test_alternatives_drop_missing_columns_and_prefixes_are_found():
    mapping = parse_mapping(MINI, "mini")
    staged = {"zz_members": StagedTable("zz_members", ("x.parquet",), frozenset({"id", "name"}))}
    choice = choose({"mini": mapping}, "csv", staged)
    assert choice.prefix == "zz_"
    sql = compile_spec(
        mapping.specs[0], choice, staged, load_schema().tables["accounts"].column_names
    )
    assert 'm."name" AS "username"' in sql
    assert 'NULL AS "email"' in sql
    assert "nick" not in sql


def test_detection_prefers_the_mapping_with_more_matching_tables():
    staged = {
        n: StagedTable(n, ("p",), frozenset())
        for n in [
            "phpbb_users",
            "phpbb_posts",
            "phpbb_privmsgs",
            "phpbb_privmsgs_to",
            "phpbb_topics",
        ]
    }
    assert choose(MAPPINGS, "mysqldump", staged).mapping.name == "phpbb3"
    assert (
        choose(MAPPINGS, "pgdump", staged) is None
        or choose(MAPPINGS, "pgdump", staged).mapping.name != "phpbb3"
    )


@pytest.mark.parametrize(
    "bad",
    [
        "name: x\nrecords: {nosuchtable: {from: {table: t, as: a}}}",
        "name: x\nrecords: {accounts: {from: {table: t, as: a}, fields: {nosuchcol: '1'}}}",
        "name: x\nrecords: {accounts: {from: {table: t, as: a}, fields: {username: '1'}}}",
        "[not, a, mapping]",
    ],
)
def test_invalid_mappings_are_refused_with_a_message(bad):
    from safeguard.exceptions import MappingError

    with pytest.raises(MappingError, match=r"^x: "):
        parse_mapping(bad, "x")


JOINED = """
name: joined
detect: {tables: [members]}
records:
  accounts:
    from: {table: members, as: m}
    joins:
      - table: emails
        as: e
        on: "{e.user_id} = {m.id} AND {e.is_primary} = 't'"
        first_per: user_id
    key: "{m.id}"
    fields: {source_user_id: "{m.id}", email: "{e.email}"}
"""


def _parquet(path, **cols):
    names = list(cols)
    n = len(next(iter(cols.values())))
    arrays = [pa.array(v, pa.string()) for v in cols.values()]
    arrays += [pa.array(range(n), pa.int64()), pa.array(range(n), pa.int64())]
    pq.write_table(pa.Table.from_arrays(arrays, names=[*names, "_sg_row", "_sg_offset"]), path)
    return StagedTable(path.stem, (str(path),), frozenset(names))


def test_first_per_join_applies_its_condition_first_and_never_multiplies_rows(tmp_path):
    staged = {
        "members": _parquet(tmp_path / "members.parquet", id=["1", "2"]),
        "emails": _parquet(
            tmp_path / "emails.parquet",
            user_id=["1", "1", "1", "2"],
            is_primary=["f", "t", "t", "f"],
            email=["old@x", "a@x", "b@x", "c@x"],
        ),
    }
    mapping = parse_mapping(JOINED, "joined")
    choice = choose({"joined": mapping}, "", staged)
    eng = Engine(tmp_path / "a.duckdb", Settings())
    eng.create_schema()
    eng.execute(id_macro("cd" * 32))
    cols = load_schema().tables["accounts"].column_names
    eng.execute(
        compile_spec(mapping.specs[0], choice, staged, cols),
        {"evidence_id": "e", "evidence_sha256": "s", "source_member": ""},
    )
    rows = eng.fetchall("SELECT source_user_id, email FROM accounts ORDER BY 1")
    eng.close()
    assert rows == [("1", "a@x"), ("2", None)]
