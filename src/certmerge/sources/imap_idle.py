"""Waiting for new mail over IMAP (a mixin of ImapSource): IDLE on the first watched folder, renewed every
IDLE_RENEW seconds, else a sleep."""

from __future__ import annotations

import select
import ssl
import time

from ..core.errors import SourceError
from ..core.i18n import _, t

IDLE_RENEW = 540.0  # s: re-issue IDLE well within RFC 2177's 29 minutes (and NAT timeouts)


class IdleWaiting:
    """Mixed into ImapSource (its connection, folders, positions, _io, _examine, _news_since and _drop)."""

    def wait(self, timeout: float) -> bool:
        """IDLE on the first watched folder (renewed every IDLE_RENEW s), else sleep. True: look again."""
        if self._client is None:
            return True  # reconnect, and sync after the reconnect
        if not self._idle_ok or not self._folders:
            time.sleep(timeout)
            return False
        if self._idle_since is not None and time.monotonic() - self._idle_since > IDLE_RENEW:
            self._end_idle()
        if self._idle_since is None and self._start_idle():
            return True
        return self._idle_wait(timeout)

    def _start_idle(self) -> bool:
        """Enter IDLE; True when the folder changed since the last sync (no need to wait then)."""
        client = self._client
        folder = self._folders[0][0]
        if self._selected != folder:
            info = self._examine(client, folder)
            if (info.get(b"UIDVALIDITY", 0), info.get(b"UIDNEXT", 0)) != self._uidnext.get(folder):
                return True
        elif folder in self._synced:
            # count, do not wait for an announcement: the EXISTS of a mail that came during the sync was
            # taken by the sync's own commands, and IDLE does not repeat it
            with self._io():
                if self._news_since(client, self._synced[folder]):
                    return True
        # from here on, new mail in the open folder is announced (EXISTS) in IDLE: no EXAMINE is needed
        with self._io():
            client.idle()
        self._idle_since = time.monotonic()
        return False

    def _buffered(self, client) -> bool:
        """Data already read from the socket but not yet parsed (select() cannot see it)."""
        sock = client.socket()
        if isinstance(sock, ssl.SSLSocket) and sock.pending():
            return True
        reader = getattr(client._imap, "file", None)  # noqa: SLF001 - imaplib's buffered reader
        if reader is None or not hasattr(reader, "peek"):
            return False
        sock.setblocking(False)
        try:
            return bool(reader.peek(1))
        except (BlockingIOError, ssl.SSLWantReadError, InterruptedError):
            return False
        except OSError:
            return True  # let the read below report it
        finally:
            sock.settimeout(self.imap.timeout)

    def _idle_wait(self, timeout: float) -> bool:
        client = self._client
        with self._io():
            if self._buffered(client):
                self._end_idle()
                return True
            if not select.select([client.socket()], [], [], timeout)[0]:
                return False
            responses = client.idle_check(timeout=0)
        if not responses:
            # readable but nothing to read: normally the server closed the connection. Ending IDLE
            # tells: a dead connection raises SourceError, a live one answers and is synced.
            self._end_idle()
            return True
        if any(b"BYE" in (r[0], r[1] if len(r) > 1 else None) for r in responses):
            self._drop()
            raise SourceError(t("{where} closed the connection", where=self.where), _("certmerge watch reconnects by itself"))
        return any(len(r) > 1 and r[1] in (b"EXISTS", b"RECENT", b"EXPUNGE", b"FETCH") for r in responses)

    def _end_idle(self) -> None:
        if self._client is None or self._idle_since is None:
            return
        self._idle_since = None
        with self._io():
            self._client.idle_done()
