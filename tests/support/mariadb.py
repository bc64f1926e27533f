"""A private, throw-away MariaDB server for tests.

:func:`start_mariadb` installs Debian's ``mariadb-server``/``mariadb-client``
if ``mariadbd`` is missing, initialises a datadir in a fresh temporary folder
and starts the server on a Unix socket inside it (``--skip-networking``: no
TCP, so it cannot collide with anything). Clients run as the caller and
connect as ``root`` over the socket (unix-socket authentication as OS root;
otherwise the server is started with ``--skip-grant-tables``).

Call :meth:`MariaDBServer.stop` when done; it stops the server and deletes
the folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


class MariaDBUnavailable(RuntimeError):
    """MariaDB could not be installed or started."""


def ensure_installed() -> None:
    """Install mariadb-server and mariadb-client with apt if ``mariadbd`` is missing."""
    if shutil.which("mariadbd") or Path("/usr/sbin/mariadbd").exists():
        return
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        raise MariaDBUnavailable("mariadbd not found and cannot apt-get install mariadb-server")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update"], check=False, capture_output=True, env=env)
    done = subprocess.run(
        ["apt-get", "install", "-y", "--no-install-recommends", "mariadb-server", "mariadb-client"],
        capture_output=True,
        env=env,
        check=False,
    )
    if not Path("/usr/sbin/mariadbd").exists():
        raise MariaDBUnavailable(f"apt-get install mariadb-server failed: {done.stderr[-500:]!r}")


def _bin(name: str) -> str:
    return shutil.which(name) or f"/usr/sbin/{name}"


@dataclass
class MariaDBServer:
    """A running private server reached through ``socket``."""

    root: Path
    process: subprocess.Popen[bytes]

    @property
    def socket(self) -> Path:
        return self.root / "mysqld.sock"

    def _client(self, program: str, *args: str) -> list[str]:
        return [_bin(program), "--no-defaults", f"--socket={self.socket}", "-uroot", *args]

    def sql(self, query: str, database: str | None = None) -> list[list[str]]:
        """Run ``query`` with the ``mariadb`` client (--batch --raw); rows of the last result."""
        args = ["--batch", "--raw", "--skip-column-names", "--default-character-set=utf8mb4"]
        cmd = self._client("mariadb", *args, *([database] if database else []))
        done = subprocess.run(cmd, input=query.encode(), capture_output=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"mariadb failed: {done.stderr.decode(errors='replace')}")
        lines = done.stdout.decode("utf-8").split("\n")
        return [line.split("\t") for line in lines if line]

    def load(self, dump: bytes, database: str) -> None:
        """Feed a dump file to the ``mariadb`` client, as an operator restoring it would."""
        cmd = self._client("mariadb", "--binary-mode", database)
        done = subprocess.run(cmd, input=dump, capture_output=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"loading the dump failed: {done.stderr.decode(errors='replace')}")

    def dump(self, database: str, *options: str) -> bytes:
        """The dump of ``database`` written by the real ``mariadb-dump``."""
        done = subprocess.run(
            self._client("mariadb-dump", *options, database), capture_output=True, check=False
        )
        if done.returncode != 0:
            raise RuntimeError(f"mariadb-dump failed: {done.stderr.decode(errors='replace')}")
        return done.stdout

    def stop(self) -> None:
        """Stop the server and delete its folder."""
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.root, ignore_errors=True)


def start_mariadb(timeout: float = 60.0, extra_args: tuple[str, ...] = ()) -> MariaDBServer:
    """Install if needed, initialise a datadir and start a private server.

    ``extra_args`` go to ``mariadbd`` after the defaults (a benchmark gives InnoDB more memory).
    """
    ensure_installed()
    root = Path(tempfile.mkdtemp(prefix="safeguard-mariadb-"))
    os.chmod(root, 0o755)
    datadir = root / "data"
    user = ["--user=mysql"] if os.geteuid() == 0 else []
    init = subprocess.run(
        [_bin("mariadb-install-db"), "--no-defaults", *user, f"--datadir={datadir}",
         "--auth-root-authentication-method=normal", "--skip-test-db"],
        capture_output=True, check=False,
    )  # fmt: skip
    if init.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        raise MariaDBUnavailable(f"mariadb-install-db failed: {init.stderr[-800:]!r}")
    if os.geteuid() == 0:
        shutil.chown(root, "mysql")
    log = root / "server.log"
    args = [_bin("mariadbd"), "--no-defaults", *user, f"--datadir={datadir}",
            f"--socket={root / 'mysqld.sock'}", "--skip-networking", f"--pid-file={root / 'pid'}",
            f"--log-error={log}", "--innodb-buffer-pool-size=32M", "--skip-log-bin",
            *extra_args]  # fmt: skip
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server = MariaDBServer(root, process)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            text = log.read_text(errors="replace")[-800:] if log.exists() else ""
            shutil.rmtree(root, ignore_errors=True)
            raise MariaDBUnavailable(f"mariadbd exited: {text}")
        if server.socket.exists():
            try:
                server.sql("SELECT 1")
                return server
            except RuntimeError:
                pass
        time.sleep(0.1)
    server.stop()
    raise MariaDBUnavailable("mariadbd did not come up in time")
