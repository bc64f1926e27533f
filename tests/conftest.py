"""Shared fixtures for the whole test suite."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

# --- MariaDB fixtures (owner: the mysqldump reader tests) ----------------------
from tests.support.mariadb import MariaDBServer, MariaDBUnavailable, start_mariadb


@pytest.fixture(scope="session")
def mariadb() -> Iterator[MariaDBServer]:
    """A private MariaDB server, started once per session (skips if it cannot run).

    ``.socket``, ``.sql(query, database=None)``, ``.load(dump, database)`` and
    ``.dump(database, *options) -> bytes`` (the real ``mariadb-dump``).
    """
    try:
        server = start_mariadb()
    except MariaDBUnavailable as exc:
        pytest.skip(str(exc))
    try:
        yield server
    finally:
        server.stop()


# --- end of MariaDB fixtures -----------------------------------------------------


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[object]:
    """A running private PostgreSQL server (skips if PostgreSQL cannot be installed):
    ``tests.support.postgres.PostgresServer``."""
    from tests.support.postgres import PostgresUnavailable, start_postgres

    try:
        server = start_postgres()
    except PostgresUnavailable as exc:
        pytest.skip(str(exc))
    try:
        yield server
    finally:
        server.stop()


# --- A synthetic case through the whole pipeline (owner: the stage tests) --------
@pytest.fixture(scope="session")
def pipeline_case(tmp_path_factory: pytest.TempPathFactory) -> object:
    """A 300-member synthetic phpBB case after every pipeline stage. Read it only:
    tests that change it copy it first (``copy_case``)."""
    from safeguard import pipeline
    from tests.support.synth_case import build

    case = build(tmp_path_factory.mktemp("pipeline"), members=300, seed=5)
    pipeline.run(case)
    return case
