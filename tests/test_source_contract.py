"""One contract for every mail source (after vdirsyncer's StorageTests): the folder source and the IMAP
source against a real Dovecot must behave the same way.

Each harness delivers mail and builds the source; the consumer is the real App (its store keeps the
positions / seen keys, written in the same transaction as each mail's processing).
"""

from __future__ import annotations

import email
import itertools
from pathlib import Path

import pytest

from certmerge import secrets
from certmerge.app import App
from certmerge.config import ImapSettings, Settings
from certmerge.sources.folder import FolderSource
from tests.helpers import support_mail as vendor_mail

_counter = itertools.count(1)


def support_mail(n: int | None = None) -> bytes:
    """A mail the IMAP source must take in full (vendor sender, case ID in the subject)."""
    return vendor_mail(n if n is not None else next(_counter), "contract mail")


def message_id(raw: bytes) -> str:
    return email.message_from_bytes(raw)["Message-ID"]


class FolderHarness:
    def __init__(self, tmp_path: Path) -> None:
        self.dir = tmp_path / "mail"
        self.dir.mkdir()
        self.n = 0

    def deliver(self, raw: bytes) -> None:
        self.n += 1
        (self.dir / f"{self.n:04d}.eml").write_bytes(raw)

    def source(self):
        return FolderSource(self.dir)


class ImapHarness:
    def __init__(self, server, tmp_path: Path) -> None:
        self.server = server
        self.user = server.add_user()
        self.imap = ImapSettings(host="127.0.0.1", port=server.port, security="plain", username=self.user,
                                 timeout=10)

    def deliver(self, raw: bytes) -> None:
        self.server.deliver(self.user, raw)

    def source(self):
        from certmerge.sources.imap import ImapSource

        return ImapSource(self.imap, ("amazon.com", "amazonses.com", "credly.com"),
                          lambda: secrets.Secret(self.server.password_of(self.user), "test"))


@pytest.fixture(params=["folder", "imap"])
def harness(request, tmp_path):
    if request.param == "folder":
        return FolderHarness(tmp_path)
    return ImapHarness(request.getfixturevalue("dovecot"), tmp_path)


@pytest.fixture
def app(tmp_path):
    a = App(Settings(home=tmp_path / "home"), create=True)  # mail without a case
    yield a
    a.close()


@pytest.fixture
def source(harness):
    src = harness.source()
    yield src
    src.close()


def poll(app: App, source) -> list[str]:
    """Message-IDs of the mails the source yields (with data), each processed (committed) by the app."""
    out = []
    for item in source.fetch_new(app.store):
        app.process(item)
        if item.data is not None:
            out.append(message_id(item.data))
    return out


def test_new_mail_yields_once(harness, app, source):
    mails = [support_mail(), support_mail()]
    for raw in mails:
        harness.deliver(raw)
    assert poll(app, source) == [message_id(m) for m in mails]
    assert poll(app, source) == []
    assert app.store.count("messages") == 2


def test_restarted_source_yields_nothing(harness, app, source):
    harness.deliver(support_mail())
    assert len(poll(app, source)) == 1
    source.close()
    again = harness.source()
    try:
        assert poll(app, again) == []
    finally:
        again.close()


def test_order_is_delivery_order(harness, app, source):
    mails = [support_mail() for _ in range(5)]
    for raw in mails:
        harness.deliver(raw)
    assert poll(app, source) == [message_id(m) for m in mails]


def test_mail_arriving_between_polls_is_found(harness, app, source):
    harness.deliver(support_mail())
    assert len(poll(app, source)) == 1
    late = support_mail()
    harness.deliver(late)
    assert poll(app, source) == [message_id(late)]
    assert poll(app, source) == []


def test_mail_not_committed_comes_again(harness, app, source):
    """A crash after mail 1 was committed and before mail 2 was: mail 2 is yielded again, mail 1 not."""
    mails = [support_mail(), support_mail(), support_mail()]
    for raw in mails:
        harness.deliver(raw)
    items = source.fetch_new(app.store)
    first = next(items)
    while first.data is None:  # only a position (another folder's first scan): committed, then on
        app.process(first)
        first = next(items)
    app.process(first)
    assert next(items).data is not None  # taken but never committed: the "crash"
    items.close()
    source.close()
    again = harness.source()
    try:
        assert poll(app, again) == [message_id(m) for m in mails[1:]]
    finally:
        again.close()
