"""Dovecot fixtures: a real IMAP server for the IMAP tests (tests/dovecot.py starts it).

Without Dovecot installed the IMAP tests are skipped, except under CI=true, where they fail: CI must
prove the IMAP source against a real server (`.ci/run` installs dovecot-imapd).
"""

from __future__ import annotations

import os

import pytest

from tests.dovecot import DOVECOT, Dovecot  # tests/ is a package
from tests.helpers import need


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
