"""Issue 5 against a real Dovecot: crash at every step over IMAP, kill -9 under load, network faults
through a TCP proxy (tests/tcpproxy.py) and server faults. The promise under test: every mail is
processed once in effect, every state change happens once, the folder position ends right, and each
fault gets one clear line instead of a crash.

The history of a home is its database without timestamps (`history()`); a disturbed run must end with
the same history as an undisturbed run over the same mail.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import imapclient
import pytest

from certmerge import watch as watchmod
from certmerge.faults import CRASH_EXIT
from certmerge.sources import imap as imapmod
from certmerge.sources import imap_idle
from certmerge.sources import imap_session as session_mod
from certmerge.store import Store
from tests.helpers import filler_mail, need, support_mail, support_reply_from_user
from tests.tcpproxy import Proxy
from tests.test_imap import CLI, SAMPLES, Box, deadline_wait, msgid, sample

TIMESTAMPS = {"at", "processed_at", "updated_at", "state_since", "created_at", "exported_at", "sent_at",
              "last_reply_sent_at", "last_support_mail_at", "deadline", "due_at", "next_at"}


# --- mail ---------------------------------------------------------------------------------------------
def with_message_id(raw: bytes, new_id: str) -> bytes:
    """The same mail under another Message-ID (the first Message-ID header is rewritten)."""
    old = msgid(raw)
    assert old.encode() in raw
    return raw.replace(old.encode(), new_id.encode(), 1)


# --- homes and their history ------------------------------------------------------------------------
def db_path(home: Path) -> Path:
    return home / "certmerge.sqlite3"


def history(home: Path) -> dict:
    """Every table of the home's database without timestamps: what must not depend on faults."""
    store = Store(f"sqlite:///{db_path(home)}")
    try:
        data = store.dump()
    finally:
        store.close()
    for table in Store._DUMP_ORDER:
        data[table] = [{k: v for k, v in row.items() if k not in TIMESTAMPS} for row in data[table]]
    # a timer's event depends on when the watcher looked between two mails (a reply-by date may pass before
    # the next mail clears it): of the notification events, those of the mails must not depend on faults
    data["outbox"] = [{k: v for k, v in row.items() if k != "id"} for row in data["outbox"]
                      if row["cause"].startswith("mail:")]
    return data


def summary(data: dict) -> dict:
    """The history in the words of the issue: mails by Message-ID with their kind, state changes in order."""
    return {"messages": [(m["message_id"], m["kind"], m["authenticity"], m["direction"]) for m in data["messages"]],
            "states": [(e["from_state"], e["to_state"]) for e in data["events"] if e["type"] == "state"],
            "positions": sorted((p["source"], p["uidvalidity"], p["last_uid"]) for p in data["positions"])}


def differences(got: dict, expected: dict) -> list:
    """The first differing rows of each table, field by field (for an assertion message)."""
    out = []
    for table, rows in got.items():
        if not isinstance(rows, list) or rows == expected.get(table):
            continue
        if len(rows) != len(expected.get(table, [])):
            out.append((table, f"{len(rows)} rows, expected {len(expected.get(table, []))}"))
        for a, e in zip(rows, expected.get(table, [])):
            if a != e:
                out.append((table, a.get("id"), {k: (a[k], e.get(k)) for k in a if a[k] != e.get(k)}))
                break
    return out


def assert_once_each(data: dict) -> None:
    ids = [m["message_id"] for m in data["messages"]]
    assert len(ids) == len(set(ids)), "a mail was recorded twice"
    refs = [e["message_ref"] for e in data["events"] if e["type"] == "mail"]
    assert len(refs) == len(set(refs)), "a mail's event was written twice"


def run_cli(box: Box, *args: str, timeout: float = 60, **extra) -> subprocess.CompletedProcess:
    env = box.env(**extra)
    env.pop("CERTMERGE_CRASH_AFTER", None)
    env.update({k: str(v) for k, v in extra.items()})
    return subprocess.run([*CLI, *args], env=env, capture_output=True, text=True, timeout=timeout)


def clone_home(box: Box, home: Path) -> Box:
    """Another home beside `box.home` for the same Dovecot user (the mailbox is only read)."""
    other = object.__new__(Box)
    other.__dict__.update(box.__dict__)
    other.home = home
    other.outputs = []
    return other


def watch_once(box: Box) -> int:
    """`certmerge watch --once` in this process: the App, ImapSource and watch loop the CLI wires."""
    app, src = box.app(), box.source()
    try:
        return watchmod.run(app, src, once=True, interval=1, report=lambda outcomes: None)
    finally:
        src.close()
        app.close()


def uids(box: Box, folder: str = "INBOX") -> list[int]:
    return sorted(box.server.flags(box.user, folder))


def positions(home: Path) -> dict[str, tuple[int, int]]:
    if not db_path(home).exists():
        return {}
    with sqlite3.connect(f"file:{db_path(home)}?mode=ro", uri=True, timeout=10) as conn:
        try:
            rows = conn.execute("select source, uidvalidity, last_uid from positions").fetchall()
        except sqlite3.OperationalError:
            return {}
    return {source.rsplit("/", 1)[1]: (v, last) for source, v, last in rows}


def count(home: Path, table: str) -> int:
    if not db_path(home).exists():
        return 0
    with sqlite3.connect(f"file:{db_path(home)}?mode=ro", uri=True, timeout=10) as conn:
        try:
            return conn.execute(f"select count(*) from {table}").fetchone()[0]
        except sqlite3.OperationalError:
            return 0


# === 1. crash at every write step, over IMAP ===========================================================
def test_crash_after_every_write_step_over_imap(dovecot, tmp_path):
    """CERTMERGE_CRASH_AFTER=k ends `watch --once` after its k-th write step; a clean run then finishes.
    For every k the result equals an undisturbed run: each mail once, each state change once, positions
    at the last UID of INBOX and Sent. The first run is a first-sync scan, the restart an incremental sync.
    The crashing runs are the CLI; the clean runs after them run in this process (same App, source and
    loop), two homes at a time, to keep the test near 30 s."""
    b = Box(dovecot, tmp_path, timeout=5)
    b.init_case()  # ready_to_submit: the acknowledgement adopts the case
    ack, colleague, info = sample("01"), sample("03"), sample("04")
    for raw in (ack, colleague, info):
        b.deliver(raw)
    reply = support_reply_from_user(1, msgid(info))
    b.deliver(reply, folder="Sent", flags=(b"\\Seen",))

    reference = clone_home(b, tmp_path / "reference")
    shutil.copytree(b.home, reference.home)
    res = run_cli(reference, "watch", "--once")
    assert res.returncode == 0, res.stderr
    expected = history(reference.home)
    assert [m[:2] + m[3:] for m in summary(expected)["messages"]] == [
        (msgid(ack), "acknowledgement", "in"), (msgid(info), "info_request", "in"),
        (msgid(reply), summary(expected)["messages"][2][1], "out")]
    assert summary(expected)["states"][-3:] == [("ready_to_submit", "awaiting_support"),
                                               ("awaiting_support", "info_requested"),
                                               ("info_requested", "awaiting_support")]
    assert positions(reference.home) == {"INBOX": (b.server.uidvalidity(b.user), uids(b)[-1]),
                                         "Sent": (b.server.uidvalidity(b.user, "Sent"), uids(b, "Sent")[-1])}

    def one(k: int) -> tuple[int, str]:
        home = clone_home(b, tmp_path / f"k{k}")
        shutil.copytree(b.home, home.home)
        first = run_cli(home, "watch", "--once", CERTMERGE_CRASH_AFTER=k)
        if first.returncode == 0:
            return k, "past the last step"
        assert first.returncode == CRASH_EXIT, (k, first.stderr)
        assert watch_once(home) >= 0  # the clean run (in-process: the same App, source and loop as the CLI's)
        got = history(home.home)
        assert_once_each(got)
        assert summary(got) == summary(expected), f"after a crash at write step {k}"
        assert got == expected, f"after a crash at write step {k}: {differences(got, expected)}"
        shutil.rmtree(home.home)
        return k, "crashed"

    crashed: list[int] = []
    with ThreadPoolExecutor(max_workers=2) as pool:  # each k has its own home; the mailbox is only read
        k = 1
        while True:
            results = list(pool.map(one, (k, k + 1)))
            crashed += [n for n, what in results if what == "crashed"]
            if any(what != "crashed" for _n, what in results):
                break
            k += 2
            assert k < 200, "the crash hook never stopped crashing"
    # 3 stored mails x (message, case, mail event, state event, position, commit) + the colleague's
    # (position, commit): every one of them has been crashed after
    assert len(crashed) >= 3 * 6 + 2, crashed
    assert crashed == list(range(1, len(crashed) + 1))


# === 2. kill -9 under load ===============================================================================
class Stream(threading.Thread):
    """APPENDs the 14 sample mails (each under a Message-ID of its own) and filler mail to INBOX, round
    after round, with seeded random pauses: the mail that arrives while the watcher is being killed."""

    def __init__(self, box: Box, rounds: int, seed: int, duration: float) -> None:
        super().__init__(daemon=True, name="mail-stream")
        self.box, self.rounds = box, rounds
        self.rng = random.Random(seed)
        self.samples = [p.read_bytes() for p in sorted(SAMPLES.glob("*.eml"))]
        self.pause = duration / (rounds * len(self.samples) * 1.7)  # spread over about `duration` seconds
        self.delivered = 0
        self.error: BaseException | None = None
        self.stop = threading.Event()

    def mails(self):
        for r in range(self.rounds):
            for i, raw in enumerate(self.samples):
                yield with_message_id(raw, f"<load-r{r}-s{i}@certmerge.test>")
                if self.rng.random() < 0.7:
                    yield filler_mail(r * 100 + i)

    def run(self) -> None:
        try:
            with self.box.server.client(self.box.user) as c:
                for raw in self.mails():
                    if self.stop.is_set():
                        return
                    c.append("INBOX", raw)
                    self.delivered += 1
                    time.sleep(self.rng.uniform(0, 2 * self.pause))
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            self.error = exc


def test_kill_9_under_load_ends_with_the_history_of_an_undisturbed_run(dovecot, tmp_path):
    """`certmerge watch` is killed with SIGKILL at 15 seeded-random moments and restarted while about 240
    mails arrive; after a final `watch --once` the database equals that of one undisturbed run over the
    same mailbox (every table, less timestamps)."""
    b = Box(dovecot, tmp_path, timeout=5)
    b.init_case()
    template = tmp_path / "template"
    shutil.copytree(b.home, template)
    rng = random.Random(5)  # the kill moments: the same on every run of the test
    stream = Stream(b, rounds=10, seed=9, duration=20)
    stream.start()
    lifetimes = []  # (mails stored before, after, mails in the mailbox at the kill)
    try:
        for i in range(15):
            before = count(b.home, "messages")
            log = tmp_path / f"watch{i}.out"
            with open(log, "w") as out:
                proc = subprocess.Popen([*CLI, "watch", "--interval", "1"], env=b.env(PYTHONUNBUFFERED="1"),
                                        stdout=out, stderr=subprocess.STDOUT)
                # a random moment after the start-up (about 1 s of imports), while it syncs or IDLEs
                deadline_wait(lambda: "watching" in log.read_text() or proc.poll() is not None, 20,
                              step=0.05, what="the watcher starting")
                time.sleep(rng.uniform(0.0, 1.5))
                assert proc.poll() is None, log.read_text()
                proc.send_signal(signal.SIGKILL)
                proc.wait(timeout=10)
            lifetimes.append((before, count(b.home, "messages"), stream.delivered))
    except BaseException:
        stream.stop.set()
        raise
    finally:
        stream.join(timeout=60)
    assert stream.error is None, stream.error
    assert not stream.is_alive()
    busy = [lt for lt in lifetimes if lt[1] > lt[0]]
    assert len(busy) >= 8, f"too few kills hit a watcher at work: {lifetimes}"

    final = run_cli(b, "watch", "--once")
    assert final.returncode == 0, final.stderr
    reference = clone_home(b, tmp_path / "reference")
    shutil.copytree(template, reference.home)
    res = run_cli(reference, "watch", "--once")
    assert res.returncode == 0, res.stderr

    got, expected = history(b.home), history(reference.home)
    assert_once_each(got)
    n_inbox = len(uids(b))
    assert n_inbox == stream.delivered
    assert len(expected["messages"]) == 10 * 12  # the 14 samples less the two colleagues', in every round
    assert positions(b.home)["INBOX"] == (b.server.uidvalidity(b.user), uids(b)[-1])
    assert summary(got) == summary(expected)
    assert got == expected, differences(got, expected)


# === 3. network faults through a TCP proxy ==============================================================
class Watcher:
    """The loop of `certmerge watch` (watch.run) in a thread, on the box's [imap] settings (through the
    proxy for pbox); every line it tells and every outcome it reports are kept, with the time.

    Its backoff starts at `first` seconds instead of 1 s (same doubling, same jitter, seeded), so that
    several failures fit in a short test."""

    def __init__(self, box: Box, first: float = 0.2, cap: float = 1.6, interval: float = 60.0) -> None:
        self.box = box
        self.app = box.app()
        self.src = box.source()
        self.lines: list[tuple[float, str]] = []
        self.outcomes: list = []
        self.reported: list[float] = []  # when each outcome was reported
        self.stop = threading.Event()
        self.backoff = watchmod.Backoff(first=first, cap=cap, rand=random.Random(3).random)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, args=(interval,), daemon=True, name="watcher")

    def _run(self, interval: float) -> None:
        try:
            watchmod.run(self.app, self.src, once=False, interval=interval, report=self._report,
                         stop=self.stop, notify=lambda line: self.lines.append((time.monotonic(), line)),
                         backoff=self.backoff)
        except BaseException as exc:  # noqa: BLE001 - re-raised by __exit__
            self.error = exc

    def _report(self, outcomes: list) -> None:
        self.outcomes += outcomes
        self.reported += [time.monotonic()] * len(outcomes)

    def __enter__(self) -> "Watcher":
        self.thread.start()
        deadline_wait(lambda: self.error or len(positions(self.box.home)) >= 2, 15, what="the first sync")
        assert self.error is None, self.error
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        self.thread.join(timeout=10)
        alive = self.thread.is_alive()
        self.src.close()
        self.app.close()
        assert not alive, "the watcher did not stop"
        if self.error is not None and exc[0] is None:
            raise self.error

    def text(self) -> str:
        return "\n".join(line for _t, line in self.lines)

    def kinds(self) -> list[str]:
        return [o.kind for o in self.outcomes if o.status == "processed"]

    def wait_lines(self, predicate, timeout: float, what: str):
        return deadline_wait(lambda: self.error or predicate(self.text()), timeout, step=0.05, what=what)

    def retries(self) -> list[tuple[float, int]]:
        """(delay, attempt) of every "retrying in" line, in order."""
        return [(float(m.group(1)), int(m.group(2))) for _t, line in self.lines
                for m in [re.search(r"retrying in ([\d.]+) s \(attempt (\d+)\)", line)] if m]


def stored(box: Box) -> list[str]:
    app = box.app()
    try:
        return [m["message_id"] for m in reversed(app.store.messages())]
    finally:
        app.close()


@pytest.fixture
def proxy(dovecot):
    with Proxy(dovecot.port) as p:
        yield p


@pytest.fixture
def pbox(dovecot, proxy, tmp_path):
    """A home whose [imap] goes through the proxy, with a 2 s timeout on every socket operation."""
    b = Box(dovecot, tmp_path, port=proxy.port, timeout=2)
    b.init_case()
    return b


def test_cut_and_refused_connections_back_off_and_miss_nothing(pbox, proxy):
    """`certmerge watch` itself: the link is cut and the server refuses for a while; mail that arrives
    meanwhile is processed once after the reconnect, with one line per failure and one on recovery."""
    b = pbox
    proc = subprocess.Popen([*CLI, "watch", "--interval", "300"], env=b.env(PYTHONUNBUFFERED="1"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline_wait(lambda: len(positions(b.home)) >= 2, 20, what="first sync")
        b.deliver(sample("01"))
        deadline_wait(lambda: b.state() == "awaiting_support", 5, what="mail seen through IDLE")
        proxy.refuse()
        assert proxy.cut() >= 1
        b.deliver(sample("04"))  # arrives while certmerge cannot reach the server
        time.sleep(2.5)  # backoff 0.5-1 s, then 1-2 s: at least two failed attempts
        proxy.refuse(False)
        deadline_wait(lambda: b.state() == "info_requested", 15, what="catch-up after the network is back")
        b.deliver(sample("06"))
        deadline_wait(lambda: b.state() == "confirmation_requested", 5, what="IDLE again after the reconnect")
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) >= 3, err
    assert "was lost" in lines[0] or "closed the connection" in lines[0], lines[0]
    attempts = [int(line.rsplit("attempt ", 1)[1].rstrip(")")) for line in lines if "retrying in" in line]
    assert attempts == list(range(1, len(attempts) + 1)) and len(attempts) >= 2, err
    assert lines[-1].startswith("reconnected to imap:") and "in sync again" in lines[-1]
    assert all(len(line) < 300 and "Traceback" not in line for line in lines)
    assert stored(b) == [msgid(sample("01")), msgid(sample("04")), msgid(sample("06"))]
    kinds = ("acknowledgement", "info_request", "confirmation_request")
    assert [out.count(f"• {kind}") for kind in kinds] == [1, 1, 1]


def test_backoff_grows_while_the_server_stays_unreachable(pbox, proxy):
    b = pbox
    with Watcher(b, first=0.2, cap=1.6) as w:
        proxy.refuse()
        proxy.cut()
        w.wait_lines(lambda text: text.count("retrying in") >= 5, 15, what="five failed attempts")
        b.deliver(sample("01"))
        proxy.refuse(False)
        w.wait_lines(lambda text: "in sync again" in text, 10, what="the reconnect")
        deadline_wait(lambda: b.state() == "awaiting_support", 5, what="the mail that came meanwhile")
        retries = w.retries()
    assert [a for _d, a in retries] == list(range(1, len(retries) + 1))
    for delay, attempt in retries:  # 0.2 s doubling up to 1.6 s, each shortened by up to half (jitter)
        base = min(1.6, 0.2 * 2 ** (attempt - 1))
        assert 0.5 * base - 0.05 <= delay <= base + 0.05, (delay, attempt)
    assert len({round(d / min(1.6, 0.2 * 2 ** (a - 1)), 3) for d, a in retries}) > 1, "no jitter"
    assert w.kinds() == ["acknowledgement"]
    assert w.backoff.failures == 0, "a successful sync resets the backoff"


@pytest.mark.parametrize("where", ["header", "body"])
def test_link_dropped_in_the_middle_of_a_fetch(pbox, proxy, monkeypatch, where):
    """Five support mails, fetched two per FETCH; the link drops inside the FETCH response that carries
    mail 3 (its header fields, or the body literal): mails 1-2 are already stored, 3-5 come after the
    reconnect, each exactly once."""
    monkeypatch.setattr(imapmod, "CHUNK", 2)
    b = pbox
    mails = [support_mail(n) for n in range(1, 6)]
    marker = (b"note 3" if where == "header" else b"note number 3")
    with Watcher(b) as w:
        deadline_wait(lambda: proxy.sent(b"IDLE"), 5, what="IDLE")
        proxy.drop_in_response(marker, after=3)
        proxy.stall()  # IDLE hears of all five at once: one sync, FETCHes of mails 1-2, 3-4, 5
        for raw in mails:
            b.deliver(raw)
        proxy.resume()
        w.wait_lines(lambda text: "in sync again" in text, 15, what="drop and reconnect")
        deadline_wait(lambda: len(stored(b)) >= 5, 10, what="all five mails")
    assert ("dropped", ) == tuple(e[0] for e in proxy.events[:1])
    assert stored(b) == [msgid(m) for m in mails]
    dropped_at = w.lines[0][0]
    assert "was lost" in w.lines[0][1] or "closed the connection" in w.lines[0][1], w.lines[0][1]
    assert sum(t < dropped_at for t in w.reported) == 2, "mails 1-2 were stored before the drop"
    assert positions(b.home)["INBOX"][1] == uids(b)[-1]
    assert len([o for o in w.outcomes if o.status == "processed"]) == 5


def test_link_dropped_during_idle(pbox, proxy):
    b = pbox
    with Watcher(b) as w:
        deadline_wait(lambda: proxy.sent(b"IDLE"), 5, what="the watcher entering IDLE")
        mails = [support_mail(10), support_mail(11)]
        for n, rst in enumerate((False, True)):
            idles = proxy.sent(b"IDLE")
            time.sleep(0.3)
            proxy.cut(rst=rst)  # FIN, then RST
            b.deliver(mails[n])
            deadline_wait(lambda: len(stored(b)) == n + 1, 10, what="the mail after the drop")
            deadline_wait(lambda: proxy.sent(b"IDLE") > idles, 10, what="IDLE again")
    assert w.text().count("in sync again") == 2
    assert stored(b) == [msgid(m) for m in mails]
    assert len(w.outcomes) == 2


def test_a_stalled_fetch_times_out_and_is_retried(pbox, proxy):
    """The link goes silent in the middle of a FETCH (a half-open connection): the 2 s timeout ends the
    wait, the watcher reconnects and gets the mail; it never hangs."""
    b = pbox
    with Watcher(b) as w:
        proxy.stall_in_response(b"note number 1", after=2)
        mail = support_mail(1)
        b.deliver(mail)
        deadline_wait(lambda: ("stalled", ) == tuple(e[0] for e in proxy.events[:1]), 10, what="the stall")
        stalled_at = time.monotonic()
        w.wait_lines(lambda text: "did not answer within 2 s" in text, 6, what="the timeout")
        noticed = next(t for t, line in w.lines if "did not answer" in line) - stalled_at
        deadline_wait(lambda: len(stored(b)) == 1, 10, what="the mail after the reconnect")
    assert noticed < 2 + 1.0, noticed
    assert len(w.outcomes) == 1 and stored(b) == [msgid(mail)]


def test_a_black_holed_network_never_hangs_the_watcher(pbox, proxy, monkeypatch):
    """Nothing gets through in either direction, while IDLE and while reconnecting: the IDLE renewal
    (shortened here from 9 minutes to 2 s) and every connect run into the timeout, the watcher keeps
    backing off, and stops within the timeout when asked."""
    monkeypatch.setattr(imap_idle, "IDLE_RENEW", 2.0)
    b = pbox
    with Watcher(b) as w:
        deadline_wait(lambda: proxy.sent(b"IDLE"), 5, what="IDLE")
        proxy.stall()
        b.deliver(support_mail(1))
        w.wait_lines(lambda text: text.count("did not answer within 2 s") >= 3, 20,
                     what="the stalled IDLE renewal and two stalled connects")
        gaps = [b_[0] - a[0] for a, b_ in zip(w.lines, w.lines[1:])]
        proxy.resume()
        deadline_wait(lambda: len(stored(b)) == 1, 15, what="the mail once the network is back")
        deadline_wait(lambda: proxy.sent(b"IDLE") >= 2, 5, what="IDLE again")
        proxy.stall()  # black-holed again: asked to stop now, it still ends within the timeout
        time.sleep(0.5)
        start = time.monotonic()
    assert time.monotonic() - start < 2 + 1.0
    assert all(g < 2 + 1.6 + 1.0 for g in gaps), gaps  # timeout + the largest backoff, never more
    assert "in sync again" in w.text()


@contextmanager
def dropped_by_the_kernel(port: int):
    """Every packet to or from a loopback port dropped by the kernel (iptables), as when a laptop sleeps
    or a NAT forgets the connection: no FIN, no RST, and no ACK for TCP keepalive probes either (a
    user-space proxy that stalls still has its kernel answer those)."""
    iptables = shutil.which("iptables")
    need(iptables is not None and os.geteuid() == 0, "iptables (as root) is needed to drop packets "
         "(apt-get install iptables)")
    rules = [["OUTPUT", "-o", "lo", "-p", "tcp", side, str(port), "-j", "DROP"] for side in ("--dport", "--sport")]
    added = []
    try:
        for rule in rules:
            r = subprocess.run([iptables, "-A", *rule], capture_output=True, text=True)
            need(r.returncode == 0, f"iptables cannot drop packets here ({r.stderr.strip()})")
            added.append(rule)
        yield
    finally:
        for rule in added:
            subprocess.run([iptables, "-D", *rule], capture_output=True)


def test_a_link_that_dies_silently_during_idle_is_noticed_by_tcp_keepalive(pbox, proxy, monkeypatch):
    """The watcher waits in IDLE and the link dies without a word: TCP keepalive (60 s + 3 x 10 s, here
    1 s + 2 x 1 s) fails the connection, the watcher says so and reconnects once the link is back, long
    before the IDLE renewal (9 minutes, left as it is) would have noticed."""
    monkeypatch.setattr(session_mod, "KEEPALIVE", (1, 1, 2))
    b = pbox
    with Watcher(b) as w:
        deadline_wait(lambda: proxy.sent(b"IDLE"), 5, what="IDLE")
        with dropped_by_the_kernel(proxy.port):
            died = time.monotonic()
            w.wait_lines(lambda text: "was lost" in text or "did not answer" in text, 15, what="the dead link noticed")
            noticed = w.lines[0][0] - died
        mail = support_mail(1)
        b.deliver(mail)
        w.wait_lines(lambda text: "in sync again" in text, 20, what="the reconnect")
        deadline_wait(lambda: len(stored(b)) == 1, 10, what="the mail after the reconnect")
    assert noticed < 1 + 2 * 1 + 3, noticed  # keepalive time, plus the select() wake-up and some slack
    assert stored(b) == [msgid(mail)]


# === 4. server faults ========================================================================================
@pytest.fixture
def dbox(dovecot, tmp_path):
    """A home straight on the session's Dovecot (no proxy), with a 2 s timeout."""
    b = Box(dovecot, tmp_path, timeout=2)
    b.init_case()
    return b


def test_doveadm_kick_while_idle_and_in_the_middle_of_a_sync(pbox, proxy):
    """`doveadm kick` ends the session while the watcher IDLEs, then again just as it sends a FETCH."""
    b = pbox
    mails = [support_mail(n) for n in (1, 2, 3)]
    with Watcher(b) as w:
        deadline_wait(lambda: proxy.sent(b"IDLE"), 5, what="IDLE")
        b.server.kick(b.user)
        b.deliver(mails[0])
        deadline_wait(lambda: len(stored(b)) == 1, 10, what="the mail after the kick in IDLE")
        deadline_wait(lambda: proxy.sent(b"IDLE") >= 2, 5, what="IDLE again")
        # the next FETCH reaches a server that has just kicked the session
        proxy.on_client(b"FETCH", lambda link: b.server.kick(b.user))
        b.deliver(mails[1])
        b.deliver(mails[2])
        deadline_wait(lambda: len(stored(b)) == 3, 10, what="the mails after the kick in a sync")
    lines = w.text()  # after the stop: every line and outcome is in
    assert not proxy.armed, "the FETCH hook did not fire"
    assert lines.count("in sync again") == 2, lines
    assert all("closed the connection" in line or "was lost" in line
               for line in lines.splitlines() if "retrying" in line), lines
    assert stored(b) == [msgid(m) for m in mails]
    assert len([o for o in w.outcomes if o.status == "processed"]) == 3


def test_server_restarts_lose_and_double_nothing(private_dovecot, tmp_path):
    """Two restarts, one as an administrator does it (sessions kicked first) and one plain stop/start,
    with mail arriving before, during and after each."""
    server = private_dovecot
    b = Box(server, tmp_path, timeout=2)
    b.init_case()
    mails = [support_mail(n) for n in range(1, 8)]
    with Watcher(b, first=0.2, cap=1.0) as w:
        b.deliver(mails[0])
        deadline_wait(lambda: len(stored(b)) == 1, 10, what="mail 1")
        for n, kick in ((1, True), (3, False)):
            server.stop(kick=kick)
            b.deliver(mails[n])  # written into the Maildir while the server is down
            time.sleep(0.6)
            server.start()
            b.deliver(mails[n + 1])
            deadline_wait(lambda: len(stored(b)) == n + 2, 20, what=f"catch-up after restart {n}")
        b.deliver(mails[5])
        b.deliver(mails[6])
        deadline_wait(lambda: len(stored(b)) == 7, 10, what="mail after the restarts")
    lines = w.text()  # after the stop: every line and outcome is in
    # the server numbers a mail dropped into the Maildir while it was down when it next looks: the order
    # may differ from delivery, the set may not
    assert sorted(stored(b)) == sorted(msgid(m) for m in mails) and len(stored(b)) == 7
    assert len([o for o in w.outcomes if o.status == "processed"]) == 7
    # the kicked restart costs the session (Dovecot's imap processes otherwise serve on for a while)
    assert lines.count("in sync again") >= 1 and "refused the connection" in lines, lines
    assert positions(b.home)["INBOX"] == (server.uidvalidity(b.user), uids(b)[-1])


def test_uidvalidity_change_while_watching(dbox):
    """The server renumbers INBOX under a running watcher: the next mail is processed once, the ones
    already stored are recognised by Message-ID, the position moves to the new UIDVALIDITY."""
    b = dbox
    mails = [support_mail(n) for n in (1, 2, 3)]
    with Watcher(b) as w:
        b.deliver(mails[0])
        b.deliver(mails[1])
        deadline_wait(lambda: len(stored(b)) == 2, 10, what="the first two mails")
        old = positions(b.home)["INBOX"]
        b.server.set_uidvalidity(b.user, old[0] + 1000)
        b.deliver(mails[2])
        deadline_wait(lambda: len(stored(b)) == 3, 10, what="the mail after the renumbering")
        deadline_wait(lambda: positions(b.home)["INBOX"][0] == old[0] + 1000, 5, what="the new position")
    lines = w.text()  # after the stop: every line and outcome is in
    assert stored(b) == [msgid(m) for m in mails]
    assert [(o.status, o.origin) for o in w.outcomes] == [
        ("processed", "INBOX/1"), ("processed", "INBOX/2"),  # before the renumbering
        ("duplicate", "INBOX/1"), ("duplicate", "INBOX/2"), ("processed", "INBOX/3")]  # the rescan
    assert positions(b.home)["INBOX"] == (old[0] + 1000, uids(b)[-1])
    told = [line for line in lines.splitlines() if "UIDVALIDITY changed" in line]
    assert len(told) == 1 and "already processed is recognised by its Message-ID" in told[0], lines


def test_watched_folder_deleted_and_recreated(dbox):
    b = dbox
    b.home.joinpath("config.toml").write_text(b.home.joinpath("config.toml").read_text()
                                             + 'folders = ["Support"]\n')
    with b.server.client(b.user) as c:
        c.create_folder("Support")
    mails = [support_mail(n) for n in (1, 2, 3)]
    with Watcher(b) as w:
        b.deliver(mails[0], folder="Support")
        deadline_wait(lambda: len(stored(b)) == 1, 10, what="mail 1")
        b.server.doveadm("mailbox", "delete", "-u", b.user, "Support")
        time.sleep(2)
        with b.server.client(b.user) as c:
            c.create_folder("Support")
        b.deliver(mails[0], folder="Support")  # the user puts the old mail back, and a new one arrives
        b.deliver(mails[1], folder="Support")
        deadline_wait(lambda: w.error or len(stored(b)) == 2, 15, what="the mail in the recreated folder")
    lines = w.text()  # after the stop: every line and outcome is in
    assert w.error is None
    assert stored(b) == [msgid(m) for m in mails[:2]]
    assert [(o.status, o.origin) for o in w.outcomes] == [
        ("processed", "Support/1"), ("duplicate", "Support/1"), ("processed", "Support/2")]
    gone = [line for line in lines.splitlines() if "cannot be opened any more" in line]
    assert gone and all("'Support'" in line and "retrying in" in line for line in gone), lines
    assert "UIDVALIDITY changed" in lines and lines.splitlines()[-1].startswith("reconnected")
    uidvalidity = b.server.uidvalidity(b.user, "Support")
    assert positions(b.home)["Support"] == (uidvalidity, uids(b, "Support")[-1])


@pytest.mark.parametrize("before", ["header", "body"])
def test_mail_expunged_between_search_and_fetch(dbox, monkeypatch, before):
    """Another client expunges mail 2 after the watcher's UID SEARCH found it, just before the FETCH of
    the header fields (or of the bodies): the others are processed once, the position moves past it."""
    b = dbox
    mails = [support_mail(n) for n in (1, 2, 3)]
    item = imapmod.HEADER_ITEM if before == "header" else imapmod.BODY_ITEM
    real_fetch = imapclient.IMAPClient.fetch
    fired = []

    def fetch(self, messages, data, modifiers=None):
        if (threading.current_thread().name == "watcher" and not fired and item in list(data)
                and len(list(messages)) == 3):
            victim = sorted(messages)[1]
            b.server.doveadm("expunge", "-u", b.user, "mailbox", "INBOX", "uid", str(victim))
            fired.append(victim)
        return real_fetch(self, messages, data, modifiers)

    watch_once(b)  # positions stored: the watcher's first sync finds the three mails at once
    for raw in mails:
        b.deliver(raw)
    monkeypatch.setattr(imapclient.IMAPClient, "fetch", fetch)
    with Watcher(b) as w:
        deadline_wait(lambda: w.error or len(stored(b)) == 2 and fired, 10, what="the two mails left")
        deadline_wait(lambda: positions(b.home)["INBOX"][1] == fired[0] + 1, 5, what="the position")
    lines = w.text()  # after the stop: every line and outcome is in
    assert stored(b) == [msgid(mails[0]), msgid(mails[2])]
    assert [(o.status, o.origin) for o in w.outcomes] == [("processed", "INBOX/1"), ("processed", "INBOX/3")]
    assert len(uids(b)) == 2
    assert lines == f"INBOX/{fired[0]} was expunged by another mail client before certmerge could read it; skipped"


def test_watch_once_tells_a_renumbered_folder_on_the_terminal(dbox):
    """The CLI shows the source's warnings on stderr (not only in the log): a UIDVALIDITY change."""
    b = dbox
    first = [support_mail(1), support_mail(2)]
    for raw in first:
        b.deliver(raw)
    assert run_cli(b, "watch", "--once").returncode == 0
    old = positions(b.home)["INBOX"][0]
    b.server.set_uidvalidity(b.user, old + 7)
    later = support_mail(3)
    b.deliver(later)
    res = run_cli(b, "watch", "--once")
    assert res.returncode == 0, res.stderr
    told = [line for line in res.stderr.splitlines() if line.strip()]
    assert len(told) == 1 and f"UIDVALIDITY changed ({old} -> {old + 7})" in told[0], res.stderr
    # mail already processed is told in one line per sync, not a line each (issue 13)
    assert "2 already processed" in res.stdout and "1 new mail(s) processed" in res.stdout
    assert stored(b) == [msgid(m) for m in first + [later]]


@pytest.mark.parametrize("moment", ["reopen", "count"])
def test_mail_arriving_just_before_idle_is_not_left_waiting(dbox, monkeypatch, moment):
    """Mail that arrives in the last milliseconds before IDLE must not wait for the next poll (60 s here):
    - reopen: a sync that opened Sent ends by opening INBOX again; the mail lands just before that EXAMINE,
      whose answer counts it, so IDLE will not announce it;
    - count: the mail lands between the NOOP and the UID SEARCH that count INBOX before IDLE; Dovecot
      announces it with the SEARCH's answer, which imapclient sets aside."""
    b = dbox
    late = support_mail(2)
    fired = []

    def land(*_args) -> None:
        if not fired:
            fired.append(time.monotonic())
            b.deliver(late)

    if moment == "reopen":
        real_examine, opened = imapmod.ImapSource._examine, []

        def examine(self, client, folder):
            if threading.current_thread().name == "watcher":
                opened.append(folder)
                if folder == "INBOX" and "Sent" in opened:
                    land()
            return real_examine(self, client, folder)

        patch = ("_examine", examine, imapmod.ImapSource)
    else:
        real_noop = imapclient.IMAPClient.noop

        def noop(self):
            answer = real_noop(self)
            # the NOOP of the count before IDLE (_start_idle -> _news_since -> noop)
            if threading.current_thread().name == "watcher" and sys._getframe(2).f_code.co_name == "_start_idle":
                land()
            return answer

        patch = ("noop", noop, imapclient.IMAPClient)
    with Watcher(b, interval=60) as w:
        deadline_wait(lambda: session_settled(b), 5, what="the watcher in IDLE")
        monkeypatch.setattr(patch[2], patch[0], patch[1])
        if moment == "reopen":
            b.deliver(filler_mail(1), folder="Sent")  # so that the next sync opens Sent
        first = support_mail(1)
        b.deliver(first)  # wakes IDLE
        deadline_wait(lambda: len(stored(b)) >= 1 and fired, 5, what="the first mail")
        deadline_wait(lambda: len(stored(b)) == 2, 8, what="the mail that came just before IDLE")
        took = time.monotonic() - fired[0]
    assert stored(b) == [msgid(first), msgid(late)]
    assert took < 5 and len(w.outcomes) == 2


def session_settled(box: Box) -> bool:
    """True once the box's watcher has a session (doveadm who lists it), after half a second to settle in IDLE."""
    if box.user not in box.server.doveadm("who"):
        return False
    time.sleep(0.5)
    return True
