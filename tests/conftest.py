"""Fixtures of real servers: Dovecot for the IMAP tests (tests/dovecot.py starts it) and PostgreSQL for the
store tests (tests/postgres.py), each started by the suite.

Without Dovecot or PostgreSQL installed their tests are skipped, except under CI=true, where they fail: CI
must prove the IMAP source and the store against real servers (tests/run.sh installs both).
"""

from __future__ import annotations

import importlib.util
import os

import pytest

from tests.dovecot import DOVECOT, Dovecot  # tests/ is a package
from tests.helpers import need
from tests.postgres import BINDIR, Postgres


@pytest.fixture(autouse=True)
def _english_interface(monkeypatch):
    """Every test starts in English whatever this machine's locale, and leaves English behind (the CLI sets
    the interface language per command, in this process when run through CliRunner)."""
    from certmerge.core import i18n

    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    i18n.use("en")
    yield
    i18n.use("en")


def _need_dovecot() -> None:
    need(DOVECOT is not None, "dovecot is not installed (apt-get install dovecot-imapd)")
    need(os.geteuid() == 0, "the Dovecot test server needs root (its login processes run as dovenull/dovecot)")


def _serve(tls: bool, server_class: type[Dovecot] = Dovecot):
    _need_dovecot()
    server = server_class(tls=tls)
    try:
        server.start()
        yield server
    finally:
        server.close()


@pytest.fixture(scope="session")
def dovecot():
    """One Dovecot for the session (plain and TLS listeners); each test takes its own user."""
    yield from _serve(tls=True)


@pytest.fixture
def private_dovecot():
    """A Dovecot of its own, for tests that stop and restart the server."""
    yield from _serve(tls=False)


@pytest.fixture(scope="session")
def postgres():
    """One PostgreSQL cluster for the session; each test takes databases of its own."""
    need(BINDIR is not None, "PostgreSQL is not installed (apt-get install postgresql)")
    need(importlib.util.find_spec("psycopg") is not None, "psycopg is not installed (pip install -e '.[test]')")
    server = Postgres()
    try:
        server.start()
        yield server
    finally:
        server.close()


class Databases:
    """Where a store test keeps its data: `new()` gives a fresh database each call, as a `database_url`
    ("" for the home's own SQLite file, or a new PostgreSQL database)."""

    def __init__(self, kind: str, server: Postgres | None) -> None:
        self.kind = kind
        self.server = server

    def new(self) -> str:
        return self.server.new_database() if self.server else ""


@pytest.fixture(params=["sqlite", "postgresql"])
def databases(request):
    """Every store test runs on both SQLite and PostgreSQL."""
    server = request.getfixturevalue("postgres") if request.param == "postgresql" else None
    return Databases(request.param, server)


@pytest.fixture
def db_url(databases) -> str:
    """One fresh database for the test ("" = the home's SQLite file)."""
    return databases.new()
