"""A whole case across Golden Week, as the watcher lives it: mail delivered at its dates into a watched
folder, the clock moved in 6-hour steps, the watcher killed (SIGKILL) and restarted in between, the
loopback receiver down for a while. Every notification reaches the receiver (Apprise's json:// notifier
to an http.server on 127.0.0.1) and the hook exactly once, each at its time."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.notify_helpers import FakeClock, Receiver, Watcher, cli, ja_case, outbox, sample_at, utc

UTC = dt.timezone.utc
START = dt.datetime(2026, 4, 27, 0, 0, tzinfo=UTC)  # Monday 09:00 in Tokyo, two days before Golden Week
STEP = dt.timedelta(hours=6)
END = dt.datetime(2026, 5, 19, 0, 0, tzinfo=UTC)
# (file, sample, Date): the support mail of the case, each put into the watched folder when the clock reaches it
MAIL = [
    ("01.eml", "01", dt.datetime(2026, 4, 27, 0, 0, tzinfo=UTC)),  # acknowledgement: the case stays waiting
    ("05.eml", "05", dt.datetime(2026, 5, 8, 6, 0, tzinfo=UTC)),  # a forgery claiming completion
    ("04.eml", "04", dt.datetime(2026, 5, 11, 0, 0, tzinfo=UTC)),  # info request (ISO-2022-JP)
    ("06.eml", "06", dt.datetime(2026, 5, 12, 0, 0, tzinfo=UTC)),  # confirmation request
    ("07.eml", "07", dt.datetime(2026, 5, 12, 6, 0, tzinfo=UTC)),  # auto-close warning: reply within 3 days
    ("09.eml", "09", dt.datetime(2026, 5, 18, 0, 0, tzinfo=UTC)),  # completion notice
]
# What must be told, and when (UTC). "Support silent": the state began on Mon 27 April 09:00 JST; support's
# usual 2 business days + 2 more, counted in Japan: 28 Apr, 30 Apr, 1 May, then 7 May after Showa Day and
# 3-6 May; the reminder comes at 09:00 JST on the next working day, Friday 8 May (00:00 UTC). Four calendar
# days, as before, would have said so on 1 May.
EXPECTED = [
    ("support_silent", dt.datetime(2026, 5, 8, 0, 0, tzinfo=UTC)),
    ("forged_refused", dt.datetime(2026, 5, 8, 6, 0, tzinfo=UTC)),
    ("reply_due", dt.datetime(2026, 5, 11, 0, 0, tzinfo=UTC)),
    ("reply_due", dt.datetime(2026, 5, 12, 0, 0, tzinfo=UTC)),
    ("reply_due", dt.datetime(2026, 5, 12, 6, 0, tzinfo=UTC)),
    ("deadline_near", dt.datetime(2026, 5, 14, 6, 0, tzinfo=UTC)),  # 24 h before 15 May 06:00 UTC
    ("deadline_passed", dt.datetime(2026, 5, 15, 6, 0, tzinfo=UTC)),
    ("case_moved", dt.datetime(2026, 5, 18, 0, 0, tzinfo=UTC)),
]
KILL_AT = {dt.datetime(2026, 5, 1, 0, 0, tzinfo=UTC), dt.datetime(2026, 5, 8, 0, 0, tzinfo=UTC),
           dt.datetime(2026, 5, 12, 6, 0, tzinfo=UTC), dt.datetime(2026, 5, 14, 12, 0, tzinfo=UTC)}
RECEIVER_DOWN = (dt.datetime(2026, 5, 14, 6, 0, tzinfo=UTC), dt.datetime(2026, 5, 14, 18, 0, tzinfo=UTC))


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.close()


def _config(home: Path, inbox: Path, receiver: Receiver, hook_file: Path) -> None:
    home.mkdir()
    (home / "config.toml").write_text(f"""
[watch]
source = "{inbox}"
[classify]
support_country = "JP"
[notify]
urls = ["{receiver.url}"]
hook = "cat >> '{hook_file}'"
[reminders]
user_country = "JP"
timezone = "Asia/Tokyo"
""", encoding="utf-8")


def test_a_case_across_golden_week_notifies_each_event_once_and_on_time(tmp_path, receiver):
    home, inbox, hook_file = tmp_path / "home", tmp_path / "inbox", tmp_path / "hook.jsonl"
    inbox.mkdir()
    _config(home, inbox, receiver, hook_file)
    clock = FakeClock(tmp_path / "clock", START)
    assert cli(home, clock, "init", "--from", str(ja_case(tmp_path))).returncode == 0
    assert cli(home, clock, "submitted").returncode == 0
    watcher = Watcher(home, clock)
    watcher.start()
    arrived: list[dt.datetime] = []  # the step at which each notification reached the receiver
    try:
        now = START
        while now <= END:
            clock.set(now)
            receiver.failing = RECEIVER_DOWN[0] <= now < RECEIVER_DOWN[1]
            for name, prefix, when in MAIL:
                if when <= now and not (inbox / name).exists():
                    (inbox / name).write_bytes(sample_at(prefix, when))
            watcher.caught_up()
            arrived += [now] * (len(receiver.got) - len(arrived))
            if now == EXPECTED[6][1]:  # the deadline has passed: status keeps it, marked overdue
                shown = cli(home, clock, "status").stdout
                # a Japanese case: status speaks Japanese ("OVERDUE: <when>" and "OVERDUE since <when>" in English)
                assert "期限切れ: 2026-05-15 06:00 UTC" in shown and "2026-05-15 06:00 UTC に期限切れ" in shown, shown
            if now in KILL_AT:
                watcher.kill9()
                watcher.start()
                watcher.caught_up()
            now += STEP
    finally:
        assert watcher.stop() == 0

    events = outbox(home)
    assert [(e["type"], utc(e["created_at"])) for e in events] == EXPECTED  # recorded once each, at its step
    for e in events:
        if e["type"].startswith(("deadline", "support")):  # a timer: at the first step at or after its time
            assert utc(e["due_at"]) <= utc(e["created_at"]) < utc(e["due_at"]) + STEP
    assert len({e["cause"] for e in events}) == len(events)
    # the receiver: each event once, in order; on time except the one due while it was down (retried)
    assert [g["title"] for g in receiver.got] == [e["title"] for e in events]
    down = [RECEIVER_DOWN[0] <= utc(e["created_at"]) < RECEIVER_DOWN[1] for e in events]
    assert any(down)
    assert [RECEIVER_DOWN[1] if d else utc(e["created_at"]) for e, d in zip(events, down)] == arrived
    # the hook: each event once, as JSON on stdin, never held up by the receiver
    hooked = [json.loads(line) for line in hook_file.read_text(encoding="utf-8").splitlines()]
    assert [h["id"] for h in hooked] == [e["id"] for e in events]
    assert [h["type"] for h in hooked] == [t for t, _ in EXPECTED]
    # in the case's language, true to the record
    silent = events[0]
    assert "4 営業日" in silent["title"] and "2026-04-27 09:00 JST" in silent["body"]
    assert "なりすまし" in events[1]["title"]
    assert "2026-05-15 15:00 JST" in events[5]["body"] and "超過" in events[6]["body"]
    assert "統合完了" in events[7]["title"]
