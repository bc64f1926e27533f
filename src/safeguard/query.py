"""Read-only SQL over the analysis store, and the ``stats`` summary."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from safeguard.case import Case
from safeguard.exceptions import EngineError, QueryError
from safeguard.model.schema import load_schema


@dataclass(frozen=True)
class Result:
    columns: list[str]
    rows: list[tuple[Any, ...]]
    truncated: bool


def run_query(case: Case, sql: str, limit: int | None = None) -> Result:
    """Run ``sql`` on a read-only connection with no file or network access."""
    limit = limit or case.settings.query_row_limit
    with case.engine(read_only=True) as eng:
        eng.execute("SET enable_external_access = false")
        eng.execute("SET lock_configuration = true")
        try:
            cur = eng.execute(sql)
        except EngineError as exc:
            raise QueryError(str(exc).split("\n-- failed SQL:")[0]) from exc
        if cur.description is None:
            return Result([], [], False)
        columns = [d[0] for d in cur.description]
        rows = cur.fetchmany(limit + 1)
    return Result(columns, rows[:limit], len(rows) > limit)


def stats(case: Case) -> dict[str, Any]:
    """Counts per record table, per evidence item, and problems by severity."""
    record_tables = [t.name for t in load_schema().tables.values() if t.has_provenance]
    with case.engine(read_only=True) as eng:
        totals = {t: eng.fetchall(f'SELECT count(*) FROM "{t}"')[0][0] for t in record_tables}
        per_item = []
        for ev in eng.fetchall(
            "SELECT evidence_id, original_name, format, ingest_status FROM evidence "
            "ORDER BY registered_at, evidence_id"
        ):
            counts = {
                t: eng.fetchall(f'SELECT count(*) FROM "{t}" WHERE evidence_id = ?', [ev[0]])[0][0]
                for t in record_tables
            }
            per_item.append(
                {
                    "evidence_id": ev[0],
                    "name": ev[1],
                    "format": ev[2],
                    "status": ev[3],
                    "records": counts,
                }
            )
        problems = dict(
            eng.fetchall(
                "SELECT severity, sum(count) FROM ingest_problems GROUP BY severity ORDER BY 1"
            )
        )
    return {"records": totals, "evidence": per_item, "problems": problems}
