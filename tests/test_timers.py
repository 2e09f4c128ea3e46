"""The watcher's timers over many cases (timers.py): worked out again only for a case that changed, and
each due timer recorded once, on a real SQLite home."""

from __future__ import annotations

import datetime as dt

from certmerge.alerts import channel_keys, tz
from certmerge.timers import TimerBook
from tests.helpers import Clock, make_app, sample_case


class Counting:
    """The app, counting the case views it builds (the costly part of a timer pass)."""

    def __init__(self, app) -> None:
        self.app, self.views = app, 0

    def __getattr__(self, name):
        return getattr(self.app, name)

    def view(self, case):
        self.views += 1
        return self.app.view(case)


def test_timers_are_worked_out_again_only_for_the_case_that_changed_and_fire_once(tmp_path):
    clock = Clock()
    app = make_app(tmp_path / "home", clock)
    try:
        cases = [app.submitted(app.init_case(sample_case(), new=True)) for _ in range(5)]
        counting = Counting(app)
        book = TimerBook(counting, tz(app), channel_keys(app))
        assert book.fire() == [] and counting.views == 5
        first = book.next_due()
        assert first is not None and first > clock()  # support silent: a follow-up after some business days
        reads = []
        real = app.store.case_versions
        app.store.case_versions = lambda: reads.append(1) or real()
        assert book.fire() == [] and counting.views == 5  # nothing changed: no case looked at again
        assert reads == []  # a turn reads one row (how many cases, the newest change), not one per case
        clock.tick(minutes=1)
        app.answer(cases[2], "profile_name", "Taro Yamada")  # one case changes
        book.fire()
        assert counting.views == 6
        clock.now = first + dt.timedelta(minutes=1)
        fired = book.fire()
        assert {r["type"] for r in fired} == {"support_silent"} and len(fired) == 5  # one per case
        assert book.fire() == [] and TimerBook(app, tz(app), channel_keys(app)).fire() == []  # recorded once
        assert len(app.store.notices.events()) == 5
    finally:
        app.close()
