"""The one place that chooses the linkage engine's backend.

Splink writes SQL for several engines; Safeguard runs it on a private
in-memory DuckDB (never the case's analysis store, so Splink's working
tables never appear there). To move to Spark, implement :class:`Backend`
with ``splink.SparkAPI`` and return it from :func:`backend`; nothing else in
the package names an engine.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pyarrow as pa
import splink
from splink import DuckDBAPI
from splink.internals.splink_dataframe import SplinkDataFrame

from safeguard.settings import Settings


class Backend:
    """Splink's database API plus the conversions Safeguard needs."""

    name = "duckdb"

    def __init__(self, settings: Settings, memory_limit: str, spill_dir: Path) -> None:
        self.api: Any = DuckDBAPI(":memory:")
        con = self.api.duckdb_con
        con.execute(f"SET threads = {int(settings.duckdb_threads)}")
        limit = re.sub(r"[^0-9A-Za-z. ]", "", memory_limit)
        con.execute(f"SET memory_limit = '{limit}'")
        # past the limit, spill to the case folder instead of failing
        spill_dir.mkdir(parents=True, exist_ok=True)
        con.execute("SET temp_directory = ?", [str(spill_dir)])
        con.execute("SET preserve_insertion_order = false")  # results are sorted by us
        con.execute("SET enable_progress_bar = false")

    def register(self, table: pa.Table, name: str) -> SplinkDataFrame:
        """Hand an Arrow table to Splink."""
        sdf: SplinkDataFrame = self.api.register(table, table_name=name)
        return sdf

    def to_arrow(self, sdf: SplinkDataFrame, sql: str | None = None) -> pa.Table:
        """A Splink table (or ``sql`` over it, ``{t}`` standing for it) as Arrow."""
        query = (sql or "SELECT * FROM {t}").format(t=sdf.physical_name)
        result: pa.Table = self.api.duckdb_con.sql(query).to_arrow_table()
        return result

    def scalar(self, sdf: SplinkDataFrame, sql: str) -> float:
        """One number from ``sql`` over a Splink table (``{t}`` stands for it)."""
        rows = self.api.duckdb_con.sql(sql.format(t=sdf.physical_name)).fetchall()
        return float(rows[0][0] or 0) if rows else 0.0

    def close(self) -> None:
        self.api.duckdb_con.close()


def engine_name() -> str:
    """What resolve_runs.engine records."""
    return f"splink {splink.__version__} / {Backend.name}"


def backend(settings: Settings, memory_limit: str, spill_dir: Path) -> Backend:
    """The backend in use (DuckDB today)."""
    return Backend(settings, memory_limit, spill_dir)
