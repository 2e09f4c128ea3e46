"""Notifications in the app and the CLI: the schema-3 upgrade, delivery that fails, hangs or is refused,
secrets kept out of everything stored or shown, `watch --json`, crashes at every write step, and the
mailbox out of reach (a real Dovecot stopped and started)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from certmerge import watch as watchmod
from certmerge.app import App
from certmerge.config import load_settings
from certmerge.faults import CRASH_EXIT
from certmerge.sources.folder import FolderSource
from certmerge.store_schema import HEAD
from tests.helpers import CASE_TOML, SAMPLES, Clock, run_cli, sample_case, write_config
from tests.notify_helpers import Receiver, deliveries, outbox
from tests.test_crash import copy_home

INFO_REQUEST = "04"  # moves awaiting_support -> info_requested: one reply_due event


def _inbox(tmp_path: Path, *prefixes: str) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir(exist_ok=True)
    for prefix in prefixes:
        (src,) = SAMPLES.glob(f"{prefix}-*.eml")
        shutil.copy(src, inbox / src.name)
    return inbox


def _home(tmp_path: Path, notify: str = "", name: str = "home", db_url: str = "") -> Path:
    home = tmp_path / name
    write_config(home, f"[notify]\n{notify}\n", db_url)
    assert run_cli(home, "init", "--from", str(CASE_TOML)).returncode == 0
    assert run_cli(home, "submitted").returncode == 0
    return home


def _watch_once(app: App, inbox: Path) -> list[str]:
    lines: list[str] = []
    watchmod.run(app, FolderSource(inbox), once=True, interval=1, report=lambda o: None, notify=lines.append)
    return lines


def test_a_schema_2_home_upgrades_in_place_and_then_notifies(tmp_path):
    hook_out = tmp_path / "hook.jsonl"
    home = _home(tmp_path, f"hook = \"cat >> '{hook_out}'\"")
    assert run_cli(home, "watch", "--once", "--source", str(_inbox(tmp_path, "01"))).returncode == 0
    db = home / "certmerge.sqlite3"
    with sqlite3.connect(db) as conn:  # as certmerge left it before schema 3 (and before Alembic)
        for table in ("deliveries", "outbox", "heartbeat", "alembic_version", "case_keys", "case_pending"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("CREATE TABLE meta (key VARCHAR(64) NOT NULL PRIMARY KEY, value TEXT)")
        conn.execute("INSERT INTO meta VALUES ('schema_version', '2')")
    assert '"state": "awaiting_support"' in run_cli(home, "status", "--json").stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD,)]
        assert conn.execute("SELECT count(*) FROM messages").fetchone()[0] == 1  # kept
    r = run_cli(home, "watch", "--once", "--source", str(_inbox(tmp_path, INFO_REQUEST)))
    assert r.returncode == 0, r.stderr
    assert [e["type"] for e in outbox(home)] == ["reply_due"]
    assert [json.loads(line)["type"] for line in hook_out.read_text().splitlines()] == ["reply_due"]


def test_a_failing_hook_is_retried_with_backoff_and_never_stops_the_watcher(tmp_path, db_url):
    home, clock = _home(tmp_path, 'hook = "exit 3"', db_url=db_url), Clock()
    app = App(load_settings(home), clock=clock)
    lines = _watch_once(app, _inbox(tmp_path, INFO_REQUEST))
    assert app.case()["state"] == "info_requested"  # the mail's effects are stored whatever the hook does
    (d,) = deliveries(home)
    assert d["attempts"] == 1 and d["delivered_at"] is None and d["last_error"] == "[notify] hook exited with status 3"
    assert any("retry at" in line and "exited with status 3" in line for line in lines), lines
    clock.tick(seconds=10)
    assert _watch_once(app, tmp_path / "inbox") == []  # not due yet: nothing tried
    app.close()
    out = tmp_path / "hook.jsonl"
    write_config(home, f"[notify]\nhook = \"cat >> '{out}'\"\n", db_url)  # fixed
    app = App(load_settings(home), clock=clock)
    clock.tick(seconds=25)
    assert _watch_once(app, tmp_path / "inbox") == []
    app.close()
    (d,) = deliveries(home)
    assert d["delivered_at"] is not None and d["attempts"] == 1
    assert [json.loads(x)["type"] for x in out.read_text().splitlines()] == ["reply_due"]


def test_a_hanging_hook_is_stopped_after_its_timeout_with_its_children(tmp_path):
    marker = tmp_path / "still-running"
    hook = f"sleep 30; touch '{marker}'"
    home = _home(tmp_path, f"hook = \"{hook}\"\nhook_timeout = 1")
    app = App(load_settings(home), clock=Clock())
    start = time.monotonic()
    lines = _watch_once(app, _inbox(tmp_path, INFO_REQUEST))
    assert time.monotonic() - start < 8
    app.close()
    assert any("did not finish within 1 s" in line for line in lines), lines
    assert deliveries(home)[0]["attempts"] == 1
    time.sleep(0.5)
    assert not marker.exists()
    assert not any(hook in p.read_text(errors="replace") for p in Path("/proc").glob("[0-9]*/cmdline") if p.exists())


SECRET = "pAssw0rdSECRETxyz"


@pytest.mark.parametrize("down", ["refused", "500"])
def test_a_url_with_a_password_is_never_stored_logged_or_shown(tmp_path, down):
    receiver = Receiver()
    try:
        port = receiver.port
        if down == "refused":
            receiver.close()
        else:
            receiver.failing = True
        home = _home(tmp_path, f'urls = ["json://user:{SECRET}@127.0.0.1:{port}/{SECRET}2"]')
        r = run_cli(home, "watch", "--once", "--source", str(_inbox(tmp_path, INFO_REQUEST, "05")))
    finally:
        if down != "refused":
            receiver.close()
    assert r.returncode == 0, r.stderr
    assert "not delivered" in r.stderr and "json://127.0.0.1/…" in r.stderr
    status = run_cli(home, "service", "status")
    assert "2 waiting for apprise[1]" in status.stdout, status.stdout
    shown = r.stdout + r.stderr + status.stdout + status.stderr
    stored = b"".join(p.read_bytes() for p in home.rglob("*") if p.is_file() and p.name != "config.toml")
    assert SECRET not in shown and SECRET.encode() not in stored
    ds = deliveries(home)  # the first tried; the second waits behind it, in order
    assert ds[0]["last_error"] and ds[0]["attempts"] == 1 and ds[1]["attempts"] == 0
    assert all(d["delivered_at"] is None and d["next_at"] == ds[0]["next_at"] for d in ds)


def test_bad_notify_settings_are_one_line_without_the_secret(tmp_path):
    home = _home(tmp_path, f'urls = ["nosuchservice://user:{SECRET}@host/path"]')
    r = run_cli(home, "watch", "--once", "--source", str(_inbox(tmp_path)))
    assert r.returncode == 2 and "urls[1]" in r.stderr and "Apprise" in r.stderr
    assert SECRET not in r.stderr + r.stdout and "Traceback" not in r.stderr and len(r.stderr.splitlines()) == 1
    (home / "config.toml").write_text(f'[notify]\nurls = [1, "json://{SECRET}@x"]\n', encoding="utf-8")
    r = run_cli(home, "status")
    assert r.returncode == 2 and "notify.urls" in r.stderr and SECRET not in r.stderr
    (home / "config.toml").write_text("[notify]\nhook_timeout = 0\n", encoding="utf-8")
    assert "notify.hook_timeout" in run_cli(home, "status").stderr
    (home / "config.toml").write_text('[reminders]\ntimezone = "Mars/Olympus"\n', encoding="utf-8")
    assert "reminders.timezone" in run_cli(home, "status").stderr


def test_watch_json_writes_one_event_per_line_and_nothing_else(tmp_path, db_url):
    home = _home(tmp_path, db_url=db_url)
    r = run_cli(home, "watch", "--once", "--json", "--source", str(SAMPLES))
    assert r.returncode == 0, r.stderr
    events = [json.loads(line) for line in r.stdout.splitlines()]
    assert [e["type"] for e in events] == [e["type"] for e in outbox(home)]
    assert {"reply_due", "forged_refused", "case_moved"} <= {e["type"] for e in events}
    assert all(set(e) == {"id", "type", "cause", "case", "created_at", "due_at", "language", "title", "body", "facts"}
               for e in events)
    assert "new mail(s) processed" in r.stderr


def test_a_crash_at_any_write_step_neither_loses_nor_doubles_an_event(tmp_path, databases):
    """As tests/test_crash.py, with a hook: events are written with their mail; a crash between the hook
    taking an event and its delivery being marked sends that one event again, never another, never none."""
    out = tmp_path / "hook.jsonl"
    template = _home(tmp_path, f"hook = \"cat >> '{out}'\"", name="template", db_url=databases.new())
    inbox = _inbox(tmp_path, INFO_REQUEST, "05", "06")
    again = []
    for k in range(1, 100):
        home = tmp_path / f"k{k}"
        copy_home(template, home, databases.server)
        out.unlink(missing_ok=True)
        first = run_cli(home, "watch", "--once", "--source", str(inbox), extra_env={"CERTMERGE_CRASH_AFTER": str(k)})
        if first.returncode == 0:
            break
        assert first.returncode == CRASH_EXIT, first.stderr
        assert run_cli(home, "watch", "--once", "--source", str(inbox)).returncode == 0
        events = outbox(home)
        assert [e["type"] for e in events] == ["reply_due", "forged_refused", "reply_due"], k
        hooked = [json.loads(x)["id"] for x in out.read_text().splitlines()]
        assert sorted(set(hooked)) == [e["id"] for e in events], k  # none lost
        if len(hooked) > len(events):
            again.append(k)
            assert len(hooked) == len(events) + 1, k  # the one in flight, once more
        shutil.rmtree(home)
    assert k > 15 and len(again) <= 3, (k, again)


def test_the_mailbox_out_of_reach_is_told_once_past_the_limit_and_its_end_too(private_dovecot, tmp_path):
    from tests.test_imap import Box, deadline_wait

    server = private_dovecot
    b = Box(server, tmp_path, timeout=2)
    (b.home / "config.toml").write_text((b.home / "config.toml").read_text() +
                                        f"[notify]\nunreachable_minutes = 30\nhook = \"cat >> '{tmp_path / 'h'}'\"\n")
    b.init_case()
    clock = Clock(dt.datetime(2026, 11, 2, tzinfo=dt.timezone.utc))
    app, src, stop = App(b.settings(), clock=clock), b.source(), threading.Event()
    app.submitted(app.case())
    thread = threading.Thread(target=watchmod.run, args=(app, src), daemon=True, kwargs={
        "once": False, "interval": 0.2, "report": lambda o: None, "stop": stop, "notify": lambda line: None,
        "backoff": watchmod.Backoff(first=0.1, cap=0.3)})
    thread.start()
    try:
        deadline_wait(lambda: (app.store.notices.heartbeat() or {}).get("reached_at"), 15, what="the first sync")
        server.stop(kick=True)
        deadline_wait(lambda: (app.store.notices.heartbeat() or {}).get("failing_since"), 15, what="a failure")
        clock.tick(minutes=29)
        time.sleep(1.0)
        assert outbox(b.home) == []  # not yet past the limit
        clock.tick(minutes=2)
        deadline_wait(lambda: outbox(b.home), 15, what="the outage told")
        time.sleep(1.0)  # more failed attempts: still told once
        server.start()
        deadline_wait(lambda: len(outbox(b.home)) == 2, 20, what="the end of the outage told")
    finally:
        stop.set()
        thread.join(10)
        src.close()
        app.close()
    first, back = outbox(b.home)
    assert first["type"] == "mailbox_unreachable" and "31 min" in first["title"]
    assert back["type"] == "mailbox_reachable" and (tmp_path / "h").read_text().count("\n") == 2
    hb = json.loads(run_cli(b.home, "service", "status", "--json").stdout)["heartbeat"]
    assert hb["failing_since"] is None and hb["reached_at"]
