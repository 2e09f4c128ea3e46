"""Helpers for the notification tests: a loopback HTTP receiver for Apprise's json:// notifier, mail
whose Date is moved to a chosen time, and a watcher process on a clock the test moves."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.helpers import CASE_TOML, SAMPLES, run_cli


class Receiver:
    """An HTTP server on 127.0.0.1 that keeps every JSON body POSTed to it; `failing` answers 500."""

    def __init__(self) -> None:
        self.got: list[dict] = []
        self.failing = False
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if owner.failing:
                    self.send_response(500)
                    self.end_headers()
                    return
                owner.got.append(json.loads(body))
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):  # quiet
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"json://127.0.0.1:{self.port}/"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def sample_at(prefix: str, when: dt.datetime) -> bytes:
    """A sample mail with its Date header set to `when`."""
    (path,) = [p for p in SAMPLES.glob("*.eml") if p.name.startswith(prefix)]
    lines = path.read_bytes().split(b"\n")
    for i, line in enumerate(lines):
        if line.lower().startswith(b"date:"):
            lines[i] = b"Date: " + format_datetime(when).encode() + (b"\r" if line.endswith(b"\r") else b"")
            break
    return b"\n".join(lines)


def ja_case(tmp: Path) -> Path:
    """The sample case file, with Japanese as the language of the correspondence."""
    text = CASE_TOML.read_text(encoding="utf-8").replace('language = "en"', 'language = "ja"', 1)
    path = tmp / "case-ja.toml"
    path.write_text(text, encoding="utf-8")
    return path


class FakeClock:
    """The time a watcher process reads (CERTMERGE_FAKE_CLOCK), moved by the test."""

    def __init__(self, path: Path, start: dt.datetime) -> None:
        self.path, self.now = path, start
        self.set(start)

    def set(self, when: dt.datetime) -> None:
        self.now = when
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(when.isoformat(), encoding="utf-8")
        tmp.replace(self.path)

    @property
    def env(self) -> dict:
        return {"CERTMERGE_FAKE_CLOCK": str(self.path)}


def cli(home: Path, clock: FakeClock, *args: str):
    return run_cli(home, *args, extra_env=clock.env)


class Watcher:
    """`certmerge watch` as a child process on the fake clock; `kill9` ends it without any cleanup."""

    def __init__(self, home: Path, clock: FakeClock, *args: str) -> None:
        self.home, self.clock, self.args = home, clock, args
        self.proc: subprocess.Popen | None = None
        self.log = open(home.parent / f"{home.name}-watch.log", "ab")

    def start(self) -> None:
        env = {**os.environ, "CERTMERGE_HOME": str(self.home), **self.clock.env}
        env.pop("CERTMERGE_CRASH_AFTER", None)
        self.proc = subprocess.Popen([sys.executable, "-m", "certmerge", "watch", "--interval", "0.05", *self.args],
                                     env=env, stdout=self.log, stderr=self.log)

    def kill9(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> int:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            self.proc.wait(10)
        self.log.close()
        return self.proc.returncode

    def caught_up(self, timeout: float = 30) -> None:
        """Wait until the watcher has done a whole step (sync, timers, deliveries) at the clock's time."""
        db = self.home / "certmerge.sqlite3"
        want = self.clock.now.astimezone(dt.timezone.utc).replace(tzinfo=None)
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            assert self.proc.poll() is None, f"the watcher ended ({self.proc.returncode}); see {self.log.name}"
            try:
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
                    row = conn.execute("SELECT beat_at FROM heartbeat WHERE name = 'watcher'").fetchone()
            except sqlite3.OperationalError:
                row = None
            if row and row[0] and dt.datetime.fromisoformat(str(row[0])) >= want:
                return
            time.sleep(0.02)
        raise AssertionError(f"the watcher did not catch up with {self.clock.now} within {timeout} s")


def _table(home: Path, name: str) -> list[dict]:
    """The rows of a table of the home's database (its SQLite file, read only, or its database_url)."""
    from certmerge.config import load_settings

    url = load_settings(home).database_url
    if not url:
        with sqlite3.connect(f"file:{home / 'certmerge.sqlite3'}?mode=ro", uri=True) as conn:
            conn.row_factory = sqlite3.Row
            return [dict(r) for r in conn.execute(f"SELECT * FROM {name} ORDER BY id")]
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        found = [dict(r) for r in conn.execute(text(f"SELECT * FROM {name} ORDER BY id")).mappings()]
    engine.dispose()
    return found


def outbox(home: Path) -> list[dict]:
    return _table(home, "outbox")


def deliveries(home: Path) -> list[dict]:
    return _table(home, "deliveries")


def utc(text: str) -> dt.datetime:
    """A naive UTC time as SQLite returns it, made aware."""
    return dt.datetime.fromisoformat(str(text)).replace(tzinfo=dt.timezone.utc)
