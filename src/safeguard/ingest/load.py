"""Loading one staged unit into the analysis store through its mapping."""

from __future__ import annotations

from pathlib import Path

from safeguard.engine.duckdb_engine import Engine
from safeguard.evidence.register import EvidenceItem
from safeguard.ingest.compile import StagedTable, choose, compile_spec, id_macro
from safeguard.ingest.mapping import REFERENCES, Mapping
from safeguard.ingest.stage import UnitManifest
from safeguard.model.schema import load_schema


def load_unit(
    eng: Engine,
    case_root: Path,
    item: EvidenceItem,
    folder: Path,
    unit: UnitManifest,
    mappings: dict[str, Mapping],
    forced: str | None,
    salt: str,
) -> tuple[str | None, dict[str, int]]:
    """Record the unit's tables and problems, map its rows; return (mapping, counts)."""
    sub = folder / unit.folder
    declared = {
        name: StagedTable(name, tuple(str(sub / p) for p in t["parts"]), frozenset(t["columns"]))
        for name, t in unit.tables.items()
    }
    # empty tables count for detection (a forum without PMs still has the PM tables)
    choice = choose(mappings, unit.reader or "", declared, forced) if declared else None
    staged = {name: t for name, t in declared.items() if t.paths}
    used = {choice.prefix + t for t in choice.mapping.tables_used()} if choice else set()
    _record_unit(eng, case_root, item, unit, sub, used)
    if choice is None:
        return None, {}
    if choice.missing:
        eng.execute(
            "INSERT INTO ingest_problems VALUES (?, ?, NULL, NULL, 'warning', "
            "'partial-detection', ?, 1)",
            [
                item.evidence_id,
                unit.member,
                f"mapped as {choice.mapping.name} although tables "
                f"{', '.join(choice.prefix + t for t in choice.missing)} are absent "
                "(truncated or partial dump?)",
            ],
        )
    eng.execute(id_macro(salt))
    params = {
        "evidence_id": item.evidence_id,
        "evidence_sha256": item.sha256,
        "source_member": unit.member,
    }
    counts: dict[str, int] = {}
    schema = load_schema()
    for spec in choice.mapping.specs:
        columns = schema.tables[spec.record].column_names
        sql = compile_spec(spec, choice, staged, columns)
        if sql is None:
            continue
        before = _count(eng, spec.record, item, unit.member)
        eng.execute(sql, params)
        counts[spec.record] = (
            counts.get(spec.record, 0) + _count(eng, spec.record, item, unit.member) - before
        )
    _null_dangling_refs(eng, item, unit.member)
    return choice.mapping.name, counts


def _count(eng: Engine, table: str, item: EvidenceItem, member: str) -> int:
    row = eng.fetchall(
        f'SELECT count(*) FROM "{table}" WHERE evidence_id = ? AND source_member = ?',
        [item.evidence_id, member],
    )
    return int(row[0][0])


def _null_dangling_refs(eng: Engine, item: EvidenceItem, member: str) -> None:
    """A reference to an account the source does not hold (guest, deleted user) → NULL."""
    for (table, column), kind in REFERENCES.items():
        if kind != "acc":
            continue
        eng.execute(
            f'UPDATE "{table}" SET "{column}" = NULL WHERE evidence_id = ? AND source_member = ? '
            f'AND "{column}" IS NOT NULL AND "{column}" NOT IN (SELECT account_id FROM accounts '
            "WHERE evidence_id = ? AND source_member = ?)",
            [item.evidence_id, member, item.evidence_id, member],
        )


def _record_unit(
    eng: Engine, case_root: Path, item: EvidenceItem, unit: UnitManifest, sub: Path, used: set[str]
) -> None:
    eng.execute(
        "INSERT INTO ingest_units VALUES (?, ?, ?, ?, ?, ?)",
        [
            item.evidence_id,
            unit.member,
            unit.reader,
            unit.bytes_read,
            unit.rows,
            unit.problem_count,
        ],
    )
    for name, t in sorted(unit.tables.items()):
        eng.execute(
            "INSERT INTO source_tables VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                item.evidence_id,
                unit.member,
                name,
                t["rows"],
                list(t["columns"]),
                str((sub / t["parts"][0]).relative_to(case_root)) if t["parts"] else None,
                name in used,
            ],
        )
    for p in unit.problems:
        eng.execute(
            "INSERT INTO ingest_problems VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                item.evidence_id,
                unit.member,
                p["table"],
                p["offset"],
                p["severity"],
                p["kind"],
                p["message"],
                p["count"],
            ],
        )
