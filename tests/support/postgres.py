"""A private, throw-away PostgreSQL server for tests.

:func:`start_postgres` installs Debian's ``postgresql`` package if no
``initdb`` can be found, creates a cluster in a fresh temporary folder, and
starts it listening only on a Unix socket inside that folder (no TCP, so it
cannot collide with anything else on the machine). When the tests run as root
the server runs as the ``postgres`` user (PostgreSQL refuses to run as root);
clients (``psql``, ``pg_dump``) run as the caller and connect as the database
superuser ``postgres`` over the socket with trust authentication.

Call :meth:`PostgresServer.stop` when done; it stops the server and deletes
the folder.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

_BIN_GLOB = "/usr/lib/postgresql/*/bin"


class PostgresUnavailable(RuntimeError):
    """PostgreSQL binaries are missing and could not be installed."""


def find_bindir() -> Path | None:
    """The folder holding ``initdb``/``pg_ctl`` of the newest installed PostgreSQL."""
    candidates = [Path(p) for p in glob.glob(_BIN_GLOB) if (Path(p) / "initdb").exists()]
    if candidates:
        return max(candidates, key=lambda p: int(p.parent.name.split(".")[0]))
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb else None


def ensure_installed() -> Path:
    """Return the bin folder, installing ``postgresql`` with apt if needed."""
    bindir = find_bindir()
    if bindir is not None:
        return bindir
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        raise PostgresUnavailable("initdb not found and cannot apt-get install postgresql")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update"], check=False, capture_output=True, env=env)
    done = subprocess.run(
        ["apt-get", "install", "-y", "--no-install-recommends", "postgresql"],
        capture_output=True,
        env=env,
        check=False,
    )
    bindir = find_bindir()
    if bindir is None:
        raise PostgresUnavailable(f"apt-get install postgresql failed: {done.stderr[-500:]!r}")
    return bindir


def _free_port() -> int:
    # The server listens on a socket file named after the port; a port that is
    # free for TCP is also a name nobody else uses.
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass(frozen=True)
class PostgresServer:
    """A running private server; clients connect through ``socket_dir``."""

    bindir: Path
    root: Path
    port: int

    @property
    def socket_dir(self) -> Path:
        return self.root

    def client_args(self, dbname: str) -> list[str]:
        """Connection arguments for ``psql``/``pg_dump``."""
        return ["-h", str(self.socket_dir), "-p", str(self.port), "-U", "postgres", "-d", dbname]

    def psql(self, sql: str, dbname: str = "postgres") -> str:
        """Run ``sql`` with ``psql -At`` (stop on first error) and return its stdout."""
        done = subprocess.run(
            [
                str(self.bindir / "psql"),
                *("-X", "-q", "-At", "-v", "ON_ERROR_STOP=1"),
                *self.client_args(dbname),
            ],
            input=sql.encode(),
            capture_output=True,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"psql failed: {done.stderr.decode(errors='replace')}")
        return done.stdout.decode()

    def pg_dump(self, dbname: str, *options: str) -> bytes:
        """The plain-format dump of ``dbname`` written by the real ``pg_dump``."""
        done = subprocess.run(
            [str(self.bindir / "pg_dump"), *options, *self.client_args(dbname)],
            capture_output=True,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"pg_dump failed: {done.stderr.decode(errors='replace')}")
        return done.stdout

    def stop(self) -> None:
        """Stop the server (fast shutdown) and delete its folder."""
        _as_server_user(
            [
                str(self.bindir / "pg_ctl"),
                "-D",
                str(self.root / "data"),
                "-m",
                "fast",
                "-w",
                "stop",
            ],
            check=False,
        )
        shutil.rmtree(self.root, ignore_errors=True)


def _as_server_user(cmd: list[str], check: bool = True) -> subprocess.CompletedProcess[bytes]:
    # PostgreSQL refuses to run as root, so a root caller drops to "postgres".
    if os.geteuid() == 0:
        cmd = ["runuser", "-u", "postgres", "--", *cmd]
    done = subprocess.run(cmd, capture_output=True, check=False)
    if check and done.returncode != 0:
        raise RuntimeError(f"{cmd[-1]} failed: {done.stderr.decode(errors='replace')}")
    return done


def start_postgres() -> PostgresServer:
    """Create and start a private server; the caller must call ``stop()``."""
    bindir = ensure_installed()
    root = Path(tempfile.mkdtemp(prefix="sg-pg-"))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    server = PostgresServer(bindir=bindir, root=root, port=_free_port())
    try:
        _as_server_user(
            [
                str(bindir / "initdb"),
                *("-D", str(root / "data"), "-U", "postgres"),
                *("--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"),
            ]
        )
        options = (
            f"-c port={server.port} -c listen_addresses='' -c unix_socket_directories={root} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        _as_server_user(
            [
                str(bindir / "pg_ctl"),
                *("-D", str(root / "data"), "-l", str(root / "server.log")),
                *("-w", "-t", "60", "-o", options, "start"),
            ]
        )
    except Exception:
        server.stop()
        raise
    return server
