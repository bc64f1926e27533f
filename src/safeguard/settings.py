"""One typed settings object.

Every setting has a default and help text, and can be set through an
environment variable with the ``SAFEGUARD_`` prefix (``SAFEGUARD_BATCH_ROWS``
for ``batch_rows``). The resolved settings are saved next to each run's
outputs (``runs/<run>/settings.json`` in the case folder) so a run can be
reproduced.
"""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Resolved configuration for one Safeguard process."""

    model_config = SettingsConfigDict(env_prefix="SAFEGUARD_", extra="ignore")

    decisions_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL of the decisions and audit store. Default: "
        "the case folder's decisions.sqlite. A PostgreSQL URL selects the team server store.",
    )
    duckdb_memory_limit: str = Field(
        default="4GB", description="Memory the analysis engine (DuckDB) may use before spilling."
    )
    duckdb_threads: int = Field(
        default=2, ge=1, description="Threads the analysis engine (DuckDB) may use."
    )
    batch_rows: int = Field(
        default=50_000, ge=100, description="Rows buffered per table before a staging flush."
    )
    max_archive_ratio: int = Field(
        default=200,
        ge=1,
        description="Refuse an archive member whose uncompressed size exceeds this "
        "multiple of its compressed size (decompression-bomb guard).",
    )
    max_archive_members: int = Field(
        default=10_000, ge=1, description="Refuse archives with more members than this."
    )
    max_uncompressed_bytes: int = Field(
        default=2 * 1024**4,
        ge=1,
        description="Refuse to read more than this many uncompressed bytes from one item.",
    )
    progress: bool = Field(default=True, description="Show progress bars on a terminal.")
    query_row_limit: int = Field(
        default=10_000, ge=1, description="Most rows `safeguard query` prints unless --limit."
    )


def get_settings() -> Settings:
    """Settings from the environment (fresh each call, so tests can monkeypatch env)."""
    return Settings()
