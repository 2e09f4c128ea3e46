"""Wiring notifications into the app and the watcher: which events a mail or the clock causes (decided
by notices.py, pure), the calendar they count in, the watcher's heartbeat and the mailbox's outages.

A mail's events go into the mail's own transaction (App.process puts them in its Change); a timer's and an
outage's are recorded here, each once by its cause. `Keeper.step` runs after every sync of the watcher:
it fires the timers that are due, delivers what waits (notify.py), and says when to wake next.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import time
from dataclasses import replace

from .core import lifecycle, notices
from .core.model import NextAction, merge_asks
from .core.pipeline import blocked
from .core.workdays import Calendar, countries

log = logging.getLogger("certmerge")
BEAT_EVERY = 20.0  # seconds between heartbeat writes while all is well (a change is written at once)


def local_tz(name: str = "") -> dt.tzinfo:
    """The configured time zone, else this computer's (TZ, then /etc/localtime), else its current offset."""
    import zoneinfo

    for key in (name, os.environ.get("TZ", "").lstrip(":")):
        if key:
            try:
                return zoneinfo.ZoneInfo(key)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                pass
    try:
        with open("/etc/localtime", "rb") as fh:
            return zoneinfo.ZoneInfo.from_file(fh, key="localtime")
    except (OSError, ValueError):
        return dt.datetime.now().astimezone().tzinfo or dt.timezone.utc


def _memo(app) -> dict:
    if not hasattr(app, "_alerts_memo"):
        object.__setattr__(app, "_alerts_memo", {})
    return app._alerts_memo


def tz(app) -> dt.tzinfo:
    memo = _memo(app)
    if "tz" not in memo:
        memo["tz"] = local_tz(app.settings.reminders.timezone)
    return memo["tz"]


def calendar(app, language: str) -> Calendar:
    from .holiday_cache import lookup

    memo = _memo(app)
    if "holidays" not in memo:
        home = app.settings.home
        memo["holidays"] = lookup(home / "holidays.json" if home.is_dir() else None)
    support, user = countries(app.settings.classify.support_country, app.settings.reminders.user_country, language)
    return Calendar(support, user, tz(app), memo["holidays"])


def channel_keys(app) -> tuple[str, ...]:
    from .notify import channel_keys as keys

    return keys(app.settings)


def mail_notices(app, mail, cls, eff, language: str,
                 candidates: str = "") -> tuple[list[dict], tuple[str, ...], NextAction | None]:
    """The outbox rows of one processed mail (written in its transaction), the channels they go to, and the
    case's next action once the mail's change is written (None without a case). `language`: the case's, else
    the newest case's."""
    row, case, change = eff.change.message, eff.case, eff.change
    moved_ok = row["authenticity"] != "fail" and not row["needs_review"] and not blocked(row)
    dated = any(change.case_updates.get(k) for k in ("deadline", "reopen_by"))
    facts = notices.MailFacts(
        cause=f"mail:{mail.dedupe_key}"[:255], kind=row["kind"], authenticity=row["authenticity"],
        sender=row["sender"] or "", subject=(row["subject"] or "")[:200], summary=eff.summary[:300],
        from_state=eff.from_state, to_state=eff.to_state, asked=bool(cls.asks.items) or dated,
        own=row["direction"] == "out", moved_ok=moved_ok, candidates=candidates,
        message_id=(mail.message_id or "")[:300])
    now = app.clock()
    after = lifecycle.next_action(_view_after(app, case, change, cls, moved_ok), now) if case is not None else None
    nxt = after if case is not None and moved_ok and not facts.own else None
    label = {"id": case.id, "vendor_case_id": case.vendor_case_id} if case is not None else None
    found = notices.mail_notices(facts, label, nxt, now, language, tz(app))
    return [n.row() for n in found], channel_keys(app), after


def _view_after(app, case: dict, change, cls, trusted: bool = True):
    """The case as it will read once this mail's change is written (the mail's own asks included when it
    may move the case)."""
    view = app.view(case.updated(change.case_updates))
    if trusted and cls.asks.items:
        view = replace(view, pending=merge_asks([view.pending, cls.asks]), pending_kind=cls.kind)
    return view


class Keeper:
    """The watcher's side: heartbeat, outages of the mailbox, timers, deliveries and the events to show."""

    def __init__(self, app, source_name: str) -> None:
        from .notify import channels

        from .timers import TimerBook

        self.app, self.source = app, source_name
        self.channels = channels(app.settings)
        self.timers = TimerBook(app, tz(app), channel_keys(app))
        self.last_event = app.store.notices.last_event_id()
        self._beat_at, self._beat_clock, self._reached = 0.0, app.clock(), None
        self._failing = True  # until the first sync: the heartbeat may hold an outage from before a restart
        self._clear = False  # the outage is over: the next beat clears it

    def started(self) -> None:
        now = self.app.clock()
        self.app.store.notices.beat(pid=os.getpid(), host=socket.gethostname()[:255], source=self.source,
                                    started_at=now)

    def reached(self) -> None:
        """A sync reached the mailbox: an outage that was told ends, told too; the heartbeat says so at
        the end of the step (`step`), after timers and deliveries."""
        now, store = self.app.clock(), self.app.store.notices
        if self._failing:  # the first sync of this run, or the first after failures
            since = (store.heartbeat() or {}).get("failing_since")
            if since and store.recorded({notices.outage_cause(since, back=False)}):
                self._record([notices.outage_notice(self.source, since, now, "", True, self._lang(), tz(self.app)).row()])
            self._clear = True  # written by the next beat, which this makes due
        self._failing = False
        self._reached = now

    def _beat(self) -> None:
        """The heartbeat, when 20 s have passed (on the wall or on the app's clock) since the last one."""
        now = self.app.clock()
        if not self._clear and time.monotonic() - self._beat_at < BEAT_EVERY \
                and now - self._beat_clock < dt.timedelta(seconds=BEAT_EVERY):
            return
        values = {"beat_at": now, "source": self.source}
        if not self._failing and self._reached is not None:
            values["reached_at"] = self._reached
        if self._clear:
            values.update(failing_since=None, last_error=None)
            self._clear = False
        self.app.store.notices.beat(**values)
        self._beat_at, self._beat_clock = time.monotonic(), now

    def unreachable(self, error: str) -> None:
        """A sync failed: the outage's start is kept; past [notify] unreachable_minutes it is told once."""
        now, store = self.app.clock(), self.app.store.notices
        hb = store.heartbeat() or {}
        since = hb.get("failing_since") or now
        store.beat(beat_at=now, failing_since=since, last_error=error[:300], source=self.source)
        self._beat_at, self._beat_clock = time.monotonic(), now
        self._failing = True
        if now - since >= dt.timedelta(minutes=self.app.settings.notify.unreachable_minutes):
            self._record([notices.outage_notice(self.source, since, now, error[:200], False, self._lang(),
                                                tz(self.app)).row()])

    def _lang(self) -> str:
        return self.app.store.newest_language() or "en"

    def _record(self, rows: list[dict]) -> None:
        self.app.store.notices.record(rows, channel_keys(self.app))

    def step(self) -> tuple[list[dict], list[str]]:
        """Fire due timers, deliver what waits; (the events recorded since the last step, failure lines)."""
        from .notify import deliver

        self.timers.fire()
        lines = deliver(self.app.store.notices, self.channels, self.app.clock())
        new = self.app.store.notices.events_after(self.last_event)
        if new:
            self.last_event = new[-1]["id"]
        self._beat()
        return new, lines

    def seconds_to_next(self) -> float | None:
        """Seconds until the next timer or delivery retry (by the app's clock), or None."""
        keys = tuple(c.key for c in self.channels)
        times = [t for t in (self.timers.next_due(), self.app.store.notices.next_retry(keys)) if t]
        if not times:
            return None
        return max(0.05, (min(times) - self.app.clock()).total_seconds())
