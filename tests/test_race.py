"""Issue 15 point 3: several watchers on one database never process a mail twice and never lose one.

Two `certmerge watch` processes, each with a home of its own and its own IMAP connection to one shared
Dovecot mailbox, write to one database while the mail arrives; one of them is killed with SIGKILL again and
again (and started again). At the end the database must hold the same cases, mails and history as one
undisturbed watcher given the same mailbox on a fresh SQLite file.
"""

from __future__ import annotations

import datetime as dt
import email
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from certmerge.app import App
from certmerge.config import load_settings
from certmerge.store import Store
from tests.helpers import SAMPLES, filler_mail, sample_case, support_mail, support_reply_from_user
from tests.test_cases import SHARED, person, vendor_mail

ROOT = Path(__file__).resolve().parents[1]
PW_ENV = "CERTMERGE_TEST_IMAP_PASSWORD"
ARRIVAL = dt.datetime.now(dt.timezone.utc).replace(microsecond=0) - dt.timedelta(days=1)


class Watcher:
    """One home (config: the shared mailbox, the given database) and its `certmerge watch` process."""

    def __init__(self, root: Path, name: str, server, user: str, db_url: str) -> None:
        self.home = root / name
        self.home.mkdir()
        lines = ["[imap]", 'host = "127.0.0.1"', f"port = {server.port}", 'security = "plain"',
                 f'username = "{user}"', f'password_env = "{PW_ENV}"', "timeout = 10"]
        self.home.joinpath("config.toml").write_text(f"database_url = {json.dumps(db_url)}\n" + "\n".join(lines) + "\n")
        self.env = {**os.environ, "CERTMERGE_HOME": str(self.home), PW_ENV: server.password_of(user),
                    "PYTHONPATH": str(ROOT / "src")}
        self.env.pop("CI", None)
        self.proc: subprocess.Popen | None = None
        self.kills = 0
        self.pids: list[int] = []

    def cli(self, *args: str) -> subprocess.CompletedProcess:
        res = subprocess.run([sys.executable, "-m", "certmerge", *args], env=self.env, capture_output=True,
                             text=True, timeout=300)
        assert res.returncode == 0, (args, res.stdout, res.stderr)
        return res

    def start(self) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "certmerge", "watch", "--interval", "1"], env=self.env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.pids.append(self.proc.pid)

    def pause(self, on: bool) -> None:
        """SIGSTOP / SIGCONT: mail delivered meanwhile waits for both watchers at once when they go on."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGSTOP if on else signal.SIGCONT)

    def kill9(self) -> None:
        assert self.proc is not None and self.proc.poll() is None, self.proc and self.proc.stderr.read()
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)
        self.kills += 1

    def stop(self) -> str:
        if self.proc is None:
            return ""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            _, err = self.proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _, err = self.proc.communicate()
        return err


TEAM = ((1, "Hanako Sato"), (2, "Jiro Suzuki"), (3, "Ichiro Tanaka"))  # cases 2-4 (case 1: the sample's)


def team_thread(n: int) -> list[tuple[str, bytes]]:
    """Support's mail of person n's case, sent to the shared mailbox: the acknowledgement names the
    person's accounts (the case has no support case number yet: it is found by them), the rest carry the
    case number; one reply carries only its thread (References)."""
    cid = f"17653041820{n:04d}"
    ack = vendor_mail("01", cid, SHARED, extra=f"\nAccounts: AWS{n:08d}, user{n}@corp.example\n")
    ask = vendor_mail("04", cid, SHARED)
    ref = "".join(email.message_from_bytes(ask)["Message-ID"].split())
    return [("INBOX", ack), ("INBOX", ask), ("INBOX", vendor_mail("06", "", SHARED, refs=ref, subject=False)),
            ("INBOX", vendor_mail("09", cid, SHARED))]


def mailbox(rng: random.Random) -> list[tuple[str, bytes]]:
    """(folder, mail): the sample thread in order (with the user's replies in Sent after support's two
    requests), three more cases' threads, support notes and everyday mail, mixed at random with every
    thread kept in its order."""
    sample: list[tuple[str, bytes]] = []
    for path in sorted(SAMPLES.glob("*.eml")):
        sample.append(("INBOX", path.read_bytes()))
        if path.name[:2] in ("04", "06"):
            sample.append(("Sent", support_reply_from_user(int(path.name[:2]))))
    threads = [sample, *(team_thread(n) for n, _name in TEAM)]
    threads.append([("INBOX", support_mail(n)) for n in range(30)])
    threads.append([("INBOX", filler_mail(n)) for n in range(120)])
    # first, while no case knows its support number: a mail naming two cases' accounts is never guessed
    out = [("INBOX", vendor_mail("01", "300000000000003", SHARED,
                                 extra="\nAccounts: user1@corp.example, user2@corp.example\n"))]
    while any(threads):
        thread = rng.choice([t for t in threads if t])
        out.append(thread.pop(0))
    return out


def open_cases(home: Path) -> None:
    """The sample case and the team's three, all submitted, in the home's database."""
    app = App(load_settings(home))
    try:
        app.submitted(app.init_case(sample_case()))
        for n, name in TEAM:
            app.submitted(app.init_case(person(n, name), new=True))
    finally:
        app.close()


def stored(db_url: str) -> dict:
    """The cases, mails and history of a database, without what depends on when or by whom they were
    written (row numbers, processing times)."""
    store = Store(db_url)
    try:
        data = store.dump()
    finally:
        store.close()
    keys = {m["id"]: m["dedupe_key"] for m in data["messages"]}
    times = ("id", "processed_at", "at", "updated_at", "created_at", "state_since")
    cases = [{k: v for k, v in c.items() if k not in times} for c in data["cases"]]
    mails = sorted(({k: v for k, v in m.items() if k not in times} for m in data["messages"]),
                   key=lambda m: m["dedupe_key"])
    history = [{**{k: v for k, v in e.items() if k not in times}, "message_ref": keys.get(e["message_ref"])}
               for e in data["events"]]
    return {"cases": cases, "messages": mails, "events": history}


def heartbeats(db_url: str) -> list[str]:
    from sqlalchemy import select

    from certmerge.store_notify import heartbeat

    store = Store(db_url)
    try:
        with store.engine.connect() as conn:
            return [r.name for r in conn.execute(select(heartbeat.c.name))]
    finally:
        store.close()


def settle(watchers: list[Watcher], db_url: str, total: int, timeout: float = 180) -> None:
    """Wait until the positions of INBOX and Sent cover every mail delivered."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        store = Store(db_url)
        try:
            done = sum(p["last_uid"] for p in store.dump()["positions"])
        finally:
            store.close()
        if done >= total:
            return
        for w in watchers:
            assert w.proc.poll() is None, w.proc.stderr.read()
        time.sleep(0.5)
    pytest.fail("the watchers did not reach the end of the mailbox in time")


@pytest.fixture
def shared_db(tmp_path, databases) -> str:
    """The database both watchers write: an SQLite file beside their homes, or a PostgreSQL database."""
    return databases.new() or f"sqlite:///{tmp_path / 'shared' / 'certmerge.sqlite3'}"


def test_two_watchers_killed_at_random_end_like_one_undisturbed_watcher(dovecot, tmp_path, shared_db):
    rng = random.Random(15)
    user = dovecot.add_user()
    mails = mailbox(rng)
    a, b = (Watcher(tmp_path, name, dovecot, user, shared_db) for name in ("a", "b"))
    open_cases(a.home)
    a.start()
    b.start()
    try:
        delivered = 0
        for start in range(0, len(mails), 12):
            a.pause(True)
            b.pause(True)
            for folder, raw in mails[start:start + 12]:
                # arrival times a minute apart: mail of INBOX and Sent has one order (equal INTERNALDATEs,
                # to the second, could be taken in either order, by one watcher as by two)
                dovecot.deliver(user, raw, folder, when=ARRIVAL + dt.timedelta(minutes=delivered))
                delivered += 1
            a.pause(False)  # both go on at once: they race for the same twelve mails
            b.pause(False)
            time.sleep(rng.uniform(0.0, 1.5))  # let the watchers be in the middle of it
            victim = rng.choice((a, b))
            victim.kill9()
            victim.start()
        settle([a, b], shared_db, delivered)
    finally:
        errs = [a.stop(), b.stop()]
    assert a.kills + b.kills >= 10
    for err in errs:
        assert "Traceback" not in err, err
    for w in (a, b):  # each home keeps its own heartbeat on the shared database (`service status` reads it)
        beat = w.cli("service", "status").stdout
        assert "last reached" in beat and any(f"pid {pid} " in beat for pid in w.pids), (w.pids, beat)
    assert len(heartbeats(shared_db)) == 2

    one = Watcher(tmp_path, "one", dovecot, user, f"sqlite:///{tmp_path / 'one' / 'certmerge.sqlite3'}")
    open_cases(one.home)
    one.cli("watch", "--once")

    raced, alone = stored(shared_db), stored(f"sqlite:///{one.home / 'certmerge.sqlite3'}")
    assert len(alone["messages"]) >= 50 and len(alone["cases"]) == 4
    # every case went through its whole thread (its completion notice included) and learnt its number
    assert all(c["state"] == "completed" and c["vendor_case_id"] for c in alone["cases"]), alone["cases"]
    assert sum(1 for m in alone["messages"] if m["case_id"] is None and m["needs_review"]) >= 1  # held, not guessed
    assert sum(1 for m in alone["messages"] if m["case_id"] in (2, 3, 4)) >= 12
    assert raced["cases"] == alone["cases"]
    assert raced["messages"] == alone["messages"], _diff(raced["messages"], alone["messages"])[:3]
    assert raced["events"] == alone["events"], _diff(raced["events"], alone["events"])[:3]


def _diff(x: list[dict], y: list[dict]) -> list:
    return [(i, {k: (a.get(k), b.get(k)) for k in a if a.get(k) != b.get(k)}) for i, (a, b) in enumerate(zip(x, y)) if a != b]
