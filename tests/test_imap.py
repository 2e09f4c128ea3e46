"""Issue 3 against a real Dovecot: the IMAP source, `watch`, `draft`, `login`, `doctor`, and secrets.

Every "Done when" item of the issue has a test here; the sample mails of ../sample_mail are the input.
The CLI runs as a real subprocess where the issue speaks of the command (watch, draft, doctor, login).
"""

from __future__ import annotations

import datetime as dt
import email
import json
import os
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from email.utils import make_msgid
from pathlib import Path

import keyring.backend
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from certmerge import secrets
from certmerge import watch as watchmod
from certmerge.app import App
from certmerge.core.casefile import load_casefile
from certmerge.config import ImapSettings, Settings, load_settings
from certmerge.core.errors import AuthFailed, SourceError, UserError
from tests.helpers import sigterm_and_wait, support_reply_from_user

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_mail"
TESTS = Path(__file__).resolve().parent
PW_ENV = "CERTMERGE_TEST_IMAP_PASSWORD"
CLI = [sys.executable, "-c", "from certmerge.cli import main; main()"]


def sample(name: str) -> bytes:
    return next(SAMPLES.glob(f"{name}*.eml")).read_bytes()


def msgid(raw: bytes) -> str:
    return email.message_from_bytes(raw)["Message-ID"].strip()


def deadline_wait(predicate, timeout: float, step: float = 0.1, what: str = "condition"):
    """Poll `predicate` until it returns something true, or fail after `timeout` seconds."""
    end = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > end:
            pytest.fail(f"{what} not reached within {timeout} s")
        time.sleep(step)


# --- a test keyring (the machine has no usable system keyring) ---------------------------------------
class FileKeyring(keyring.backend.KeyringBackend):
    """A keyring in a JSON file named by CERTMERGE_TEST_KEYRING (outside every certmerge home)."""

    priority = 1
    name = "test file keyring"

    def _path(self) -> Path:
        return Path(os.environ["CERTMERGE_TEST_KEYRING"])

    def _load(self) -> dict:
        p = self._path()
        return json.loads(p.read_text()) if p.exists() else {}

    def get_password(self, service, username):
        return self._load().get(f"{service}/{username}")

    def set_password(self, service, username, password):
        data = self._load()
        data[f"{service}/{username}"] = password
        self._path().write_text(json.dumps(data))

    def delete_password(self, service, username):
        data = self._load()
        data.pop(f"{service}/{username}", None)
        self._path().write_text(json.dumps(data))


# --- homes, apps and the CLI ---------------------------------------------------------------------
class Box:
    """A Dovecot user and a certmerge home whose [imap] points at it."""

    def __init__(self, server, tmp_path: Path, **imap) -> None:
        self.server = server
        self.user = server.add_user()
        self.password = server.password_of(self.user)
        self.home = tmp_path / "home"
        self.home.mkdir(exist_ok=True)
        values = {"host": "127.0.0.1", "port": server.port, "security": "plain", "username": self.user,
                  "password_env": PW_ENV, "timeout": 10, **imap}
        lines = ["[imap]"]
        for key, value in values.items():
            if value is None:
                continue
            lines.append(f"{key} = {json.dumps(value)}")
        self.home.joinpath("config.toml").write_text("\n".join(lines) + "\n")
        self.outputs: list[str] = []

    def settings(self) -> Settings:
        return load_settings(self.home)

    def app(self) -> App:
        return App(self.settings())

    def init_case(self) -> None:
        app = self.app()
        try:
            app.init_case(load_casefile(SAMPLES / "case.toml", today=dt.date(2026, 11, 2)))
        finally:
            app.close()

    def deliver(self, raw: bytes, folder: str = "INBOX", flags: tuple = (), when=None) -> int:
        return self.server.deliver(self.user, raw, folder, flags, when)

    def env(self, password: str | None = None, **extra) -> dict:
        env = {**os.environ, "CERTMERGE_HOME": str(self.home), PW_ENV: self.password if password is None else password,
               "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(TESTS)]), "COLUMNS": "200", **extra}
        env.pop("CI", None)
        return env

    def cli(self, *args: str, password: str | None = None, input: str | None = None, timeout: float = 60,
            **extra) -> subprocess.CompletedProcess:
        res = subprocess.run([*CLI, *args], env=self.env(password, **extra), input=input, capture_output=True,
                             text=True, timeout=timeout)
        self.outputs += [res.stdout, res.stderr]
        return res

    def state(self) -> str:
        app = self.app()
        try:
            return app.case()["state"]
        finally:
            app.close()

    @contextmanager
    def watching(self, **kw):
        """(app, IMAP source) on this home, both closed at the end."""
        app = self.app()
        src = self.source(**kw)
        try:
            yield app, src
        finally:
            src.close()
            app.close()

    def source(self, settings: Settings | None = None, **kw):
        from certmerge.sources.imap import ImapSource

        settings = settings or self.settings()
        return ImapSource(settings.imap, settings.classify.vendor_domains,
                          lambda: secrets.Secret(self.password, "test"), **kw)


@pytest.fixture
def box(dovecot, tmp_path):
    return Box(dovecot, tmp_path)


@pytest.fixture
def case_box(box):
    box.init_case()
    return box


def poll(app: App, source):
    return app.poll_once(source)


# === the IMAP source ==================================================================================
def test_new_mail_moves_the_case_and_only_candidates_are_fetched_whole(case_box, monkeypatch):
    import imapclient

    fetched: list[tuple[tuple[int, ...], str]] = []
    real_fetch = imapclient.IMAPClient.fetch

    def spy_fetch(self, messages, data, modifiers=None):
        fetched.append((tuple(messages), " ".join(data)))
        return real_fetch(self, messages, data, modifiers)

    monkeypatch.setattr(imapclient.IMAPClient, "fetch", spy_fetch)
    b = case_box
    uid_colleague = b.deliver(sample("03"))
    uid_ack = b.deliver(sample("01"))
    uid_colleague_ja = b.deliver(sample("14"))  # colleague, Japanese: not a candidate either
    with b.watching() as (app, src):
        out = poll(app, src)
        assert [(o.origin, o.kind, o.to_state) for o in out] == [(f"INBOX/{uid_ack}", "acknowledgement",
                                                                   "awaiting_support")]
        assert app.case()["state"] == "awaiting_support"
        uid_info = b.deliver(sample("04"))
        uid_forged = b.deliver(sample("05"))
        out = poll(app, src)
        assert [(o.kind, o.authenticity) for o in out] == [("info_request", "pass"), ("completion_notice", "fail")]
        assert app.case()["state"] == "info_requested"  # the forged completion notice did not move it
        assert app.store.position(src.source_key("INBOX"))[1] == uid_forged
    bodies = [set(uids) for uids, items in fetched if "BODY.PEEK[]" in items]
    whole = set().union(*bodies)
    assert whole == {uid_ack, uid_info, uid_forged}
    assert uid_colleague not in whole and uid_colleague_ja not in whole
    assert all("PEEK" in items for _uids, items in fetched)


def test_mail_written_into_the_maildir_by_another_program_is_seen_at_the_next_poll(case_box):
    """A delivery agent that writes Maildir files itself (not through Dovecot) leaves Dovecot's index
    behind: an open session notices such mail only when asked to look (NOOP), not at a SEARCH. The poll
    that keeps the connection open must still see it."""
    b = case_box
    b.deliver(sample("01"))
    with b.watching() as (app, src):
        assert [o.kind for o in poll(app, src)] == ["acknowledgement"]
        assert poll(app, src) == []  # the connection stays open, the folder selected
        b.server.maildir_drop(b.user, "INBOX", sample("04"))  # as a local delivery agent does
        assert [(o.kind, o.status) for o in poll(app, src)] == [("info_request", "processed")]
        assert app.case()["state"] == "info_requested"


def test_a_fresh_session_with_nothing_new_opens_the_big_folder_once_and_before_listing(case_box, monkeypatch):
    """`watch --once` (a new session each time) with nothing new: INBOX is opened once, before the LIST
    (after a LIST, Dovecot makes the next command on a big Maildir folder re-read its whole index), and
    that EXAMINE's answer is the whole check: no NOOP, no SEARCH, no second EXAMINE of INBOX. Mail that
    came meanwhile is still found by the next fresh session."""
    import imaplib

    sent: list[str] = []
    real_command = imaplib.IMAP4._command

    def spy(self, name, *args):
        sent.append(" ".join([name, *(a.decode() if isinstance(a, bytes) else str(a) for a in args[:1])]))
        return real_command(self, name, *args)

    b = case_box
    b.deliver(sample("01"))
    app = b.app()
    try:
        first = b.source()
        assert [o.kind for o in poll(app, first)] == ["acknowledgement"]
        first.close()
        monkeypatch.setattr(imaplib.IMAP4, "_command", spy)
        again = b.source()
        assert poll(app, again) == []
        again.close()
        commands = [c for c in sent if c.split()[0] not in ("CAPABILITY", "LOGIN", "AUTHENTICATE", "LOGOUT")]
        assert commands == ['EXAMINE "INBOX"', 'LIST ""', 'EXAMINE "Sent"'], commands
        b.deliver(sample("04"))
        third = b.source()
        assert [o.kind for o in poll(app, third)] == ["info_request"]
        third.close()
    finally:
        app.close()


def test_a_watchers_poll_asks_every_folder_in_one_round_trip(case_box, monkeypatch):
    """In the steady state (connected, every folder synced once) a poll sends NOOP + UID SEARCH for the
    open INBOX and STATUS for Sent before it reads any answer; news in either is still found."""
    import imaplib

    events: list[str] = []
    real_command, real_complete = imaplib.IMAP4._command, imaplib.IMAP4._command_complete

    def command(self, name, *args):
        events.append(f"send {name}")
        return real_command(self, name, *args)

    def complete(self, name, tag):
        events.append("read")
        return real_complete(self, name, tag)

    b = case_box
    b.deliver(sample("01"))
    with b.watching() as (app, src):
        poll(app, src)
        poll(app, src)  # after a connect the EXAMINE's answer is used; from here on, the steady state
        monkeypatch.setattr(imaplib.IMAP4, "_command", command)
        monkeypatch.setattr(imaplib.IMAP4, "_command_complete", complete)
        assert poll(app, src) == []
        assert events == ["send NOOP", "send UID", "send STATUS", "read", "read", "read"], events
        b.deliver(sample("04"))
        assert [o.kind for o in poll(app, src)] == ["info_request"]
        reply = sample("01").replace(b"Message-ID: <", b"Message-ID: <sent-copy.", 1)
        b.deliver(reply, folder="Sent", flags=(b"\\Seen",))
        assert [o.origin for o in poll(app, src)] == ["Sent/1"]


def test_source_opens_read_only_and_never_writes(case_box, monkeypatch):
    import imapclient

    selects: list[bool] = []
    real_select = imapclient.IMAPClient.select_folder

    def spy_select(self, folder, readonly=False):
        selects.append(readonly)
        return real_select(self, folder, readonly)

    def forbidden(self, *a, **k):
        raise AssertionError("the IMAP source must not change the mailbox")

    b = case_box
    b.deliver(sample("01"))
    b.deliver(sample("06"), folder="Sent")
    monkeypatch.setattr(imapclient.IMAPClient, "select_folder", spy_select)
    for name in ("add_flags", "set_flags", "remove_flags", "delete_messages", "expunge", "uid_expunge", "move",
                 "copy", "append", "multiappend", "create_folder", "delete_folder", "rename_folder",
                 "subscribe_folder", "unsubscribe_folder", "close_folder"):
        monkeypatch.setattr(imapclient.IMAPClient, name, forbidden)
    with b.watching() as (app, src):
        poll(app, src)
        src.wait(0.1)
        poll(app, src)
    assert selects and all(selects), "every folder must be opened with EXAMINE"


def test_flags_unchanged_after_watch(case_box):
    b = case_box
    b.deliver(sample("01"))
    seen_uid = b.deliver(sample("03"), flags=(b"\\Seen",))
    b.deliver(sample("04"), flags=(b"\\Flagged",))
    b.deliver(sample("10"))
    b.deliver(sample("12"), folder="Sent", flags=(b"\\Seen",))
    inbox, sent = b.server.flags(b.user, "INBOX"), b.server.flags(b.user, "Sent")
    assert any("\\Recent" in f for f in inbox.values())  # EXAMINE keeps \Recent; SELECT would clear it
    res = b.cli("watch", "--once")
    assert res.returncode == 0, res.stderr
    assert b.state() == "info_requested"
    assert b.server.flags(b.user, "INBOX") == inbox
    assert b.server.flags(b.user, "Sent") == sent
    assert all("\\Seen" not in f for uid, f in b.server.flags(b.user, "INBOX").items() if uid != seen_uid)


def test_draft_is_appended_to_drafts_once(case_box):
    b = case_box
    b.deliver(sample("01"))
    b.deliver(sample("04"))
    assert b.cli("watch", "--once").returncode == 0
    first = b.cli("draft", "--quiet")
    second = b.cli("draft", "--quiet")
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    assert "draft appended to Drafts" in first.stdout
    assert "already in Drafts" in second.stdout
    drafts = b.server.flags(b.user, "Drafts")
    assert len(drafts) == 1
    assert "\\Draft" in next(iter(drafts.values()))
    stored = next((b.home / "drafts").glob("*.eml")).read_bytes()
    assert b.server.message_ids(b.user, "Drafts") == [msgid(stored)]


def test_users_sent_reply_is_detected(case_box):
    b = case_box
    b.deliver(sample("01"))
    b.deliver(sample("04"))
    with b.watching() as (app, src):
        poll(app, src)
        case = app.case()
        assert case["state"] == "info_requested"
        _path, draft = app.draft(case)
        # the user sends it from the mail client, which files a copy in Sent with its own Message-ID
        del draft["Message-ID"]
        draft["Message-ID"] = make_msgid("thunderbird", domain="example-corp.co.jp")
        sent_raw = draft.as_bytes(policy=draft.policy.clone(linesep="\r\n"))
        b.deliver(sent_raw, folder="Sent", flags=(b"\\Seen",))
        flags_before = b.server.flags(b.user, "Sent")
        out = poll(app, src)
        assert [o.summary for o in out] == ["your reply was sent (info_requested -> awaiting_support)"]
        case = app.case()
        assert case["state"] == "awaiting_support"
        assert case["last_reply_sent_at"] is not None
        assert [m["direction"] for m in app.store.messages(case["id"]) if m["message_id"] == msgid(sent_raw)] == ["out"]
        assert b.server.flags(b.user, "Sent") == flags_before


def test_mail_of_inbox_and_sent_is_processed_in_the_order_it_arrived(case_box):
    """A first scan finds the info request, the user's answer in Sent, and the confirmation request that
    came after it: the case must end waiting for the user's confirmation. Folder by folder (INBOX, then
    Sent) it would end in awaiting_completion, as if the user had confirmed."""
    b = case_box
    t0 = dt.datetime.now(dt.timezone.utc).replace(microsecond=0) - dt.timedelta(hours=5)
    info = sample("04")
    reply = support_reply_from_user(1, msgid(info))
    b.deliver(sample("01"), when=t0)
    b.deliver(info, when=t0 + dt.timedelta(hours=1))
    b.deliver(sample("06"), when=t0 + dt.timedelta(hours=3))  # delivered before the reply, arrived after
    b.deliver(reply, folder="Sent", flags=(b"\\Seen",),
              when=t0 + dt.timedelta(hours=2))
    with b.watching() as (app, src):
        out = poll(app, src)
        assert [(o.origin, o.to_state) for o in out] == [
            ("INBOX/1", "awaiting_support"), ("INBOX/2", "info_requested"), ("Sent/1", "awaiting_support"),
            ("INBOX/3", "confirmation_requested")]
        assert app.case()["state"] == "confirmation_requested"


def test_a_first_scan_of_a_big_folder_searches_only_its_date_window(case_box, monkeypatch):
    """Above BISECT_MIN messages, the first scan bisects on arrival dates to find where its window starts:
    SEARCH SINCE then covers the window (and BISECT_MARGIN before it), not the whole folder, and finds
    the same mail as a SEARCH of everything."""
    import imapclient

    from certmerge.sources import imap as imapmod

    monkeypatch.setattr(imapmod, "BISECT_MIN", 10)
    monkeypatch.setattr(imapmod, "BISECT_MARGIN", 3)
    searches: list[list] = []
    real_search = imapclient.IMAPClient.search

    def spy_search(self, criteria="ALL", charset=None):
        searches.append(list(criteria) if isinstance(criteria, list) else [criteria])
        return real_search(self, criteria, charset)

    monkeypatch.setattr(imapclient.IMAPClient, "search", spy_search)
    b = case_box
    old_day = dt.datetime(2026, 9, 1, tzinfo=dt.timezone.utc)
    b.deliver(sample("01"), when=old_day)  # an AWS mail long before the case: outside the window
    for i in range(40):
        b.deliver(sample("03").replace(b"Message-ID: <", f"Message-ID: <old{i}.".encode(), 1),
                  when=old_day + dt.timedelta(hours=i))
    wanted = [b.deliver(sample(n)) for n in ("04", "06")]
    with b.watching() as (app, src):
        out = poll(app, src)
        assert [o.origin for o in out] == [f"INBOX/{u}" for u in wanted]
        assert app.store.position(src.source_key("INBOX"))[1] == max(wanted)
    since = [c for c in searches if "SINCE" in c]
    assert len(since) == 2 and ["SINCE"] in [c[:1] for c in since]  # Sent (empty): too small to bisect
    inbox = next(c for c in since if c[0] != "SINCE")
    start = int(inbox[0].split(":")[0])
    assert inbox[0].endswith(":*") and 1 < start <= 42 - 3  # the window starts at message 42


def test_uidvalidity_change_processes_nothing_twice(case_box):
    b = case_box
    b.deliver(sample("01"))
    b.deliver(sample("04"))
    with b.watching() as (app, src):
        poll(app, src)
        messages, events = app.store.count("messages"), app.store.count("events")
        old = app.store.position(src.source_key("INBOX"))
        b.server.set_uidvalidity(b.user, old[0] + 1000)
        b.deliver(sample("06"))
        for attempt in range(2):  # the server may drop the session whose mailbox changed under it
            try:
                out = poll(app, src)
                break
            except SourceError:
                src.close()
        processed = [o for o in out if o.status == "processed"]
        assert [o.kind for o in processed] == ["confirmation_request"]
        assert {o.status for o in out} <= {"processed", "duplicate"}
        assert app.store.count("messages") == messages + 1
        assert app.store.count("events") == events + 2  # the new mail and its state change, nothing else
        ids = [m["message_id"] for m in app.store.messages()]
        assert len(ids) == len(set(ids))
        assert app.store.position(src.source_key("INBOX"))[0] == old[0] + 1000
        assert app.case()["state"] == "confirmation_requested"
        assert poll(app, src) == []


def test_first_run_scans_from_a_week_before_the_case(case_box, monkeypatch):
    from certmerge.sources import imap as imapmod

    b = case_box
    old = sample("01")
    b.deliver(old, when=dt.datetime(2026, 9, 1, tzinfo=dt.timezone.utc))  # long before the case
    recent = [sample("04"), sample("06"), sample("09")]
    for raw in recent:
        b.deliver(raw)
    monkeypatch.setattr(imapmod, "PROGRESS_MIN", 2)
    monkeypatch.setattr(imapmod, "CHUNK", 2)
    calls = []
    with b.watching(progress=lambda done, total, folder: calls.append((done, total, folder))) as (app, src):
        assert src.scan_start(app.store) == dt.date(2026, 10, 26)  # support.created 2026-11-02 minus 7 days
        out = poll(app, src)
        assert [msgid(r) for r in recent] == [app.store.message(str(i))["message_id"] for i in (1, 2, 3)]
        assert len(out) == 3 and app.store.message(msgid(old)) is None
        assert calls == [(2, 3, "INBOX"), (3, 3, "INBOX")]
        assert app.store.position(src.source_key("INBOX"))[1] == 4


def test_idle_delivers_a_change_within_seconds(case_box):
    b = case_box
    with b.watching() as (app, src):
        poll(app, src)
        assert src.wait(0.2) is False
        assert src._idle_since is not None, "the server offers IDLE: the source must use it"
        timer = threading.Timer(0.3, lambda: b.deliver(sample("01")))
        start = time.monotonic()
        timer.start()
        while not src.wait(0.5):
            assert time.monotonic() - start < 5, "IDLE did not report the new mail"
        assert time.monotonic() - start < 3
        assert [o.kind for o in poll(app, src)] == ["acknowledgement"]


def test_idle_is_renewed_and_servers_without_idle_are_polled(case_box, monkeypatch):
    from certmerge.sources import imap_idle

    b = case_box
    with b.watching() as (app, src):
        poll(app, src)
        assert src.wait(0.05) is False
        first = src._idle_since
        monkeypatch.setattr(imap_idle, "IDLE_RENEW", 0.0)  # every wait re-issues IDLE (DONE, IDLE)
        assert src.wait(0.05) is False
        assert src._idle_since > first
        b.deliver(sample("01"))
        deadline_wait(lambda: src.wait(0.5), 5, step=0, what="change seen on the renewed IDLE")
        assert [o.kind for o in poll(app, src)] == ["acknowledgement"]
        src._idle_ok = False  # as with a server that does not offer IDLE: wait() only sleeps
        start = time.monotonic()
        assert src.wait(0.2) is False and src._idle_since is None
        assert 0.15 < time.monotonic() - start < 1
        b.deliver(sample("04"))
        assert [o.kind for o in poll(app, src)] == ["info_request"]


def test_idle_notices_a_dropped_connection(case_box):
    b = case_box
    with b.watching() as (app, src):
        poll(app, src)
        src.wait(0.1)
        b.server.kick(b.user)
        with pytest.raises(SourceError):
            deadline_wait(lambda: src.wait(0.5), 5, step=0, what="lost connection noticed")
        b.deliver(sample("01"))
        assert [o.kind for o in poll(app, src)] == ["acknowledgement"]  # reconnects and syncs


@pytest.mark.parametrize("security", ["tls", "starttls"])
def test_self_signed_certificate_refused_without_ca_file_and_accepted_with_it(dovecot, tmp_path, security):
    port = dovecot.tls_port if security == "tls" else dovecot.port
    b = Box(dovecot, tmp_path, security=security, port=port)
    b.init_case()
    b.deliver(sample("01"))
    with b.watching() as (app, src):
        with pytest.raises(SourceError, match="certificate .* is not trusted") as err:
            poll(app, src)
        assert "ca_file" in err.value.hint
        assert app.store.count("messages") == 0
    b.home.joinpath("config.toml").write_text(b.home.joinpath("config.toml").read_text()
                                             + f"ca_file = {json.dumps(str(dovecot.cert))}\n")
    with b.watching() as (app, src):
        assert [o.kind for o in poll(app, src)] == ["acknowledgement"]


@pytest.mark.parametrize("auth", ["xoauth2", "oauthbearer"])
def test_oauth_with_token_command(dovecot, tmp_path, auth):
    # Dovecot 2.3 checks an XOAUTH2/OAUTHBEARER token against the passdb like a password
    b = Box(dovecot, tmp_path, security="tls", port=dovecot.tls_port, ca_file=str(dovecot.cert), auth=auth,
            password_env=None, token_command=f"printf '%s\\n' \"${PW_ENV}\"")  # a token helper stand-in
    b.init_case()
    b.deliver(sample("01"))
    res = b.cli("watch", "--once")
    assert res.returncode == 0, res.stderr
    assert b.state() == "awaiting_support"
    bad = b.cli("watch", "--once", password="expired-token")
    assert bad.returncode == 5
    assert "rejected the login" in bad.stderr and "expired-token" not in bad.stderr + bad.stdout


# === watch ====================================================================================
def _positions(home: Path) -> int:
    import sqlite3

    db = home / "certmerge.sqlite3"
    if not db.exists():
        return 0
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        try:
            return conn.execute("select count(*) from positions").fetchone()[0]
        except sqlite3.OperationalError:
            return 0


def test_watch_reconnects_after_a_server_restart_and_catches_up(private_dovecot, tmp_path):
    b = Box(private_dovecot, tmp_path)
    b.init_case()
    proc = subprocess.Popen([*CLI, "watch", "--interval", "300"], env=b.env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        deadline_wait(lambda: _positions(b.home) >= 2, 15, what="first sync (INBOX and Sent positions)")
        # IDLE: with a 300 s interval only IDLE can bring this mail in quickly
        start = time.monotonic()
        b.deliver(sample("01"))
        deadline_wait(lambda: b.state() == "awaiting_support", 5, what="mail seen through IDLE")
        idle_latency = time.monotonic() - start
        private_dovecot.stop(kick=True)
        b.deliver(sample("04"))  # arrives while the server is down (written into the Maildir)
        time.sleep(1.0)  # the watcher fails to reconnect at least once
        private_dovecot.start()
        deadline_wait(lambda: b.state() == "info_requested", 20, what="catch-up after the restart")
        assert proc.poll() is None, "the watcher must survive the restart"
        stopped_in, out, err = sigterm_and_wait(proc, timeout=5)
    except BaseException:
        if proc.poll() is None:
            proc.kill()
        out, err = proc.communicate()
        print(f"watcher stdout:\n{out}\nwatcher stderr:\n{err}\ndovecot log:\n{private_dovecot.log()[-3000:]}")
        raise
    b.outputs += [out, err]
    assert proc.returncode == 0, err
    assert stopped_in < 2.0
    assert idle_latency < 5
    assert "retrying in" in err and "reconnected" in err
    assert "info_request" in out and "acknowledgement" in out and "next:" in out


def test_watch_stops_within_two_seconds_even_when_the_server_hangs(tmp_path):
    """A server that accepts and never answers: SIGTERM still ends the watcher within 2 s."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    accepted = []
    threading.Thread(target=lambda: accepted.append(listener.accept()), daemon=True).start()
    home = tmp_path / "home"
    home.mkdir()
    home.joinpath("config.toml").write_text(
        f'[imap]\nhost = "127.0.0.1"\nport = {listener.getsockname()[1]}\nsecurity = "plain"\n'
        f'username = "nobody"\npassword_env = "{PW_ENV}"\ntimeout = 30\n')
    env = {**os.environ, "CERTMERGE_HOME": str(home), PW_ENV: "x"}
    subprocess.run([*CLI, "init", "--from", str(SAMPLES / "case.toml")], env=env, check=True, capture_output=True)
    proc = subprocess.Popen([*CLI, "watch"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline_wait(lambda: accepted, 10, what="the watcher connecting")
        time.sleep(0.3)
        took, _out, _err = sigterm_and_wait(proc)
        assert took < 2.0
        assert proc.returncode == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        listener.close()


def test_wrong_password_ends_with_one_clear_line(case_box):
    b = case_box
    for args in (["watch", "--once"], ["watch"]):
        start = time.monotonic()
        res = b.cli(*args, password="not-the-password", timeout=30)
        assert time.monotonic() - start < 10, "a rejected login must not be retried"
        assert res.returncode == 5
        lines = [line for line in res.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("error: "), res.stderr
        assert "rejected the login" in lines[0] and b.user in lines[0]
        assert "not-the-password" not in res.stderr + res.stdout


class FlakySource:
    """Raises the given errors on its first polls, then finds no mail."""

    name = "flaky"

    def __init__(self, errors) -> None:
        self.errors = list(errors)
        self.closed = 0
        self.polls = 0

    def fetch_new(self, store):
        self.polls += 1
        if self.errors:
            raise self.errors.pop(0)
        return iter([])

    def wait(self, timeout):
        time.sleep(min(timeout, 0.01))
        return False

    def close(self):
        self.closed += 1


def test_watch_backs_off_on_source_errors_and_stops_on_auth_failure(tmp_path):
    app = App(Settings(home=tmp_path / "home"), create=True)
    lines: list[str] = []
    stop = threading.Event()
    src = FlakySource([SourceError("server gone"), SourceError("still gone")])
    backoff = watchmod.Backoff(first=0.01, cap=0.05, rand=lambda: 1.0)
    threading.Timer(0.5, stop.set).start()
    assert watchmod.run(app, src, once=False, interval=0.05, report=lambda o: None, stop=stop, notify=lines.append,
                        backoff=backoff) == 0
    assert [line.split(" - ")[0] for line in lines[:2]] == ["server gone", "still gone"]
    assert "retrying in" in lines[0] and lines[2].startswith("reconnected")
    assert src.closed == 2 and src.polls >= 3
    with pytest.raises(AuthFailed):
        watchmod.run(app, FlakySource([AuthFailed("rejected")]), once=False, interval=0.05, report=lambda o: None,
                     stop=threading.Event(), notify=lines.append, backoff=backoff)
    with pytest.raises(SourceError):
        watchmod.run(app, FlakySource([SourceError("down")]), once=True, interval=0.05, report=lambda o: None)
    app.close()


def test_backoff_is_exponential_with_jitter_from_1s_to_5min():
    high = watchmod.Backoff(rand=lambda: 1.0)
    assert [high.next() for _ in range(11)] == [1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300]
    low = watchmod.Backoff(rand=lambda: 0.0)
    assert [low.next() for _ in range(3)] == [0.5, 1, 2]
    low.reset()
    assert low.next() == 0.5
    import random

    rng = random.Random(7)
    jittered = watchmod.Backoff(rand=rng.random)
    values = [jittered.next() for _ in range(12)]
    assert all(0.5 * min(300, 2 ** i) <= v <= min(300, 2 ** i) for i, v in enumerate(values))
    assert len({round(v / min(300, 2 ** i), 6) for i, v in enumerate(values)}) > 1


# === doctor and login ====================================================================================
def test_doctor_checks_everything_and_recommends_authenticated_mail(case_box):
    b = case_box
    b.deliver(sample("01"))
    res = b.cli("doctor")
    assert res.returncode == 0, res.stdout + res.stderr
    out = res.stdout
    order = ["name resolution", "connect", "TLS and certificate", "login", "capability IDLE", "capability UIDPLUS",
             "capability SPECIAL-USE", "folder INBOX", "Sent folder", "Drafts folder", "authentication results"]
    positions = [out.find(name) for name in order]
    assert -1 not in positions and positions == sorted(positions), out
    assert "require_authenticated = true" in out
    assert "mx.example-corp.co.jp" in out


def test_doctor_fails_on_an_untrusted_certificate_and_a_wrong_password(dovecot, tmp_path):
    b = Box(dovecot, tmp_path, security="tls", port=dovecot.tls_port)
    res = b.cli("doctor")
    assert res.returncode == 4  # the server cannot be reached safely
    assert "not trusted" in res.stdout and "ca_file" in res.stdout
    assert "login" not in res.stdout.split("TLS and certificate", 1)[1]  # stops at the first blocking failure
    b.home.joinpath("config.toml").write_text(b.home.joinpath("config.toml").read_text()
                                             + f"ca_file = {json.dumps(str(dovecot.cert))}\n")
    res = b.cli("doctor", password="wrong-one")
    assert res.returncode == 5
    assert "rejected the login" in res.stdout and "error: login" in res.stderr
    assert "wrong-one" not in res.stdout + res.stderr


def test_login_stores_the_password_in_the_keyring_and_watch_uses_it(box, tmp_path):
    b = box
    config = b.home.joinpath("config.toml")
    config.write_text(config.read_text().replace(f'password_env = "{PW_ENV}"\n', ""))
    b.init_case()
    b.deliver(sample("01"))
    ring = {"PYTHON_KEYRING_BACKEND": "test_imap.FileKeyring", "CERTMERGE_TEST_KEYRING": str(tmp_path / "ring.json")}
    wrong = b.cli("login", "--password-stdin", input="not-it\n", **ring)
    assert wrong.returncode == 5 and not (tmp_path / "ring.json").exists()
    res = b.cli("login", "--password-stdin", input=b.password + "\n", **ring)
    assert res.returncode == 0, res.stderr
    assert "stored in the system keyring" in res.stdout
    assert json.loads((tmp_path / "ring.json").read_text()) == {f"certmerge/{b.user}": b.password}
    res = b.cli("watch", "--once", password="", **ring)
    assert res.returncode == 0, res.stderr
    assert b.state() == "awaiting_support"
    no_ring = b.cli("watch", "--once", password="", PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    assert no_ring.returncode == 2 and "certmerge login" in no_ring.stderr


# === secrets ===========================================================================================
def test_no_secret_in_any_log_output_database_or_draft(case_box, caplog):
    import logging

    b = case_box
    b.deliver(sample("01"))
    b.deliver(sample("04"))
    caplog.set_level(logging.DEBUG)  # even at DEBUG, imaplib's protocol trace (LOGIN ...) stays out
    with b.watching() as (app, src):
        poll(app, src)
        src.wait(0.1)
    assert b.password not in caplog.text
    assert b.cli("--debug", "watch", "--once").returncode == 0
    assert b.cli("draft").returncode == 0
    assert b.cli("status").returncode == 0
    assert b.cli("doctor").returncode == 0
    assert b.cli("watch", "--once", password="Wr0ng-Secret-x").returncode == 5
    assert b.cli("doctor", password="Wr0ng-Secret-x").returncode == 5
    command = json.dumps(f"printf '%s\\n' \"${PW_ENV}\"")
    (b.home / "config.toml").write_text((b.home / "config.toml").read_text().replace(
        f'password_env = "{PW_ENV}"', f"password_command = {command}"))
    assert b.cli("watch", "--once").returncode == 0
    assert b.state() == "info_requested"
    files = [p for p in b.home.rglob("*") if p.is_file()]
    assert any(p.name == "certmerge.log" and p.stat().st_size for p in files)
    assert any(p.suffix == ".eml" for p in files) and any(p.name == "certmerge.sqlite3" for p in files)
    for secret in (b.password, "Wr0ng-Secret-x"):
        for p in files:
            assert secret.encode() not in p.read_bytes(), f"{secret!r} found in {p}"
        for text in b.outputs:
            assert secret not in text
    drafts = b.server.message_ids(b.user, "Drafts")
    assert len(drafts) == 1


def test_secret_resolution_order_and_failures(monkeypatch, tmp_path):
    imap = ImapSettings(host="mail.example.net", username="taro", password_command="printf 'from-cmd\\nmore\\n'",
                        password_env="CM_PW")
    monkeypatch.setenv("CM_PW", "from-env")
    got = secrets.password(imap, interactive=False)
    assert got.reveal() == "from-cmd" and "from-cmd" not in repr(got) + str(got)
    imap = ImapSettings(host="mail.example.net", username="taro", password_env="CM_PW")
    assert secrets.password(imap, interactive=False).reveal() == "from-env"
    monkeypatch.setenv("CERTMERGE_TEST_KEYRING", str(tmp_path / "ring.json"))
    keyring_backend = FileKeyring()
    import keyring

    previous = keyring.get_keyring()
    keyring.set_keyring(keyring_backend)
    try:
        _resolution_with_keyring(keyring_backend, monkeypatch)
    finally:
        keyring.set_keyring(previous)


def _resolution_with_keyring(keyring_backend, monkeypatch):
    keyring_backend.set_password("certmerge", "taro", "from-ring")
    imap = ImapSettings(host="mail.example.net", username="taro")
    assert secrets.password(imap, interactive=False).reveal() == "from-ring"
    with pytest.raises(UserError, match="no IMAP password") as err:
        secrets.password(ImapSettings(host="h", username="other"), interactive=False)
    assert "certmerge login" in err.value.hint
    with pytest.raises(UserError) as err:
        secrets.password(ImapSettings(host="h", username="u", password_command="echo leaked-secret; exit 3"),
                         interactive=False)
    assert "exit status 3" in str(err.value) and "leaked-secret" not in str(err.value) + err.value.hint
    with pytest.raises(UserError, match="printed nothing"):
        secrets.password(ImapSettings(host="h", username="u", password_command="true"), interactive=False)
    with pytest.raises(UserError, match="not set"):
        secrets.password(ImapSettings(host="h", username="u", password_env="CM_NOT_SET"), interactive=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt: "typed")
    assert secrets.password(ImapSettings(host="h", username="u", use_keyring=False), interactive=True).origin == "prompt"
    with pytest.raises(UserError, match="token_command"):
        secrets.credential(ImapSettings(host="h", username="u", auth="xoauth2"))
    tok = secrets.credential(ImapSettings(host="h", username="u", auth="oauthbearer", token_command="echo tok123"))
    assert tok.reveal() == "tok123" and tok.origin == "token_command"


def test_candidate_filter():
    from certmerge.sources.candidates import Hints, is_candidate

    hints = Hints(("amazon.com", "amazonses.com", "credly.com"), frozenset({"176530418200731"}),
                  frozenset({"<known@x>"}))

    def head(**h) -> bytes:
        return "".join(f"{k.replace('_', '-')}: {v}\r\n" for k, v in h.items()).encode()

    assert is_candidate(head(From="AWS <aws-cs-trainingcertification-form@amazon.com>", Subject="hi"), hints)
    assert is_candidate(head(From="Credly <admin@credly.com>", Subject="badge"), hints)
    assert is_candidate(head(From="x <support@amaz0n-support.com>", Subject="hi"), hints)  # look-alike
    assert is_candidate(head(From="AWS Support <help@gmail.com>", Subject="hi"), hints)  # claims AWS
    assert is_candidate(head(From="a <a@b.jp>", Subject="RE: [CASE 123456789012345] x"), hints)
    assert is_candidate(head(From="a <a@b.jp>", Subject="How did we do? case 176530418200731"), hints)
    assert is_candidate(head(From="a <a@b.jp>", Subject="x", In_Reply_To="<known@x>"), hints)
    assert is_candidate(head(From="a <a@b.jp>", Subject="x", References="<a@b> <known@x>"), hints)
    assert not is_candidate(head(From="Colleague <c@example-corp.co.jp>", Subject="please merge my PR"), hints)
    assert not is_candidate(head(From="c@example-corp.co.jp", Subject="x", References="<other@x>"), hints)
    ja = "=?ISO-2022-JP?B?GyRCJSEhPCU5GyhC?= [CASE 176530418200731]"
    assert is_candidate(head(From="a <a@b.jp>", Subject=ja), hints)
    assert not is_candidate(b"\xff\xfe garbage without headers", hints)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_candidate_filter_never_raises(raw):
    from certmerge.sources.candidates import Hints, is_candidate

    assert is_candidate(raw, Hints(("amazon.com",), frozenset({"1"}), frozenset())) in (True, False)


def test_progress_bar_and_notify_lines_render():
    import io

    from rich.console import Console

    from certmerge.cli_imap import notify_line, progress_bar

    buf = io.StringIO()
    con = Console(file=buf, force_terminal=True, width=100)
    progress = progress_bar(con)
    for done in (200, 400, 450):
        progress(done, 450, "INBOX")
    notify_line(con)("127.0.0.1:993 refused the connection - retrying in 1.0 s (attempt 1)")
    assert "retrying in 1.0 s" in buf.getvalue()


def test_a_long_first_scan_asks_the_server_for_candidates(case_box, monkeypatch):
    """Above PREFILTER_MIN mails, one server-side SEARCH picks the possible candidates: headers are fetched
    only for them, and every case mail (by sender, by case tag, by look-alike) is still found."""
    import imapclient

    from certmerge.sources import imap as imapmod

    monkeypatch.setattr(imapmod, "PREFILTER_MIN", 5)
    fetched: list[set[int]] = []
    real_fetch = imapclient.IMAPClient.fetch

    def spy_fetch(self, messages, data, modifiers=None):
        fetched.append(set(messages))
        return real_fetch(self, messages, data, modifiers)

    monkeypatch.setattr(imapclient.IMAPClient, "fetch", spy_fetch)
    b = case_box
    filler = [b.deliver(sample("03").replace(b"Message-ID: <", f"Message-ID: <f{i}.".encode(), 1))
              for i in range(12)]
    wanted = [b.deliver(sample(n)) for n in ("01", "04", "05", "13")]  # AWS, AWS (JA), look-alike, Credly
    filler.append(b.deliver(sample("14")))
    with b.watching() as (app, src):
        out = poll(app, src)
        assert [o.origin for o in out] == [f"INBOX/{u}" for u in wanted]
        assert app.store.position(src.source_key("INBOX"))[1] == max(filler)  # the position passes them all
    looked_at = set().union(*fetched)
    assert set(wanted) <= looked_at and not looked_at & set(filler)
