"""The user's mailbox over IMAP as a mail source, read-only. With imap_session.py (connections) and
imap_doctor.py, the only code that touches imapclient; candidates.py decides what is fetched whole.

- Folders are opened with EXAMINE and mail is fetched with BODY.PEEK: no flag ever changes. The only
  write is `append_draft` (APPEND to the Drafts folder with \\Draft, once per Message-ID).
- Position per folder: (UIDVALIDITY, last UID), written by the store together with each mail's
  processing. New mail: `UID SEARCH UID last+1:*`, filtered here because `n:*` always returns the highest
  UID even when it is below n. The first run (or a UIDVALIDITY change) scans `SINCE` a date before the
  case; the store's Message-ID dedupe makes a rescan process nothing twice.
- Header fields first; whole bodies only for candidates (vendor or look-alike sender, a case ID in the
  subject, a reference to mail of a case). Others only move the position.
- One connection stays open between polls, with a timeout on every socket operation. `wait()` IDLEs on
  the first watched folder when the server offers IDLE (renewed every 9 minutes), else sleeps.
- Errors: a rejected login raises AuthFailed (do not retry); network trouble raises SourceError (the
  watcher reconnects with backoff); a folder that cannot be opened raises UserError, or SourceError when
  it was synced earlier in this run (deleted or renamed meanwhile: the watcher retries until it is back).
  A mail expunged between the UID SEARCH and its FETCH is skipped with a warning.
"""

from __future__ import annotations

import datetime as dt
import heapq
import logging
import re
from contextlib import contextmanager
from typing import Callable, Iterator

import imapclient
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError

from .. import secrets
from ..config import ImapSettings, Settings
from ..core.errors import SourceError, UserError
from ..core.i18n import _, t
from .base import PositionStore, RawMail
from .candidates import Hints, header_facts, is_candidate
from .imap_drafts import append_draft
from .imap_idle import IdleWaiting
from .imap_poll import Polling, with_uidnext
from .imap_session import (CLOSE_TIMEOUT, SENT, header_bytes, logout, shutdown, short, connect, effective_port, guard,
                           login, special_folder)

log = logging.getLogger("certmerge.imap")

HEADER_FIELDS = ("FROM", "SUBJECT", "MESSAGE-ID", "IN-REPLY-TO", "REFERENCES")
HEADER_ITEM = f"BODY.PEEK[HEADER.FIELDS ({' '.join(HEADER_FIELDS)})]"
BODY_ITEM = "BODY.PEEK[]"
CHUNK = 200  # UIDs per FETCH
PROGRESS_MIN = 300  # a scan of at least this many mails reports progress
PREFILTER_MIN = 300  # a scan of more mails than this asks the server which ones can be candidates
# what a candidate's From or Subject contains, for the server-side prefilter (is_candidate decides)
_PREFILTER_WORDS = ("amazon", "amaz0n", "arnazon", "aws", "credly")
_PREFILTER_REFS = 30  # at most this many known Message-IDs are asked for in References/In-Reply-To
BISECT_MIN = 5000  # a first scan of a folder this big finds where its date window starts by bisection
BISECT_MARGIN = 500  # and searches this many messages before that start as well

_DOVECOT_TIMING = re.compile(r"\s*\([\d.]+(?: \+ [\d.]+)* secs\)\.?$")  # "... (0.001 + 0.000 secs)."

Progress = Callable[[int, int, str], None]  # (done, total, folder)


# --- the source --------------------------------------------------------------------------------------------
class ImapSource(Polling, IdleWaiting):
    """A MailSource over IMAP (see the module doc). Connects lazily; keeps one connection open."""

    def __init__(self, imap: ImapSettings, vendors: tuple[str, ...], credential: Callable[[], secrets.Secret],
                 progress: Progress | None = None) -> None:
        if not imap.host or not imap.username:
            raise UserError(_("[imap] needs host and username in config.toml"), _("see the README section on IMAP"))
        self.imap = imap
        self.vendors = vendors
        self._credential = credential
        self.progress = progress
        self.port = effective_port(imap)
        self.name = f"imap:{imap.username}@{imap.host}:{self.port}"
        self.where = f"{imap.host}:{self.port}"
        self._client: imapclient.IMAPClient | None = None
        self._folders: list[tuple[str, bool]] = []
        self._idle_ok = False
        self._idle_since: float | None = None
        self._uidnext: dict[str, tuple[int, int]] = {}  # folder -> (uidvalidity, uidnext) at the last sync
        self._synced: dict[str, int] = {}  # folder -> the UID its last complete sync went up to
        self._selected: str | None = None  # the folder the connection has open (EXAMINE)
        self._just_opened: tuple[str, dict] | None = None  # (first folder, EXAMINE answer) at connect

    @classmethod
    def from_settings(cls, settings: Settings, progress: Progress | None = None) -> "ImapSource":
        imap = settings.imap
        if not imap.host or not imap.username:
            raise UserError(_("[imap] needs host and username in config.toml"), _("see the README section on IMAP"))
        if imap.auth == "password":
            pw = secrets.password(imap)  # asked once, up front (a prompt cannot wait for a reconnect)

            def credential() -> secrets.Secret:
                return pw
        else:
            secrets.check_token_config(imap)

            def credential() -> secrets.Secret:
                return secrets.token(imap)  # tokens expire: a fresh one at every connect
        return cls(imap, settings.classify.vendor_domains, credential, progress)

    def source_key(self, folder: str) -> str:
        return f"{self.name}/{folder}"

    # --- connection ---------------------------------------------------------------------------------
    @contextmanager
    def _io(self):
        """Network steps: on failure the connection is dropped, so the next call reconnects."""
        try:
            with guard(self.where, self.imap.timeout):
                yield
        except SourceError:
            self._drop()
            raise

    def _connected(self) -> imapclient.IMAPClient:
        if self._client is not None:
            return self._client
        client = connect(self.imap)
        first = self.imap.folders[0] if self.imap.folders else None
        try:
            login(client, self.imap, self._credential())
            with guard(self.where, self.imap.timeout):
                self._idle_ok = client.has_capability("IDLE")
            # the first folder is opened before the LIST that finds Sent: after a LIST, Dovecot makes the
            # next command on a big Maildir folder re-read its whole index (0.1 s at 100k messages,
            # measured); a first EXAMINE costs 5 ms, and its answer tells whether anything is new
            self._just_opened = (first, self._examine(client, first)) if first else None
            with guard(self.where, self.imap.timeout):
                sent = special_folder(client, self.imap.sent_folder, SENT)
        except BaseException:
            self._just_opened = self._selected = None
            shutdown(client)
            raise
        folders = [(f, f == sent) for f in self.imap.folders]
        if sent and sent not in self.imap.folders:
            folders.append((sent, True))
        elif not sent:
            log.warning("%s", t("{name}: no Sent folder found; set imap.sent_folder to notice your own replies",
                                name=self.name))
        self._folders = folders
        self._client = client
        log.info("connected to %s (IDLE %s, folders %s)", self.where, "yes" if self._idle_ok else "no",
                 ", ".join(f for f, _ in folders))
        return client

    def _drop(self) -> None:
        client, self._client, self._idle_since, self._selected = self._client, None, None, None
        self._just_opened = None
        shutdown(client)

    def close(self) -> None:
        """End IDLE and log out, waiting at most CLOSE_TIMEOUT for each; a broken connection is just closed."""
        client, self._client, self._selected, self._just_opened = self._client, None, None, None
        idling, self._idle_since = self._idle_since is not None, None
        if client is not None and idling:
            try:
                client.socket().settimeout(CLOSE_TIMEOUT)
                client.idle_done()
            except Exception:  # noqa: BLE001 - the server is gone or slow: do not wait for it twice
                shutdown(client)
                return
        logout(client)

    @property
    def folders(self) -> list[tuple[str, bool]]:
        """(folder, outgoing) as found at the last connect."""
        return list(self._folders)

    def _examine(self, client: imapclient.IMAPClient, folder: str) -> dict:
        try:
            with guard(self.where, self.imap.timeout):
                try:
                    info = client.select_folder(folder, readonly=True)
                    self._selected = folder
                except IMAPClientAbortError:
                    raise
                except IMAPClientError as exc:
                    raise self._cannot_open(folder, exc) from None
                return with_uidnext(client, info)
        except SourceError:
            self._drop()
            raise

    def _cannot_open(self, folder: str, exc: BaseException) -> UserError:
        """A folder the server refuses to open: a configuration error at the start (UserError), but a
        SourceError (the watcher retries with backoff) once it has been synced in this run, when it was
        deleted or renamed meanwhile, perhaps to come back."""
        why = _DOVECOT_TIMING.sub("", short(exc)).removeprefix("select failed: ").removeprefix("status failed: ")
        if folder in self._uidnext:
            return SourceError(t("the folder {folder!r} on {where} cannot be opened any more ({why})", folder=folder, where=self.where, why=why),
                               _("it was deleted or renamed; certmerge watch tries again, or fix imap.folders"))
        return UserError(t("the folder {folder!r} on {where} cannot be opened ({why})", folder=folder, where=self.where, why=why),
                         _("check imap.folders / sent_folder; `certmerge doctor` lists the folders"))

    # --- syncing -------------------------------------------------------------------------------------
    def fetch_new(self, store: PositionStore) -> Iterator[RawMail]:
        """New mail of every watched folder, merged by arrival time (INTERNALDATE), each folder's own in
        UID order, so that the user's reply in Sent and the support mail it answers are processed in the
        order they happened.

        A poll first asks each folder whether anything is new (the open first folder before any other is
        opened), then syncs the changed ones: the others first, whole (Sent holds few candidates), then
        the first folder, streamed chunk by chunk (a long scan commits as it goes) and left open. Dovecot
        answers STATUS on a folder that is not open by opening it, in time that grows with its size (19 ms
        at 30k messages), and opening it again costs as much (90-150 ms at 100k, measured): the first
        folder is kept open, and opened again only by the next poll or IDLE (not by `watch --once`)."""
        self._end_idle()
        client = self._connected()
        just_opened, self._just_opened = self._just_opened, None
        stored = {f: store.position(self.source_key(f)) for f, _ in self._folders}  # one read per folder
        first = self._folders[0][0] if self._folders else None
        for folder, _ in self._folders:
            self._synced.pop(folder, None)
        changed = None if just_opened else self._changed_in_one_round_trip(client, stored, first)
        if changed is None:
            changed = set()
            for folder, _ in self._folders:
                fresh = just_opened[1] if just_opened and just_opened[0] == folder else None
                if not self._unchanged(client, folder, stored[folder], folder == first, fresh):
                    changed.add(folder)
        for folder, _ in self._folders:
            if folder not in changed:
                self._synced[folder] = stored[folder][1]
        streams = {f: list(self._sync_folder(client, store, f, stored[f]))
                   for f, _out in self._folders[1:] if f in changed}
        if first in changed:
            streams[first] = self._sync_folder(client, store, first, stored[first])
        # else the first folder is opened again when needed: by the next poll, or before IDLE
        # on equal times (INTERNALDATE has whole seconds) the folders' configured order decides
        ordered = [streams[f] for f, _ in self._folders if f in streams]
        for _when, item in heapq.merge(*ordered, key=lambda pair: pair[0]):
            yield item

    def scan_start(self, store: PositionStore) -> dt.date:
        """Where a first scan starts: scan_days_before_case before the newest case (recorded or filed)."""
        cases = getattr(store, "cases", lambda: [])()
        today = dt.datetime.now(dt.timezone.utc).date()
        if not cases:
            return today - dt.timedelta(days=7)
        newest = cases[-1]
        start = newest["created_at"].date() if newest.get("created_at") else today
        filed = (newest.get("casefile") or {}).get("support", {}).get("created") or ""
        try:
            start = min(start, dt.date.fromisoformat(filed)) if filed else start
        except ValueError:
            pass
        return start - dt.timedelta(days=self.imap.scan_days_before_case)

    def _new_uids(self, client, store: PositionStore, folder: str, key: str, info: dict,
                  stored: tuple[int, int] | None) -> tuple[list[int], int, bool]:
        """(UIDs to look at, UID the position may move to when all are done, whether this is a scan)."""
        uidvalidity = info.get(b"UIDVALIDITY", 0)
        uidnext = info.get(b"UIDNEXT", 0)
        if stored and stored[0] == uidvalidity:
            last = stored[1]
            if uidnext and uidnext - 1 <= last:
                return [], last, False
            with self._io():
                found = client.search(["UID", f"{last + 1}:*"])
            return sorted(u for u in found if u > last), last, False  # n:* also returns the highest UID
        since = self.scan_start(store)
        if stored:
            log.warning("%s", t("{key}: UIDVALIDITY changed ({old} -> {new}): rescanning since {since}; mail already "
                                "processed is recognised by its Message-ID", key=key, old=stored[0], new=uidvalidity,
                                since=since))
        with self._io():
            start = self._window_start(client, info.get(b"EXISTS", 0), since)
            found = client.search([f"{start}:*", "SINCE", since] if start > 1 else ["SINCE", since])
        return sorted(found), max(uidnext - 1, 0), True

    @staticmethod
    def _window_start(client, exists: int, since: dt.date) -> int:
        """The message sequence number from which SEARCH SINCE needs to look. SINCE alone makes the server
        read the arrival date of every message (Dovecot: 0.16 s at 100k, measured); messages arrive in
        sequence order, so a bisection on INTERNALDATE (about 17 one-message FETCHes at 100k, 4 ms) finds
        the window's start, and the SEARCH then covers only the window and BISECT_MARGIN messages before
        it. A message out of that order by more than the margin and a day (an old message given a recent
        arrival date long ago) is missed by a first scan; any error falls back to searching everything."""
        if exists < BISECT_MIN:
            return 1
        edge = since - dt.timedelta(days=1)  # INTERNALDATE is in the server's time zone, SINCE a date
        lo, hi = 1, exists + 1  # the first message that arrived on or after `edge` is in lo..hi
        client.use_uid = False
        try:
            while lo < hi:
                mid = (lo + hi) // 2
                arrived = client.fetch([mid], ["INTERNALDATE"]).get(mid, {}).get(b"INTERNALDATE")
                if not isinstance(arrived, dt.datetime):
                    return 1  # expunged meanwhile, or an odd server: search everything
                lo, hi = (mid + 1, hi) if arrived.date() < edge else (lo, mid)
        except IMAPClientAbortError:
            raise
        except IMAPClientError:
            return 1
        finally:
            client.use_uid = True
        return max(1, lo - BISECT_MARGIN)

    def _sync_folder(self, client, store: PositionStore, folder: str,
                     stored: tuple[int, int] | None) -> Iterator[tuple[dt.datetime, RawMail]]:
        """(arrival time, mail) of the folder's new mail in UID order. Mail that is not a candidate only
        moves the position: of a run of them, only the last is yielded."""
        key = self.source_key(folder)
        info = self._examine(client, folder)
        uidvalidity = info.get(b"UIDVALIDITY", 0)
        self._uidnext[folder] = (uidvalidity, info.get(b"UIDNEXT", 0))
        uids, floor, scan = self._new_uids(client, store, folder, key, info, stored)
        if scan and len(uids) > PREFILTER_MIN:
            uids = self._prefilter(client, store, uids)
        when, pending, last_kept = yield from self._candidates(client, store, folder, (key, uidvalidity), uids)
        end = max(floor, uids[-1] if uids else 0)
        if pending is not None:  # the position moves past the trailing non-candidates (and a scan's floor)
            item = pending[1]
            yield pending[0], RawMail(item.origin, None, (key, uidvalidity, max(end, item.position[2])))
        elif scan and (last_kept is None or last_kept < end):
            yield when, RawMail(folder, None, (key, uidvalidity, end))
        self._synced[folder] = end

    def _candidates(self, client, store: PositionStore, folder: str, where: tuple[str, int], uids: list[int]):
        """Yields (arrival time, mail) of `uids`, fetched CHUNK at a time, holding back a run of non-candidates
        (only the last one's position matters); returns (the latest arrival time, the non-candidate held back
        or None, the last candidate's UID or None), from which _sync_folder settles the position."""
        key, uidvalidity = where
        total, done, last_kept = len(uids), 0, None
        report = self.progress if (self.progress and total >= PROGRESS_MIN) else None
        pending: tuple[dt.datetime, RawMail] | None = None  # the latest non-candidate: only its position matters
        when = dt.datetime.min
        seen_ids: set[str] = set()
        for start in range(0, total, CHUNK):
            chunk = uids[start:start + CHUNK]
            gone: list[int] = []
            fetched = self._fetch_chunk(client, store, chunk, seen_ids, gone)
            if gone:
                log.warning("%s", t("{mails} was expunged by another mail client before certmerge could read it; "
                                    "skipped", mails=", ".join(f"{folder}/{uid}" for uid in gone)))
            for uid, data, arrived in fetched:
                when = max(when, arrived or when)  # the merge key never goes back within a folder
                item = RawMail(f"{folder}/{uid}", data, (key, uidvalidity, uid))
                if data is None:
                    pending = (when, item)
                    continue
                if pending is not None:
                    yield pending
                    pending = None
                last_kept = uid
                yield when, item
            done += len(chunk)
            if report:
                report(done, total, folder)
        return when, pending, last_kept

    def _prefilter(self, client, store: PositionStore, uids: list[int]) -> list[int]:
        """The UIDs of a long scan that can be candidates, found by the server (one SEARCH) instead of
        fetching every header: a vendor-like word in From, a case tag in the Subject, or a reference to a
        known mail. is_candidate still decides on each one's headers. Mail that imitates a vendor only with
        words outside this list is missed by a first scan; it could not move a case anyway."""
        case_ids, known = store.candidate_hints()
        words = {w for v in self.vendors for w in (v.split(".")[0],)} | set(_PREFILTER_WORDS)
        terms: list[list] = [["FROM", w] for w in sorted(words)]
        terms += [["SUBJECT", "[CASE"]] + [["SUBJECT", cid] for cid in sorted(case_ids)]
        for mid in sorted(known)[:_PREFILTER_REFS]:
            terms += [["HEADER", "References", mid], ["HEADER", "In-Reply-To", mid]]
        criteria: list = ["UID", f"{uids[0]}:{uids[-1]}"]
        for term in terms[:-1]:
            criteria += ["OR", *term]
        criteria += terms[-1]
        with self._io():
            found = set(client.search(criteria))
        return [u for u in uids if u in found]

    def _fetch_chunk(self, client, store: PositionStore, chunk: list[int], seen_ids: set[str],
                     gone: list[int] | None = None) -> list[tuple[int, bytes | None, dt.datetime | None]]:
        """(uid, whole mail or None, arrival time) for each UID of the chunk; UIDs expunged meanwhile go
        to `gone` (their header fields come back empty or not at all, their body not at all)."""
        case_ids, known = store.candidate_hints()
        hints = Hints(self.vendors, frozenset(case_ids), frozenset(known) | frozenset(seen_ids))
        with self._io():
            heads = client.fetch(chunk, [HEADER_ITEM, "INTERNALDATE"])
        wanted = []
        gone = gone if gone is not None else []
        for uid in chunk:
            raw = header_bytes(heads.get(uid, {}))
            if not raw:  # even a mail without any of the fields has the blank line that ends its header
                gone.append(uid)
            elif is_candidate(raw, hints):
                wanted.append(uid)
                own = header_facts(raw)[4]
                if own:
                    seen_ids.add(own)  # a later reply to this mail is a candidate too
        bodies = {}
        if wanted:
            with self._io():
                bodies = client.fetch(wanted, [BODY_ITEM])
        out = []
        for uid in chunk:
            data = bodies.get(uid, {}).get(b"BODY[]") if uid in bodies else None
            if data is None and uid in wanted:
                gone.append(uid)
            arrived = heads.get(uid, {}).get(b"INTERNALDATE")
            out.append((uid, bytes(data) if data is not None else None,
                        arrived if isinstance(arrived, dt.datetime) else None))
        return out

__all__ = ["Hints", "ImapSource", "append_draft", "is_candidate"]
