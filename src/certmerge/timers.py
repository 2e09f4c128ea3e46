"""The watcher's timers (a deadline near or passed, support silent too long) for every case, kept up to
date cheaply: a case's timers are worked out again only when the case changed (its `updated_at`), so that a
turn of the watcher costs one small read however many cases a team keeps (issue 15: 1,000 open cases).

What a timer is and when it is due is decided by core/notices.py (pure); a due timer's event is recorded
once, by its cause, under the store's writer lock (two watchers on one database record it once).
"""

from __future__ import annotations

import datetime as dt
import time

from .core import lifecycle, notices

# A turn first reads only how many cases there are and when the last one changed; every case's version is
# read again when that moves, and at least this often (a case changed by a machine whose clock is behind
# may not move the newest time).
FULL_LOOK = 60.0  # seconds


class TimerBook:
    """Each case's timers, by the case's version; and the causes already recorded."""

    def __init__(self, app, tz: dt.tzinfo, channels: tuple[str, ...]) -> None:
        self.app, self.tz, self.channels = app, tz, channels
        self._timers: dict[int, tuple[dt.datetime, list[notices.Timer]]] = {}
        self._recorded: set[str] = set()
        self._stamp: tuple | None = None  # (number of cases, newest updated_at) at the last full look
        self._looked = 0.0
        self._earliest: dt.datetime | None = None  # the first due time of a timer not recorded yet

    def refresh(self) -> bool:
        """Work out again the timers of the cases changed (or new) since the last look; False when nothing
        was looked at (no case changed)."""
        stamp = self.app.store.case_stamp()
        if stamp == self._stamp and time.monotonic() - self._looked < FULL_LOOK:
            return False
        self._stamp, self._looked = stamp, time.monotonic()
        versions = self.app.store.case_versions()
        for case_id in set(self._timers) - set(versions):
            del self._timers[case_id]
        for case_id, version in versions.items():
            held = self._timers.get(case_id)
            if held is None or held[0] != version:
                case = self.app.store.case(case_id)
                if case is not None:
                    self._timers[case_id] = (version, notices.timers(case_id, self.app.view(case)))
        self._set_earliest()
        return True

    def _set_earliest(self) -> None:
        waiting = [t.due_at for _v, timers in self._timers.values() for t in timers if t.cause not in self._recorded]
        self._earliest = min(waiting) if waiting else None

    def fire(self) -> list[dict]:
        """Record the events of every timer due now and not recorded yet; returns the rows written."""
        self.refresh()
        now, rows = self.app.clock(), []
        if self._earliest is None or now < self._earliest:
            return []  # no timer due that is not recorded yet
        due = {}
        for case_id, (_v, timers) in self._timers.items():
            firing = notices.due(timers, now)
            # a timer past its time that does not fire now never will (a deadline's 24-hour warning once the
            # deadline itself has passed): settled, like a recorded one
            self._recorded |= {t.cause for t in timers if t.due_at <= now and t not in firing}
            if found := [t for t in firing if t.cause not in self._recorded]:
                due[case_id] = found
        if not due:
            self._set_earliest()
            return []
        done = self.app.store.notices.recorded({t.cause for found in due.values() for t in found})
        self._recorded |= done
        for case_id, found in due.items():
            found = [t for t in found if t.cause not in done]
            case = self.app.store.case(case_id) if found else None
            if case is None:
                continue
            view = self.app.view(case)
            nxt, wait = lifecycle.next_action(view, now), lifecycle.support_wait(view)
            days = wait[1] + self.app.settings.reminders.follow_up_after if wait else 0
            rows += [notices.timer_notice(t, case, view, nxt, days, now, case["language"], self.tz).row()
                     for t in found]
        written = self.app.store.notices.record(rows, self.channels) if rows else []
        self._recorded |= {r["cause"] for r in rows}  # written now, or by another watcher first
        self._set_earliest()
        return written

    def next_due(self) -> dt.datetime | None:
        """When the next timer comes due (of the cases as last looked at)."""
        now = self.app.clock()
        found = [when for _v, timers in self._timers.values() if (when := notices.next_due(timers, now))]
        return min(found) if found else None

