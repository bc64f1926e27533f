"""Choosing a mapping for staged source tables, and compiling it to SQL.

The compiled SQL reads the staged Parquet copies of the raw tables and
inserts records with provenance. Record ids are derived by the ``sg_id``
macro from a per-unit salt (case id, evidence hash, archive member) and the
source key, so ingesting the same evidence again gives the same ids.
"""

from __future__ import annotations

from dataclasses import dataclass

from safeguard.exceptions import MappingError
from safeguard.ingest.mapping import ID_COLUMNS, PLACEHOLDER, REFERENCES, Mapping, RecordSpec

#: besides id tables (deduplicated on their id), rows identical on these columns are dropped
DEDUPE = {
    "message_recipients": ("message_id", "source_user_id", "kind"),
    "mail_recipients": ("mail_id", "role", "address"),
}


@dataclass(frozen=True, slots=True)
class StagedTable:
    """A raw table staged as Parquet."""

    name: str
    paths: tuple[str, ...]
    columns: frozenset[str]


@dataclass(frozen=True, slots=True)
class Choice:
    """A mapping chosen for a unit, with the table prefix found."""

    mapping: Mapping
    prefix: str
    score: int
    missing: tuple[str, ...] = ()  # detect tables absent (a truncated or partial dump)


def _candidates(mapping: Mapping, names: set[str]) -> list[Choice]:
    """Every prefix under which at least one of the mapping's detect tables exists."""
    found = set(mapping.prefixes) | {
        n[: -len(t)] for t in mapping.detect_tables for n in names if n.endswith(t)
    }
    used = mapping.tables_used()
    out = []
    for prefix in sorted(found):
        present = [t for t in mapping.detect_tables if prefix + t in names]
        if not present:
            continue
        missing = tuple(t for t in mapping.detect_tables if prefix + t not in names)
        score = (
            (0 if missing else 100_000)
            + (1_000 if prefix in mapping.prefixes else 0)
            + 100 * len(present)
            + sum(prefix + t in names for t in used)
        )
        out.append(Choice(mapping, prefix, score, missing))
    return out


def choose(
    mappings: dict[str, Mapping],
    reader: str,
    tables: dict[str, StagedTable],
    forced: str | None = None,
) -> Choice | None:
    """The best-fitting mapping, or the forced one.

    A mapping whose detect tables are all present beats any partial fit; a
    partial fit (a dump truncated before some tables) is still used, and the
    caller reports the missing tables.
    """
    names = set(tables)
    if forced is not None:
        if forced not in mappings:
            raise MappingError(f"no mapping named {forced!r}; known: {sorted(mappings)}")
        found = _candidates(mappings[forced], names)
        if not found:
            m = mappings[forced]
            raise MappingError(
                f"mapping {forced!r} needs tables {list(m.detect_tables)} (with any prefix); "
                f"the evidence has {sorted(names)[:20]}"
            )
        return max(found, key=lambda c: c.score)
    best: Choice | None = None
    for m in mappings.values():
        if m.readers and reader not in m.readers:
            continue
        for c in _candidates(m, names):
            if best is None or c.score > best.score:
                best = c
    return best


def id_macro(salt: str) -> str:
    """The ``sg_id(kind, key)`` macro for one unit; ``salt`` must be hex."""
    if not all(c in "0123456789abcdef" for c in salt):
        raise ValueError("salt must be lower-case hex")
    return (
        "CREATE OR REPLACE TEMP MACRO sg_id(kind, key) AS kind || '_' || "
        f"substr(sha256('{salt}|' || kind || '|' || CAST(key AS VARCHAR)), 1, 16)"
    )


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _source(table: StagedTable) -> str:
    paths = ", ".join(_lit(p) for p in table.paths)
    return f"read_parquet([{paths}], union_by_name = true)"


class _Scope:
    """Which alias has which columns, for placeholder resolution."""

    def __init__(self) -> None:
        self.columns: dict[str, frozenset[str]] = {}

    def render(self, expr: str) -> str | None:
        """``expr`` with placeholders resolved, or None if one names a missing column."""
        missing = False

        def sub(m: object) -> str:
            nonlocal missing
            alias, col = m.group(1), m.group(2)  # type: ignore[attr-defined]
            if col not in self.columns.get(alias, frozenset()):
                missing = True
                return "NULL"
            return f'{alias}."{col}"'

        out = PLACEHOLDER.sub(sub, expr)
        return None if missing else out

    def coalesce(self, alts: list[str]) -> str:
        rendered = [r for r in (self.render(a) for a in alts) if r is not None]
        if not rendered:
            return "NULL"
        return rendered[0] if len(rendered) == 1 else f"coalesce({', '.join(rendered)})"


def compile_spec(
    spec: RecordSpec, choice: Choice, tables: dict[str, StagedTable], columns: tuple[str, ...]
) -> str | None:
    """INSERT … SELECT for one spec, or None when its source table is absent."""
    base = tables.get(choice.prefix + spec.table)
    if base is None:
        return None
    scope = _Scope()
    scope.columns[spec.alias] = base.columns
    sql_from = [f"{_source(base)} AS {spec.alias}"]
    no_fanout: dict[str, StagedTable] = {}
    fanout: list[str] = []  # joins meant to give one record per joined row
    for j in spec.joins:
        jt = tables.get(choice.prefix + j.table)
        if jt is None:
            continue
        scope.columns[j.alias] = jt.columns
        on = scope.render(j.on)
        if on is None:
            del scope.columns[j.alias]
            continue
        sql_from.append(f"LEFT JOIN {_source(jt)} AS {j.alias} ON {on}")
        if j.first_per:
            no_fanout[j.alias] = jt
        else:
            fanout.append(j.alias)
    if spec.unnest is not None:
        expr = scope.render(spec.unnest.expr)
        if expr is None:
            return None
        fields = ", ".join(f"u.rec.{f} AS {f}" for f in spec.unnest.fields)
        sql_from.append(
            f", LATERAL (SELECT {fields} FROM (SELECT unnest({expr}) AS rec) AS u) "
            f"AS {spec.unnest.alias}"
        )
        scope.columns[spec.unnest.alias] = frozenset(spec.unnest.fields)
    select = _select_list(spec, choice, scope, columns)
    where = [w for w in (scope.render(c) for c in spec.where) if w is not None]
    from_sql = " ".join(sql_from).replace(" , LATERAL", ", LATERAL")
    where_sql = " WHERE " + " AND ".join(f"({w})" for w in where) if where else ""
    narrow = spec.record in ID_COLUMNS and not fanout and spec.unnest is None
    if narrow:
        # one record per id: pick each id's first source row on narrow columns only, so
        # the wide rows (post texts) are never sorted or spilled by a window
        winners = (
            f"SELECT min({spec.alias}._sg_row) FROM {from_sql}{where_sql} "
            f"GROUP BY {scope.coalesce(spec.key)}"
        )
        cond = f"{spec.alias}._sg_row IN ({winners})"
        where_sql = f"{where_sql} AND {cond}" if where_sql else f" WHERE {cond}"
    sql = f"SELECT {select} FROM {from_sql}{where_sql}"
    if no_fanout and not fanout and spec.unnest is None:
        sql = _first_per_narrow(spec.alias, base, no_fanout, select, from_sql + where_sql)
    elif no_fanout:
        # a `first_per` join keeps the first matching row (after its ON condition) per
        # source row, so joins never multiply records
        order = ", ".join(f"{a}._sg_row" for a in no_fanout)
        part = [f"{a}._sg_row" for a in (spec.alias, *fanout)]
        if spec.unnest is not None:
            part += [f"{spec.unnest.alias}.{f}" for f in spec.unnest.fields]
        sql += f" QUALIFY row_number() OVER (PARTITION BY {', '.join(part)} ORDER BY {order}) = 1"
    return _dedupe(spec.record, sql, columns, already_unique=narrow)


def _first_per_narrow(
    alias: str, base: StagedTable, joins: dict[str, StagedTable], select: str, from_where: str
) -> str:
    """The `first_per` choice made on row numbers only, then the wide rows joined to it.

    Same records as ``QUALIFY row_number() OVER (PARTITION BY base row ORDER BY join
    rows) = 1`` over the whole join, but the window sorts two integers per row instead
    of every selected column (post texts), the most expensive step of a large ingest.
    ``_sg_row`` is unique within a staged table, so the rejoin cannot multiply rows.
    """
    names = {a: f"_sg_r{i}" for i, a in enumerate(joins, start=1)}
    ids = ", ".join(
        [f"{alias}._sg_row AS _sg_r0", *(f"{a}._sg_row AS {n}" for a, n in names.items())]
    )
    order = ", ".join(f"{a}._sg_row" for a in joins)
    pick = (
        f"SELECT {ids} FROM {from_where} "
        f"QUALIFY row_number() OVER (PARTITION BY {alias}._sg_row ORDER BY {order}) = 1"
    )
    rejoin = [
        f"{_source(base)} AS {alias} JOIN ({pick}) AS _sg_pick ON {alias}._sg_row = _sg_pick._sg_r0"
    ]
    rejoin += [
        f"LEFT JOIN {_source(t)} AS {a} ON {a}._sg_row = _sg_pick.{names[a]}"
        for a, t in joins.items()
    ]
    return f"SELECT {select} FROM {' '.join(rejoin)}"


def _select_list(spec: RecordSpec, choice: Choice, scope: _Scope, columns: tuple[str, ...]) -> str:
    exprs: dict[str, str] = {}
    for col, alts in spec.fields.items():
        expr = scope.coalesce(alts)
        kind = REFERENCES.get((spec.record, col))
        exprs[col] = f"sg_id('{kind}', {expr})" if kind else expr
    if spec.record in ID_COLUMNS:
        id_col, kind = ID_COLUMNS[spec.record]
        exprs[id_col] = f"sg_id('{kind}', {scope.coalesce(spec.key)})"
    if "platform" in columns:
        exprs.setdefault("platform", _lit(choice.mapping.name))
    if "time_source" in columns:
        exprs.setdefault("time_source", _lit(choice.mapping.time_source))
    a = spec.alias
    exprs.update(
        {
            "evidence_id": "$evidence_id",
            "evidence_sha256": "$evidence_sha256",
            "source_member": "$source_member",
            "source_table": _lit(choice.prefix + spec.table),
            "source_row": f"{a}._sg_row",
            "source_offset": f"{a}._sg_offset",
        }
    )
    return ", ".join(f'{exprs.get(c, "NULL")} AS "{c}"' for c in columns)


def _dedupe(record: str, sql: str, columns: tuple[str, ...], *, already_unique: bool) -> str:
    keys: tuple[str, ...] = ()
    if already_unique:
        pass
    elif record in ID_COLUMNS:
        keys = (ID_COLUMNS[record][0],)
    elif record in DEDUPE:
        keys = DEDUPE[record]
    cols = ", ".join(f'"{c}"' for c in columns)
    if keys:
        part = ", ".join(f'"{k}"' for k in keys)
        sql = (
            f"SELECT {cols} FROM ({sql}) QUALIFY row_number() OVER "
            f"(PARTITION BY {part} ORDER BY source_row) = 1"
        )
    return f'INSERT INTO "{record}" ({cols}) {sql}'
