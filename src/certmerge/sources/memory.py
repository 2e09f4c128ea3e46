"""A mail source held in memory, with IMAP's semantics (UIDs, UIDVALIDITY, a position per folder): for tests
of the app and the watcher without a server, and the third member of the source contract suite
(tests/test_source_contract.py), so that the contract itself is checked without any network or files."""

from __future__ import annotations

import threading
from typing import Iterator

from .base import PositionStore, RawMail


class MemoryMailbox:
    """The "server": mail appended with `deliver`; `reset_uidvalidity` renumbers everything as a server does
    after it rebuilt a folder. Thread-safe: mail may be delivered while a client waits."""

    def __init__(self) -> None:
        self.mails: list[tuple[int, bytes]] = []
        self.uidvalidity = 1
        self._next_uid = 1
        self.lock = threading.Lock()
        self.arrived = threading.Condition(self.lock)

    def deliver(self, raw: bytes) -> int:
        """Append a mail; its UID."""
        with self.lock:
            uid = self._next_uid
            self._next_uid += 1
            self.mails.append((uid, raw))
            self.arrived.notify_all()
        return uid

    def reset_uidvalidity(self) -> None:
        """A new UIDVALIDITY and new UIDs for the same mail: a client must rescan and recognise what it has."""
        with self.lock:
            self.uidvalidity += 1
            self.mails = [(i + 1, raw) for i, (_uid, raw) in enumerate(self.mails)]
            self._next_uid = len(self.mails) + 1


class MemorySource:
    """A client of a MemoryMailbox (a new one on each call, as a connection to a server is)."""

    def __init__(self, mailbox: MemoryMailbox | None = None, name: str = "memory") -> None:
        self.name = name
        self.mailbox = mailbox if mailbox is not None else MemoryMailbox()
        self._seen = 0  # mails in the mailbox at the last fetch: what wait() compares with
        self._closed = False

    def fetch_new(self, store: PositionStore) -> Iterator[RawMail]:
        if self._closed:
            raise RuntimeError("the memory source is closed")
        stored = store.position(self.name)
        with self.mailbox.lock:
            uidvalidity, mails = self.mailbox.uidvalidity, list(self.mailbox.mails)
            self._seen = len(mails)
        last = stored[1] if stored and stored[0] == uidvalidity else 0  # another UIDVALIDITY: all again
        for uid, raw in mails:
            if uid > last:
                yield RawMail(f"{self.name}/{uid}", raw, (self.name, uidvalidity, uid))

    def wait(self, timeout: float) -> bool:
        """True as soon as mail arrived since the last fetch; False after `timeout` seconds without."""
        with self.mailbox.lock:
            return self.mailbox.arrived.wait_for(lambda: self._closed or len(self.mailbox.mails) > self._seen,
                                                 timeout) and not self._closed

    def close(self) -> None:
        self._closed = True
        with self.mailbox.lock:
            self.mailbox.arrived.notify_all()  # a waiter returns at once
