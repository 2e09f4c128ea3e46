"""A real PostgreSQL for the tests: its own cluster in a temporary directory, loopback, a free port.

Facts it relies on (Debian bookworm, PostgreSQL 15 from Debian's `postgresql` package):
- initdb, pg_ctl and postgres are in /usr/lib/postgresql/15/bin (the package puts only wrappers on PATH);
- PostgreSQL refuses to run as root: as root the cluster is made and run by the `postgres` system user
  (which the package creates), its directory chowned to it; as another user, by that user;
- the package may start a cluster of its own (port 5432): this one listens on a free port and keeps its
  socket in its own directory, so that does not matter;
- fsync=off, synchronous_commit=off and full_page_writes=off make it quick enough for a database per test
  (CREATE DATABASE copies template1: a few ms); a crash of the test cluster loses nothing that matters.
Connections are TCP on 127.0.0.1 with a password (scram-sha-256), as a team's server would take them.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from tests.dovecot import free_port


def _bindir() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(os.path.realpath(found)).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4]))
    return Path(versions[-1]).parent if versions else None


BINDIR = _bindir()
USER = "certmerge"
PASSWORD = "pg-test-secret"


class Postgres:
    def __init__(self) -> None:
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="certmerge-pg-"))
        self.data = self.root / "data"
        self._names = itertools.count(1)
        self._run_as = None
        if os.geteuid() == 0:
            self._run_as = "postgres"
            pw = pwd.getpwnam("postgres")
            os.chown(self.root, pw.pw_uid, pw.pw_gid)

    def _cmd(self, *args: str) -> list[str]:
        return (["runuser", "-u", self._run_as, "--"] if self._run_as else []) + list(args)

    def start(self) -> None:
        pwfile = self.root / "pw"
        pwfile.write_text(PASSWORD + "\n")
        if self._run_as:
            shutil.chown(pwfile, self._run_as)
        subprocess.run(self._cmd(str(BINDIR / "initdb"), "-D", str(self.data), "-U", USER, "--pwfile", str(pwfile),
                                 "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"),
                       check=True, capture_output=True, timeout=120)
        opts = (f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories={self.root} "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        subprocess.run(self._cmd(str(BINDIR / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"),
                                 "-o", opts, "-w", "-t", "60", "start"), check=True, capture_output=True, timeout=90)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{USER}:{PASSWORD}@127.0.0.1:{self.port}/{database}"

    def sql(self, statement: str, database: str = "postgres") -> None:
        """Run one statement outside a transaction (CREATE DATABASE needs that)."""
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user=USER, password=PASSWORD, dbname=database,
                             autocommit=True) as conn:
            conn.execute(statement)

    def new_database(self, template: str = "") -> str:
        """A fresh database of its own: its URL. Empty, or a copy of the database at the URL `template`
        (which nobody may be connected to meanwhile)."""
        name = f"t{os.getpid()}_{next(self._names)}_{int(time.time() * 1000) % 100000}"
        copy = f' TEMPLATE "{template.rsplit("/", 1)[1]}"' if template else ""
        self.sql(f'CREATE DATABASE "{name}"{copy}')
        return self.url(name)

    def close(self) -> None:
        if self.data.exists():
            subprocess.run(self._cmd(str(BINDIR / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"),
                           capture_output=True, timeout=60)
        shutil.rmtree(self.root, ignore_errors=True)
