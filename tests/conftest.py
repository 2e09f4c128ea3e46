"""Dovecot fixtures: a real IMAP server for the IMAP tests (tests/dovecot.py starts it).

Without Dovecot installed the IMAP tests are skipped, except under CI=true, where they fail: CI must
prove the IMAP source against a real server (`.ci/run` installs dovecot-imapd).
"""

from __future__ import annotations

import os

import pytest

from tests.dovecot import DOVECOT, Dovecot  # tests/ is a package
from tests.helpers import need


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
