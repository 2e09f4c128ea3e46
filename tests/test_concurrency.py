"""Reading while the watcher writes (SQLite WAL + busy timeout; PostgreSQL), one watcher per home, clean stops."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.helpers import run_cli, sigterm_and_wait, write_config, CASE_TOML, SAMPLES


cli = run_cli


def start_watch(home: Path, inbox: Path, *extra: str) -> subprocess.Popen:
    env = {**os.environ, "CERTMERGE_HOME": str(home)}
    return subprocess.Popen([sys.executable, "-m", "certmerge", "watch", "--source", str(inbox),
                             "--interval", "1", *extra], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def wait_for(predicate, timeout: float = 30.0, step: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    raise AssertionError("condition not met in time")


def many_mails(inbox: Path, n: int) -> None:
    samples = sorted(SAMPLES.glob("*.eml"))
    for i in range(n):
        src = samples[i % len(samples)]
        data = src.read_bytes().replace(b"Message-ID: <", f"Message-ID: <n{i}.".encode(), 1)
        (inbox / f"{i:05d}.eml").write_bytes(data)


def test_status_and_draft_never_fail_while_watch_writes(tmp_path, db_url):
    home, inbox = tmp_path / "h", tmp_path / "in"
    inbox.mkdir()
    write_config(home, db_url=db_url)
    assert cli(home, "init", "--from", str(CASE_TOML)).returncode == 0
    assert cli(home, "submitted").returncode == 0
    many_mails(inbox, 1500)
    watcher = start_watch(home, inbox)
    try:
        counts = []
        while watcher.poll() is None and len(counts) < 8:
            st = cli(home, "status", "--json")
            assert st.returncode == 0, st.stderr
            counts.append(len(json.loads(st.stdout)["cases"][0]["history"]))
            dr = cli(home, "draft", "--purpose", "follow_up", "--quiet")
            assert dr.returncode == 0, dr.stderr
        # the reads really overlapped the writes: the history grew between them
        assert len(set(counts)) >= 2, counts
    finally:
        watcher.send_signal(signal.SIGTERM)
        watcher.wait(timeout=10)
    assert watcher.returncode == 0, watcher.stderr


def test_a_second_watcher_is_refused_and_sigterm_stops_within_2_seconds(tmp_path):
    home, inbox = tmp_path / "h", tmp_path / "in"
    inbox.mkdir()
    cli(home, "init", "--from", str(CASE_TOML))
    first = start_watch(home, inbox)
    try:
        wait_for(lambda: (home / "watch.lock").exists() and (home / "watch.lock").read_text().strip())
        second = cli(home, "watch", "--source", str(inbox), "--once")
        assert second.returncode == 2
        assert f"another watcher (pid {first.pid})" in second.stderr
        # the watcher is alive and working: a new mail is processed
        (inbox / "a.eml").write_bytes(next(SAMPLES.glob("01-*.eml")).read_bytes())
        wait_for(lambda: "acknowledgement" in (cli(home, "status", "--json").stdout or ""))
        took, _out, _err = sigterm_and_wait(first, timeout=5)
        assert took < 2.0
        assert first.returncode == 0
    finally:
        if first.poll() is None:
            first.kill()
    again = cli(home, "watch", "--source", str(inbox), "--once")  # the lock is free again
    assert again.returncode == 0, again.stderr
