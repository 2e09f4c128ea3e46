"""The MailSource contract, shared by the folder source and the IMAP source (tests/test_source_contract.py).

A source yields RawMail not yet processed. Each RawMail carries the position update (IMAP) or seen key
(folders) that the store writes in the same transaction as the mail's processing, so a crash between two
mails never loses or repeats one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Protocol


@dataclass(frozen=True)
class RawMail:
    origin: str  # a human-readable place: file path, or mailbox/UID
    data: bytes | None  # None: not a candidate, only the position moves past it
    position: tuple[str, int, int] | None = None  # (source, uidvalidity, uid) after this mail
    seen_key: tuple[str, str] | None = None  # (source, key) that marks it done


class PositionStore(Protocol):
    def position(self, source: str) -> tuple[int, int] | None: ...

    def seen_keys(self, source: str) -> set[str]: ...

    def cases(self) -> list[dict]: ...

    def candidate_hints(self) -> tuple[set[str], set[str]]:
        """(vendor case IDs, Message-IDs of every case's thread and drafts): what makes a mail a candidate."""
        ...


class MailSource(Protocol):
    name: str

    def fetch_new(self, store: PositionStore) -> Iterator[RawMail]:
        """Mail not yet processed, oldest first."""
        ...

    def wait(self, timeout: float) -> bool:
        """Block until something may have arrived (True) or the timeout passed (False)."""
        ...

    def close(self) -> None: ...
