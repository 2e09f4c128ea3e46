"""One contract for every mail source, as a base class (vdirsyncer's StorageTests is the model): the folder
source, the IMAP source against a real Dovecot and the in-memory source must behave the same way. A new
source gets the whole contract by subclassing SourceContract with a harness.

Each harness delivers mail and builds the source; the consumer is the real App (its store keeps the
positions / seen keys, written in the same transaction as each mail's processing).
"""

from __future__ import annotations

import email
import itertools
import threading
import time
from pathlib import Path

import pytest

from certmerge import secrets
from certmerge.app import App
from certmerge.config import ImapSettings, Settings
from certmerge.core.errors import SourceError
from certmerge.sources.folder import FolderSource
from certmerge.sources.memory import MemoryMailbox, MemorySource
from tests.helpers import support_mail as vendor_mail

_counter = itertools.count(1)


def support_mail(n: int | None = None) -> bytes:
    """A mail the IMAP source must take in full (vendor sender, case ID in the subject)."""
    return vendor_mail(n if n is not None else next(_counter), "contract mail")


def message_id(raw: bytes) -> str:
    return email.message_from_bytes(raw)["Message-ID"]


class FolderHarness:
    notifies = False  # wait() sleeps its timeout: a folder has no way to announce new files

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
    notifies = True  # IDLE

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

    def reset_uidvalidity(self) -> None:
        self.server.set_uidvalidity(self.user, self.server.uidvalidity(self.user) + 1000)


class MemoryHarness:
    notifies = True

    def __init__(self, tmp_path: Path) -> None:
        self.box = MemoryMailbox()

    def deliver(self, raw: bytes) -> None:
        self.box.deliver(raw)

    def source(self):
        return MemorySource(self.box)

    def reset_uidvalidity(self) -> None:
        self.box.reset_uidvalidity()


def poll(app: App, source) -> list[str]:
    """Message-IDs of the mails the source yields (with data), each processed (committed) by the app."""
    out = []
    for item in source.fetch_new(app.store):
        app.process(item)
        if item.data is not None:
            out.append(message_id(item.data))
    return out


class SourceContract:
    """The contract. Subclasses provide the `harness` fixture."""

    @pytest.fixture
    def app(self, tmp_path):
        a = App(Settings(home=tmp_path / "home"), create=True)  # mail without a case
        yield a
        a.close()

    @pytest.fixture
    def source(self, harness):
        src = harness.source()
        yield src
        src.close()

    def test_new_mail_yields_once(self, harness, app, source):
        mails = [support_mail(), support_mail()]
        for raw in mails:
            harness.deliver(raw)
        assert poll(app, source) == [message_id(m) for m in mails]
        assert poll(app, source) == []
        assert app.store.count("messages") == 2

    def test_restarted_source_yields_nothing(self, harness, app, source):
        harness.deliver(support_mail())
        assert len(poll(app, source)) == 1
        source.close()
        again = harness.source()
        try:
            assert poll(app, again) == []
        finally:
            again.close()

    def test_order_is_delivery_order(self, harness, app, source):
        mails = [support_mail() for _ in range(5)]
        for raw in mails:
            harness.deliver(raw)
        assert poll(app, source) == [message_id(m) for m in mails]

    def test_mail_arriving_between_polls_is_found(self, harness, app, source):
        harness.deliver(support_mail())
        assert len(poll(app, source)) == 1
        late = support_mail()
        harness.deliver(late)
        assert poll(app, source) == [message_id(late)]
        assert poll(app, source) == []

    def test_mail_not_committed_comes_again(self, harness, app, source):
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

    def test_wait_times_out_without_mail(self, harness, app, source):
        poll(app, source)
        start = time.monotonic()
        assert source.wait(0.5) is False
        assert time.monotonic() - start >= 0.4

    def test_mail_delivered_during_a_wait_is_found(self, harness, app, source):
        poll(app, source)
        late = support_mail()
        timer = threading.Timer(0.3, harness.deliver, (late,))
        timer.start()
        try:
            start = time.monotonic()
            woke = source.wait(1.5 if not harness.notifies else 20)
            if harness.notifies:  # announced: the wait ends well before its timeout
                assert woke and time.monotonic() - start < 10
        finally:
            timer.join()
        assert poll(app, source) == [message_id(late)]

    def test_close_is_idempotent_and_a_new_source_resumes(self, harness, app, source):
        harness.deliver(support_mail())
        assert len(poll(app, source)) == 1
        source.close()
        source.close()
        late = support_mail()
        harness.deliver(late)
        again = harness.source()
        try:
            assert poll(app, again) == [message_id(late)]
        finally:
            again.close()


class UidSourceContract(SourceContract):
    """The contract of sources with IMAP's UIDs: a UIDVALIDITY reset (a folder's files are known by name)."""

    def test_a_uidvalidity_reset_loses_and_doubles_nothing(self, harness, app, source):
        mails = [support_mail(), support_mail()]
        for raw in mails:
            harness.deliver(raw)
        assert poll(app, source) == [message_id(m) for m in mails]
        harness.reset_uidvalidity()
        late = support_mail()
        harness.deliver(late)
        try:  # everything is offered again; what is stored is recognised by Message-ID
            poll(app, source)
        except SourceError:  # a server drops the session that saw the old UIDVALIDITY: the next poll reconnects
            poll(app, source)
        assert app.store.count("messages") == 3
        assert poll(app, source) == []


class TestFolderSource(SourceContract):
    @pytest.fixture
    def harness(self, tmp_path):
        return FolderHarness(tmp_path)


class TestImapSource(UidSourceContract):
    @pytest.fixture
    def harness(self, tmp_path, dovecot):
        return ImapHarness(dovecot, tmp_path)


class TestMemorySource(UidSourceContract):
    @pytest.fixture
    def harness(self, tmp_path):
        return MemoryHarness(tmp_path)
