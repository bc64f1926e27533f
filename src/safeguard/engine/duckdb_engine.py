"""The DuckDB analysis engine: the only module that imports duckdb.

Stages build SQL and hand it here; an error comes back as
:class:`~safeguard.exceptions.EngineError` carrying the SQL that failed.
Safeguard's SQL helpers (``sg_epoch``, ``sg_ip_text``, ``sg_plain`` …) are
registered on every connection by :mod:`safeguard.engine.functions`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from safeguard.exceptions import CaseError, EngineError
from safeguard.model.schema import ddl, load_schema
from safeguard.settings import Settings


class Engine:
    """One connection to a case's analysis store."""

    def __init__(self, path: Path, settings: Settings, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        try:
            self.con = duckdb.connect(
                str(path),
                read_only=read_only,
                config={
                    "memory_limit": settings.duckdb_memory_limit,
                    "threads": settings.duckdb_threads,
                },
            )
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise CaseError(
                    f"the analysis store {path} is in use by another Safeguard process; "
                    "wait for it to finish and try again"
                ) from exc
            raise CaseError(f"cannot open the analysis store {path}: {exc}") from exc
        self.con.execute("SET enable_progress_bar = false")  # Safeguard reports progress itself
        from safeguard.engine.functions import register

        register(self.con)

    def close(self) -> None:
        self.con.close()

    def execute(
        self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None
    ) -> duckdb.DuckDBPyConnection:
        """Run one statement; wrap engine errors with the SQL."""
        try:
            return self.con.execute(sql, params) if params is not None else self.con.execute(sql)
        except duckdb.Error as exc:
            raise EngineError(f"analysis engine error: {exc}", sql) from exc

    def fetchall(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
        return self.execute(sql, params).fetchall()

    def batches(
        self, sql: str, params: Sequence[Any] | None = None, rows: int = 50_000
    ) -> Iterator[pa.RecordBatch]:
        """Stream a query's result as Arrow batches on a separate cursor, so the
        caller may write on this connection while reading (committed data only)."""
        cur = self.con.cursor()
        try:
            try:
                reader = cur.sql(sql, params=params).to_arrow_reader(rows)
            except duckdb.Error as exc:
                raise EngineError(f"analysis engine error: {exc}", sql) from exc
            yield from reader
        finally:
            cur.close()

    def insert_arrow(self, table: str, data: pa.Table) -> int:
        """Append an Arrow table whose column names are columns of ``table``."""
        if data.num_rows == 0:
            return 0
        cols = ", ".join(f'"{c}"' for c in data.column_names)
        self.con.register("_sg_incoming", data)
        try:
            self.execute(f'INSERT INTO "{table}" ({cols}) SELECT {cols} FROM _sg_incoming')
        finally:
            self.con.unregister("_sg_incoming")
        return int(data.num_rows)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing: a crash or an exception inside leaves no partial write."""
        self.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.execute("COMMIT")

    def create_schema(self) -> None:
        """Create every table of the model (idempotent) and record the contract version."""
        for stmt in ddl():
            self.execute(stmt)
        # a case made by an older version gets the columns added since (NULL in old rows)
        have = {
            (t, c)
            for t, c in self.fetchall(
                "SELECT table_name, column_name FROM duckdb_columns() WHERE schema_name = 'main'"
            )
        }
        for table in load_schema().tables.values():
            for col in table.columns:
                if (table.name, col.name) not in have:
                    self.execute(f'ALTER TABLE "{table.name}" ADD COLUMN "{col.name}" {col.type}')
        self.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        self.execute(
            "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
            [str(load_schema().version)],
        )

    def table_digest(self, table: str) -> str:
        """SHA-256 over the table's rows in a canonical order (for reproducibility checks)."""
        cols = load_schema().tables[table].column_names
        collist = ", ".join(f'"{c}"' for c in cols)
        sql = (
            f"SELECT sha256(coalesce(string_agg(h, '' ORDER BY h), '')) FROM "
            f'(SELECT sha256(CAST(row({collist}) AS VARCHAR)) AS h FROM "{table}")'
        )
        row = self.fetchall(sql)
        return str(row[0][0])
