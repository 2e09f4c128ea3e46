"""Is there new mail? (a mixin of ImapSource): the cheapest questions that answer it, in one round trip in a
watcher's steady state (NOOP + UID SEARCH on the open folder, STATUS on the others)."""

from __future__ import annotations

import logging

from imapclient.exceptions import IMAPClientAbortError, IMAPClientError
from imapclient.imap_utf7 import decode as decode_utf7
from imapclient.response_parser import parse_response

log = logging.getLogger("certmerge.imap")


class Polling:
    """Mixed into ImapSource (its folders, positions, _io, _examine and _cannot_open)."""

    def _unchanged(self, client, folder: str, stored: tuple[int, int] | None, first: bool,
                   just_opened: dict | None) -> bool:
        """True when the folder surely has nothing new, found with cheap round trips: the answer of the
        EXAMINE that just opened it (at connect), else NOOP + UID SEARCH on the folder the connection
        has open, else STATUS; the first folder is opened (EXAMINE) instead, to stay open."""
        if just_opened is not None:
            self._uidnext[folder] = (just_opened.get(b"UIDVALIDITY", 0), just_opened.get(b"UIDNEXT", 0))
        elif first and self._selected != folder:
            info = self._examine(client, folder)
            self._uidnext[folder] = (info.get(b"UIDVALIDITY", 0), info.get(b"UIDNEXT", 0))
            just_opened = info
        known = self._uidnext.get(folder)
        if not stored or not known or stored[0] != known[0]:
            return False
        if just_opened is not None:
            return 0 < known[1] and known[1] - 1 <= stored[1]
        if self._selected == folder:
            # RFC 3501 forbids STATUS as a new-mail check on the selected folder
            with self._io():
                return not self._news_since(client, stored[1])
        with self._io():
            try:
                status = client.folder_status(folder, [b"UIDVALIDITY", b"UIDNEXT"])
            except IMAPClientAbortError:
                raise
            except IMAPClientError as exc:  # deleted or renamed since the last sync
                raise self._cannot_open(folder, exc) from None
        return status_unchanged(status, stored)

    def _changed_in_one_round_trip(self, client, stored: dict, first: str | None) -> set[str] | None:
        """The folders with news, asked in one round trip in the steady state of a watcher (the first
        folder open, every folder synced before in this session): NOOP and UID SEARCH on the open folder
        and STATUS on each other one, sent together (RFC 3501 5.5 lets a client send commands without
        waiting; the server answers them in order). Same questions as _unchanged, in 0.39 ms instead of
        0.57 ms (measured on loopback). None when not in that state, or on any answer it cannot read."""
        others = [f for f, _ in self._folders[1:]]
        pos = stored.get(first)
        if (first is None or self._selected != first or not pos or self._uidnext.get(first, (0,))[0] != pos[0]
                or any(not stored[f] or self._uidnext.get(f, (0,))[0] != stored[f][0] for f in others)):
            return None
        late, searched, statuses, refused = self._ask_together(client, pos[1], others)
        if refused is not None:
            if refused[0] is None:
                return None
            raise self._cannot_open(refused[0], refused[1])
        try:
            found = [int(u) for line in searched if line for u in bytes(line).split()]
            by_name = {}
            for line in statuses:
                name, items = parse_response([bytes(line)])
                by_name[decode_utf7(name)] = dict(zip(items[::2], items[1::2]))
        except (ValueError, TypeError, IMAPClientError):
            return None
        if any(f not in by_name for f in others):
            return None
        changed = {f for f in others if not status_unchanged(by_name[f], stored[f])}
        if news(late, found, pos[1]):
            changed.add(first)
        return changed

    def _ask_together(self, client, upto: int, others: list[str]):
        """NOOP, UID SEARCH above `upto` on the open folder and STATUS on `others`, sent at once and every answer
        read: (EXISTS announced, SEARCH lines, STATUS lines, the first refusal as (folder or None, error))."""
        imap = client._imap  # noqa: SLF001 - imaplib's own pipelining: _command sends, _command_complete reads
        with self._io():
            for kind in ("EXISTS", "SEARCH", "STATUS"):
                imap.untagged_responses.pop(kind, None)
            sent = [(None, "NOOP", imap._command("NOOP")),  # noqa: SLF001
                    (None, "UID", imap._command("UID", "SEARCH", "UID", f"{upto + 1}:*"))]  # noqa: SLF001
            sent += [(f, "STATUS", imap._command("STATUS", client._normalise_folder(f),  # noqa: SLF001
                                                 "(UIDVALIDITY UIDNEXT)")) for f in others]
            refused = None
            for folder, name, tag in sent:  # every answer is read, so that the connection stays in step
                try:
                    imap._command_complete(name, tag)  # noqa: SLF001
                except IMAPClientAbortError:
                    raise
                except IMAPClientError as exc:  # a folder deleted or renamed since the last sync
                    refused = refused or (folder, exc)
            late = imap.untagged_responses.pop("EXISTS", None)
            searched = imap.untagged_responses.pop("SEARCH", [])
            statuses = imap.untagged_responses.pop("STATUS", [])
        return late, searched, statuses, refused

    @staticmethod
    def _news_since(client, upto: int) -> bool:
        """True when the open folder may hold a message above UID `upto`. NOOP asks the server to look
        (Dovecot notices mail put into the Maildir by another program, and a changed UIDVALIDITY, only at
        a NOOP); it announces new mail with an EXISTS, which imaplib keeps aside. Then numbers, not events:
        one UID SEARCH counts on the folder's view, so an EXISTS taken earlier (by IDLE, a FETCH or the
        EXAMINE) cannot hide a message, and one announced with the SEARCH's own answer counts too."""
        imap = client._imap  # noqa: SLF001 - imaplib's untagged answers
        imap.untagged_responses.pop("EXISTS", None)
        client.noop()
        found = client.search(["UID", f"{upto + 1}:*"])
        return news(imap.untagged_responses.pop("EXISTS", None), found, upto)


def status_unchanged(status: dict, stored: tuple[int, int]) -> bool:
    """A STATUS answer (UIDVALIDITY, UIDNEXT) says the folder has nothing after the stored position."""
    return (status.get(b"UIDVALIDITY") == stored[0] and b"UIDNEXT" in status
            and status[b"UIDNEXT"] - 1 <= stored[1])


def with_uidnext(client, info: dict) -> dict:
    """The EXAMINE answer with its UIDNEXT. A server may leave UIDNEXT out (RFC 3501 allows it; Courier
    does); taken as 0 it would make a first scan skip its date window and store the position as 0, so that
    the next poll reads the whole folder. Then the server is asked: `UID SEARCH UID *` answers with the UID
    of the last message (RFC 3501), and UIDNEXT is at least one more. An empty folder may start at 1."""
    if info.get(b"UIDNEXT"):
        return info
    highest = max(client.search(["UID", "*"]), default=0) if info.get(b"EXISTS", 0) else 0
    log.info("the server did not say UIDNEXT; its last UID is %s", highest)
    return {**info, b"UIDNEXT": highest + 1}


def news(exists_announced, found_uids, upto: int) -> bool:
    """New mail in the open folder: the server announced some (EXISTS) or UID SEARCH n:* found a UID past
    the position (n:* also returns the highest UID, even when it is below n)."""
    return bool(exists_announced) or any(u > upto for u in found_uids)
