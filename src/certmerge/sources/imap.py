"""The user's mailbox over IMAP as a mail source, read-only. The only importer of imapclient.

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
import email.policy
import heapq
import logging
import re
import select
import socket
import ssl
import time
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import getaddresses
from typing import Callable, Iterator

import imapclient
from imapclient.exceptions import CapabilityError, IMAPClientAbortError, IMAPClientError, LoginError

from .. import secrets
from ..authenticity import is_vendor, looks_alike
from ..config import ImapSettings, Settings, is_loopback
from ..errors import AuthFailed, SourceError, UserError
from .base import PositionStore, RawMail

log = logging.getLogger("certmerge.imap")
# imaplib's protocol trace (sent to "imapclient.imaplib" at DEBUG) contains the LOGIN command with the
# password: keep it and imapclient's own command trace out of any log, whatever the root level is.
for _name in ("imapclient", "imapclient.imaplib", "imapclient.imapclient"):
    logging.getLogger(_name).setLevel(logging.WARNING)

SENT, DRAFTS = b"\\Sent", b"\\Drafts"  # SPECIAL-USE attributes (RFC 6154)
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
IDLE_RENEW = 540.0  # s: re-issue IDLE well within RFC 2177's 29 minutes (and NAT timeouts)
CLOSE_TIMEOUT = 0.5  # s: logging out must not hold up a stopping watcher

_CASE_RE = re.compile(r"\[\s*CASE\s*\d", re.I)
_CLAIM_RE = re.compile(r"\b(aws|amazon|credly)\b|アマゾン", re.I)
_MSGID_RE = re.compile(r"<[^<>\s]+>")
_DOVECOT_TIMING = re.compile(r"\s*\([\d.]+(?: \+ [\d.]+)* secs\)\.?$")  # "... (0.001 + 0.000 secs)."
_PARSER = BytesParser(policy=email.policy.default)

Progress = Callable[[int, int, str], None]  # (done, total, folder)


# --- candidates ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Hints:
    vendors: tuple[str, ...]
    case_ids: frozenset[str]
    message_ids: frozenset[str]


def _header(msg, name: str) -> str:
    try:
        value = msg.get(name)
        return str(value) if value is not None else ""
    except Exception:  # noqa: BLE001 - a malformed header must not stop the scan
        raw = msg.get_all(name, failobj=[]) if hasattr(msg, "get_all") else []
        return " ".join(str(v) for v in raw)


def header_facts(raw: bytes) -> tuple[str, str, str, set[str], str]:
    """(sender display name, sender domain, subject, referenced Message-IDs, Message-ID) from header bytes."""
    try:
        msg = _PARSER.parsebytes(raw, headersonly=True)
        sender, subject = _header(msg, "From"), _header(msg, "Subject")
        refs = _header(msg, "In-Reply-To") + " " + _header(msg, "References")
        own = _header(msg, "Message-ID")
    except Exception:  # noqa: BLE001
        text = raw.decode("latin-1")
        sender = subject = refs = own = text
    pairs = getaddresses([sender]) if sender else []
    name, addr = pairs[0] if pairs else ("", "")
    domain = addr.rpartition("@")[2].strip().lower().rstrip(">")
    ids = set(_MSGID_RE.findall(own))
    return name, domain, subject, set(_MSGID_RE.findall(refs)), next(iter(ids), "")


def is_candidate(raw_headers: bytes, hints: Hints) -> bool:
    """Worth a whole body: vendor or look-alike sender, a case in the subject, or a reference to a case."""
    name, domain, subject, refs, _own = header_facts(raw_headers)
    if domain and (is_vendor(domain, hints.vendors) or looks_alike(domain, hints.vendors)):
        return True
    if _CLAIM_RE.search(name):  # claims to be AWS from elsewhere: processed so it is flagged as forged
        return True
    if _CASE_RE.search(subject) or any(cid in subject for cid in hints.case_ids):
        return True
    return bool(refs & hints.message_ids)


# --- connections -----------------------------------------------------------------------------------------
def effective_port(imap: ImapSettings) -> int:
    """The configured port; the 993 default means 143 when security is starttls or plain."""
    return 143 if imap.port == 993 and imap.security != "tls" else imap.port


def _short(exc: BaseException) -> str:
    text = str(exc).strip() or exc.__class__.__name__
    text = re.sub(r"^b['\"](.*)['\"]$", r"\1", text)
    return text.splitlines()[0][:160]


def _redact(text: str, secret: secrets.Secret | None) -> str:
    if secret and secret.reveal() and secret.reveal() in text:
        text = text.replace(secret.reveal(), "***")
    return text


@contextmanager
def guard(where: str, timeout: float):
    """Turn network and protocol failures into SourceError with one clear line."""
    try:
        yield
    except (SourceError, UserError, LoginError, CapabilityError):
        raise  # login() turns these into AuthFailed with its own words
    except ssl.SSLCertVerificationError as exc:
        raise SourceError(f"the TLS certificate of {where} is not trusted ({exc.verify_message or _short(exc)})",
                          "for a private CA set imap.ca_file to its certificate (PEM); imap.host must be a name "
                          "the certificate is issued for") from None
    except ssl.SSLError as exc:
        raise SourceError(f"TLS with {where} failed ({exc.reason or _short(exc)})",
                          'port 993 is implicit TLS (security = "tls"); port 143 needs security = "starttls"') from None
    except socket.gaierror as exc:
        raise SourceError(f"cannot resolve {where.rsplit(':', 1)[0]} ({exc.strerror})",
                          "check imap.host and the network") from None
    except (socket.timeout, TimeoutError):
        raise SourceError(f"{where} did not answer within {timeout:g} s",
                          "check the network, or raise imap.timeout") from None
    except ConnectionRefusedError:
        raise SourceError(f"{where} refused the connection", "check imap.host and imap.port") from None
    except (IMAPClientAbortError, EOFError, OSError) as exc:
        raise SourceError(f"the connection to {where} was lost ({_short(exc)})",
                          "certmerge watch reconnects by itself") from None
    except IMAPClientError as exc:
        raise SourceError(f"{where}: {_short(exc)}", "run `certmerge doctor`") from None


def tls_context(imap: ImapSettings) -> ssl.SSLContext:
    try:
        ctx = ssl.create_default_context(cafile=imap.ca_file or None)
    except (OSError, ssl.SSLError) as exc:
        raise UserError(f"imap.ca_file {imap.ca_file!r} cannot be used ({_short(exc)})",
                        "give the path of the CA certificate in PEM format") from None
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return ctx


def connect(imap: ImapSettings) -> imapclient.IMAPClient:
    """A connection (TLS, STARTTLS or plain to loopback) not yet logged in."""
    port = effective_port(imap)
    where = f"{imap.host}:{port}"
    if imap.security == "plain" and not is_loopback(imap.host):
        raise SourceError(f"plain text to {imap.host} refused: only loopback may go unencrypted",
                          'use security = "tls"')
    ctx = tls_context(imap) if imap.security in ("tls", "starttls") else None
    with guard(where, imap.timeout):
        client = imapclient.IMAPClient(imap.host, port, ssl=imap.security == "tls", ssl_context=ctx,
                                       timeout=imap.timeout)
    if imap.security == "starttls":
        try:
            with guard(where, imap.timeout):
                if not client.has_capability("STARTTLS"):
                    raise SourceError(f"{where} does not offer STARTTLS (certmerge never falls back to plain text)",
                                      'use security = "tls" on port 993')
                client.starttls(ctx)
        except BaseException:
            _shutdown(client)
            raise
    return client


def login(client: imapclient.IMAPClient, imap: ImapSettings, secret: secrets.Secret) -> None:
    where = f"{imap.host}:{effective_port(imap)}"
    try:
        with guard(where, imap.timeout):
            if imap.auth == "password":
                if client.has_capability("LOGINDISABLED"):
                    raise SourceError(f"{where} refuses passwords on this connection (LOGINDISABLED)",
                                      'use security = "tls" or "starttls"')
                if secret.reveal().isascii() and imap.username.isascii():
                    client.login(imap.username, secret.reveal())
                elif client.has_capability("AUTH=PLAIN"):  # LOGIN takes ASCII only; PLAIN is UTF-8 (RFC 4616)
                    client.plain_login(imap.username, secret.reveal())
                else:
                    raise SourceError(f"{where} cannot take a password or username with non-ASCII characters "
                                      "(it offers no AUTHENTICATE PLAIN)", "use an app password of ASCII characters")
            elif imap.auth == "xoauth2":
                client.oauth2_login(imap.username, secret.reveal())
            else:
                client.oauthbearer_login(imap.username, secret.reveal())
    except LoginError as exc:
        hint = ("check imap.username and the password (`certmerge login` stores a new one; Gmail needs an app "
                "password)" if imap.auth == "password" else
                "check imap.username and that token_command prints a fresh access token")
        raise AuthFailed(f"{where} rejected the login for {imap.username} ({_redact(_short(exc), secret)})",
                         hint) from None
    except CapabilityError as exc:
        raise SourceError(f"{where} does not offer {imap.auth.upper()} ({_short(exc)})",
                          'use auth = "password" or the mechanism the server lists (`certmerge doctor`)') from None


def _shutdown(client: imapclient.IMAPClient | None) -> None:
    if client is None:
        return
    try:
        client.shutdown()
    except Exception:  # noqa: BLE001 - already broken
        pass


def _logout(client: imapclient.IMAPClient | None) -> None:
    if client is None:
        return
    try:
        client.socket().settimeout(CLOSE_TIMEOUT)
        client.logout()
    except Exception:  # noqa: BLE001
        _shutdown(client)


def special_folder(client: imapclient.IMAPClient, configured: str, flag: bytes) -> str | None:
    return configured or client.find_special_folder(flag)


# --- the source --------------------------------------------------------------------------------------------
class ImapSource:
    """A MailSource over IMAP (see the module doc). Connects lazily; keeps one connection open."""

    def __init__(self, imap: ImapSettings, vendors: tuple[str, ...], credential: Callable[[], secrets.Secret],
                 progress: Progress | None = None) -> None:
        if not imap.host or not imap.username:
            raise UserError("[imap] needs host and username in config.toml", "see the README section on IMAP")
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
            raise UserError("[imap] needs host and username in config.toml", "see the README section on IMAP")
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
            _shutdown(client)
            raise
        folders = [(f, f == sent) for f in self.imap.folders]
        if sent and sent not in self.imap.folders:
            folders.append((sent, True))
        elif not sent:
            log.warning("%s: no Sent folder found; set imap.sent_folder to notice your own replies", self.name)
        self._folders = folders
        self._client = client
        log.info("connected to %s (IDLE %s, folders %s)", self.where, "yes" if self._idle_ok else "no",
                 ", ".join(f for f, _ in folders))
        return client

    def _drop(self) -> None:
        client, self._client, self._idle_since, self._selected = self._client, None, None, None
        self._just_opened = None
        _shutdown(client)

    def close(self) -> None:
        """End IDLE and log out, waiting at most CLOSE_TIMEOUT for each; a broken connection is just closed."""
        client, self._client, self._selected, self._just_opened = self._client, None, None, None
        idling, self._idle_since = self._idle_since is not None, None
        if client is not None and idling:
            try:
                client.socket().settimeout(CLOSE_TIMEOUT)
                client.idle_done()
            except Exception:  # noqa: BLE001 - the server is gone or slow: do not wait for it twice
                _shutdown(client)
                return
        _logout(client)

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
                    return info
                except IMAPClientAbortError:
                    raise
                except IMAPClientError as exc:
                    raise self._cannot_open(folder, exc) from None
        except SourceError:
            self._drop()
            raise

    def _cannot_open(self, folder: str, exc: BaseException) -> UserError:
        """A folder the server refuses to open: a configuration error at the start (UserError), but a
        SourceError (the watcher retries with backoff) once it has been synced in this run, when it was
        deleted or renamed meanwhile, perhaps to come back."""
        why = _DOVECOT_TIMING.sub("", _short(exc)).removeprefix("select failed: ").removeprefix("status failed: ")
        if folder in self._uidnext:
            return SourceError(f"the folder {folder!r} on {self.where} cannot be opened any more ({why})",
                               "it was deleted or renamed; certmerge watch tries again, or fix imap.folders")
        return UserError(f"the folder {folder!r} on {self.where} cannot be opened ({why})",
                         "check imap.folders / sent_folder; `certmerge doctor` lists the folders")

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
        changed = set()
        for folder, _ in self._folders:
            self._synced.pop(folder, None)
            fresh = just_opened[1] if just_opened and just_opened[0] == folder else None
            if self._unchanged(client, folder, stored[folder], folder == first, fresh):
                self._synced[folder] = stored[folder][1]
            else:
                changed.add(folder)
        streams = {f: list(self._sync_folder(client, store, f, out, stored[f]))
                   for f, out in self._folders[1:] if f in changed}
        if first in changed:
            streams[first] = self._sync_folder(client, store, first, self._folders[0][1], stored[first])
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
            log.warning("%s: UIDVALIDITY changed (%s -> %s): rescanning since %s; mail already processed is "
                        "recognised by its Message-ID", key, stored[0], uidvalidity, since)
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
        return status.get(b"UIDVALIDITY") == stored[0] and status.get(b"UIDNEXT", 0) - 1 <= stored[1]

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
        late = imap.untagged_responses.pop("EXISTS", None)
        return bool(late) or any(u > upto for u in found)  # n:* also returns the highest UID

    def _sync_folder(self, client, store: PositionStore, folder: str, outgoing: bool,
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
                log.warning("%s was expunged by another mail client before certmerge could read it; skipped",
                            ", ".join(f"{folder}/{uid}" for uid in gone))
            for uid, data, arrived in fetched:
                when = max(when, arrived or when)  # the merge key never goes back within a folder
                item = RawMail(f"{folder}/{uid}", data, (key, uidvalidity, uid), outgoing=outgoing)
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
        end = max(floor, uids[-1] if uids else 0)
        if pending is not None:  # the position moves past the trailing non-candidates (and a scan's floor)
            item = pending[1]
            yield pending[0], RawMail(item.origin, None, (key, uidvalidity, max(end, item.position[2])),
                                      outgoing=outgoing)
        elif scan and (last_kept is None or last_kept < end):
            yield when, RawMail(folder, None, (key, uidvalidity, end), outgoing=outgoing)
        self._synced[folder] = end

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
            raw = _header_bytes(heads.get(uid, {}))
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

    # --- waiting --------------------------------------------------------------------------------------
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
            raise SourceError(f"{self.where} closed the connection", "certmerge watch reconnects by itself")
        return any(len(r) > 1 and r[1] in (b"EXISTS", b"RECENT", b"EXPUNGE", b"FETCH") for r in responses)

    def _end_idle(self) -> None:
        if self._client is None or self._idle_since is None:
            return
        self._idle_since = None
        with self._io():
            self._client.idle_done()


def _header_bytes(fetched: dict) -> bytes | None:
    for k, v in fetched.items():
        if isinstance(k, bytes) and k.startswith(b"BODY[HEADER.FIELDS") and v is not None:
            return bytes(v)
    return None


# --- the one write: drafts ------------------------------------------------------------------------------
def open_session(imap: ImapSettings, credential: secrets.Secret | None = None) -> imapclient.IMAPClient:
    """Connected and logged in (for append_draft, login --check and doctor)."""
    secret = credential or secrets.credential(imap)
    client = connect(imap)
    try:
        login(client, imap, secret)
    except BaseException:
        _shutdown(client)
        raise
    return client


def _find_message_id(client, folder: str, message_id: str, where: str, timeout: float) -> bool:
    with guard(where, timeout):
        client.select_folder(folder, readonly=True)
        return bool(client.search(["HEADER", "Message-ID", message_id]))


def append_draft(settings: Settings, msg: EmailMessage) -> str:
    """APPEND the draft to the Drafts folder with \\Draft, unless a mail with its Message-ID is there
    (or already in Sent). Returns one line saying what happened."""
    imap = settings.imap
    where = f"{imap.host}:{effective_port(imap)}"
    message_id = str(msg["Message-ID"] or "").strip()
    if not message_id:
        raise UserError("the draft has no Message-ID", "this is a bug in certmerge")
    client = open_session(imap)
    try:
        with guard(where, imap.timeout):
            drafts = special_folder(client, imap.drafts_folder, DRAFTS)
            sent = special_folder(client, imap.sent_folder, SENT)
        if not drafts:
            raise UserError(f"no Drafts folder found on {where}", "set imap.drafts_folder in config.toml")
        if _find_message_id(client, drafts, message_id, where, imap.timeout):
            return f"already in {drafts} (same Message-ID); nothing appended"
        if sent and _find_message_id(client, sent, message_id, where, imap.timeout):
            return f"already sent (found in {sent}); nothing appended"
        data = msg.as_bytes(policy=msg.policy.clone(linesep="\r\n"))
        with guard(where, imap.timeout):
            try:
                client.append(drafts, data, flags=(imapclient.DRAFT,))
            except (IMAPClientAbortError, OSError):
                raise
            except IMAPClientError as exc:
                raise UserError(f"{where} refused to store the draft in {drafts} ({_short(exc)})",
                                "check imap.drafts_folder and the mailbox quota") from None
        return f"draft appended to {drafts}"
    finally:
        _logout(client)


# --- doctor --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Check:
    name: str
    ok: bool | None  # None: works, but worth a look
    result: str
    fix: str = ""


def _auth_results_sample(client, folder: str, count: int, where: str, timeout: float) -> tuple[int, int, set[str]]:
    """(mails looked at, mails with Authentication-Results, authserv-ids of their topmost header)."""
    with guard(where, timeout):
        info = client.select_folder(folder, readonly=True)
        uidnext = info.get(b"UIDNEXT", 0)
        uids = sorted(client.search(["ALL"]))[-count:] if uidnext else []
        if not uids:
            return 0, 0, set()
        fetched = client.fetch(uids, ["BODY.PEEK[HEADER.FIELDS (AUTHENTICATION-RESULTS)]"])
    with_ar, ids = 0, set()
    for data in fetched.values():
        raw = _header_bytes(data) or b""
        msg = _PARSER.parsebytes(raw, headersonly=True)
        values = msg.get_all("Authentication-Results") or []
        if values:
            with_ar += 1
            authserv = str(values[0]).split(";", 1)[0].strip().split()
            if authserv:
                ids.add(authserv[0].lower())
    return len(uids), with_ar, ids


def _count(n: int) -> str:
    return f"{n} mail" if n == 1 else f"{n} mails"


def _tls_words(client, imap: ImapSettings) -> str:
    sock = client.socket()
    if not isinstance(sock, ssl.SSLSocket):
        return "plain text"
    cert = sock.getpeercert() or {}
    subject = dict(x[0] for x in cert.get("subject", ()) if x)
    issuer = dict(x[0] for x in cert.get("issuer", ()) if x)
    return (f"{sock.version()}, certificate of {subject.get('commonName', imap.host)} checked "
            f"(issuer {issuer.get('commonName', '?')}, valid until {cert.get('notAfter', '?')})")


def _check_network(imap: ImapSettings) -> list[Check]:
    port = effective_port(imap)
    try:
        infos = socket.getaddrinfo(imap.host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        return [Check("name resolution", False, f"cannot resolve {imap.host} ({exc.strerror})",
                      "check imap.host for typos, and the network / DNS")]
    addrs = sorted({i[4][0] for i in infos})
    out = [Check("name resolution", True, f"{imap.host} -> {', '.join(addrs[:3])}")]
    start = time.monotonic()
    try:
        socket.create_connection((imap.host, port), timeout=imap.timeout).close()
    except OSError as exc:
        why = "timed out" if isinstance(exc, (socket.timeout, TimeoutError)) else (exc.strerror or _short(exc))
        return out + [Check("connect", False, f"{imap.host}:{port}: {why}",
                            "check imap.port (993 for TLS, 143 for STARTTLS), the server and any firewall")]
    ms = (time.monotonic() - start) * 1000
    return out + [Check("connect", True, f"{imap.host}:{port} answered in {ms:.0f} ms")]


def _check_folders(client, settings: Settings, where: str) -> list[Check]:
    imap = settings.imap
    out = []
    with guard(where, imap.timeout):
        listed = client.list_folders()
    names = [f[2] for f in listed]
    for folder in imap.folders:
        try:
            with guard(where, imap.timeout):
                info = client.select_folder(folder, readonly=True)
            out.append(Check(f"folder {folder}", True, f"{_count(info.get(b'EXISTS', 0))}, opened read-only (EXAMINE)"))
        except (IMAPClientError, SourceError) as exc:
            out.append(Check(f"folder {folder}", False, f"cannot be opened ({_short(exc)})",
                             "fix imap.folders; the server has: " + ", ".join(names[:15])))
    by_flag = {flag: f[2] for f in listed for flag in f[0] if flag in (SENT, DRAFTS)}
    for label, key, flag, missing in (
            ("Sent folder", imap.sent_folder, SENT, "your own replies are not noticed (`certmerge sent` "
             "records them by hand)"),
            ("Drafts folder", imap.drafts_folder, DRAFTS, "`certmerge draft` cannot store drafts there")):
        setting = "sent_folder" if flag == SENT else "drafts_folder"
        if key:
            ok = key in names
            out.append(Check(label, ok, f"{key} (imap.{setting})" + ("" if ok else " does not exist"),
                             "" if ok else f"fix imap.{setting}; the server has: " + ", ".join(names[:15])))
            continue
        found = by_flag.get(flag)
        if found:
            out.append(Check(label, True, f"{found} (SPECIAL-USE {flag.decode()})"))
            continue
        with guard(where, imap.timeout):
            guessed = client.find_special_folder(flag)
        out.append(Check(label, None, f"{guessed} (guessed by its name)" if guessed else f"not found: {missing}",
                         f"set imap.{setting}" + ("" if guessed else "; the server has: " + ", ".join(names[:15]))))
    return out


def _check_auth_results(client, settings: Settings, where: str) -> Check:
    imap = settings.imap
    try:
        n, with_ar, ids = _auth_results_sample(client, imap.folders[0], 20, where, imap.timeout)
    except (IMAPClientError, SourceError) as exc:
        return Check("authentication results", None, f"not sampled ({_short(exc)})")
    if not n:
        return Check("authentication results", None, f"{imap.folders[0]} has no mail to sample yet")
    if not with_ar:
        return Check("authentication results", None,
                     f"none of the last {n} mails carry Authentication-Results: senders cannot be verified",
                     "keep [classify] require_authenticated = false; ask your mail provider about DKIM/DMARC checks")
    who = ", ".join(sorted(ids))
    if settings.classify.require_authenticated:
        return Check("authentication results", True, f"{with_ar} of the last {n} mails carry them ({who}); "
                     "require_authenticated is on")
    return Check("authentication results", None, f"{with_ar} of the last {n} mails carry Authentication-Results ({who})",
                 f'recommended: [classify] require_authenticated = true and trusted_authserv_ids = ["{sorted(ids)[0]}"]')


def diagnose(settings: Settings, interactive: bool | None = None) -> list[Check]:
    """The checks of `certmerge doctor`, in order; stops at the first failure that blocks the rest."""
    imap = settings.imap
    if not imap.host or not imap.username:
        return [Check("configuration", False, "[imap] host or username is missing",
                      "set them in the home's config.toml (see the README section on IMAP)")]
    checks = _check_network(imap)
    if checks[-1].ok is False:
        return checks
    where = f"{imap.host}:{effective_port(imap)}"
    try:
        client = connect(imap)
    except UserError as exc:
        return checks + [Check("TLS and certificate", False, str(exc), exc.hint)]
    try:
        if imap.security == "plain":
            checks.append(Check("TLS and certificate", None, "plain text (allowed only to a loopback address)",
                                'use security = "tls" for any real server'))
        else:
            checks.append(Check("TLS and certificate", True, _tls_words(client, imap)))
        try:
            secret = secrets.credential(imap, interactive)
            login(client, imap, secret)
        except UserError as exc:
            return checks + [Check("login", False, str(exc), exc.hint)]
        checks.append(Check("login", True, f"logged in as {imap.username} ({imap.auth}; secret from {secret.origin})"))
        with guard(where, imap.timeout):
            caps = set(client.capabilities())
        for cap, missing, fix in (
                ("IDLE", f"not offered: certmerge polls every {settings.watch.interval:g} s instead",
                 "nothing to fix; lower [watch] interval to notice mail sooner"),
                ("UIDPLUS", "not offered (not needed)", ""),
                ("SPECIAL-USE", "not offered: Sent and Drafts are guessed by name",
                 "set imap.sent_folder and imap.drafts_folder")):
            checks.append(Check(f"capability {cap}", True, "offered") if cap.encode() in caps
                          else Check(f"capability {cap}", None, missing, fix))
        checks += _check_folders(client, settings, where)
        checks.append(_check_auth_results(client, settings, where))
    except UserError as exc:
        checks.append(Check("connection", False, str(exc), exc.hint))
    finally:
        _logout(client)
    return checks


__all__ = ["Check", "Hints", "ImapSource", "append_draft", "diagnose", "is_candidate"]
