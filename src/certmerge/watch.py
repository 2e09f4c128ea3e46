"""The watcher loop: sync a source, process each new mail, report, wait; one watcher per home.

Connection trouble (SourceError) closes the source and retries with exponential backoff and jitter
(1 s up to 5 min), one line per failure; the sync after a reconnect is a full one. A rejected login
(AuthFailed) ends the watcher: retrying would not help and might lock the account. SIGTERM / Ctrl-C stop
it within 2 s: waits wake twice a second, and a blocking network call is interrupted if need be.
Warnings of the mail source (a folder renumbered by the server, a mail expunged before it could be read)
are told through the same `notify` as the connection lines.
"""

from __future__ import annotations

import fcntl
import logging
import os
import random
import signal
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .alerts import Keeper
from .app import App, Outcome
from .core.errors import AuthFailed, SourceError, StoreError, UserError
from .core.i18n import _, t
from .privacy import opener, private_dir


class WatchLock:
    """An exclusive lock on `home/watch.lock`; the holder's pid is written in it."""

    def __init__(self, home: Path) -> None:
        self.path = Path(home) / "watch.lock"
        self.fh = None

    def __enter__(self) -> "WatchLock":
        try:
            private_dir(self.path.parent)
            fh = open(self.path, "a+", opener=opener)
        except OSError as exc:
            raise StoreError(t("cannot write the lock file {path} ({strerror})", path=self.path, strerror=exc.strerror),
                             _("the certmerge home must be writable: check its permissions and that its disk "
                             "is not read-only or full")) from None
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.seek(0)
            holder = fh.read().strip() or "unknown"
            fh.close()
            raise UserError(t("another watcher (pid {holder}) is already running on {parent}", holder=holder, parent=self.path.parent),
                            _("stop it first, or use another --home")) from None
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        self.fh = fh
        return self

    def __exit__(self, *exc) -> None:
        if self.fh:
            self.fh.close()
            self.fh = None


class Backoff:
    """Exponential backoff with jitter: 1 s, 2 s, 4 s ... up to 5 min, each randomly shortened by up to half."""

    def __init__(self, first: float = 1.0, cap: float = 300.0, rand: Callable[[], float] = random.random) -> None:
        self.first, self.cap, self.rand = first, cap, rand
        self.failures = 0

    def next(self) -> float:
        base = min(self.cap, self.first * 2 ** min(self.failures, 30))
        self.failures += 1
        return base * (0.5 + 0.5 * self.rand())

    def reset(self) -> None:
        self.failures = 0


class _Stopper:
    """SIGTERM / Ctrl-C set the stop event; if the watcher is still busy (a blocking network call) after
    ESCALATE_AFTER seconds, the main thread is interrupted so that it stops within 2 s anyway."""

    ESCALATE_AFTER = 1.2

    def __init__(self, stop: threading.Event) -> None:
        self.stop = stop
        self.running = False  # inside run(): an escalation may interrupt it
        self.timer: threading.Timer | None = None
        self.main = threading.main_thread().ident

    def handler(self, signum, frame) -> None:  # noqa: ARG002
        if self.stop.is_set():
            if self.running:
                raise _Interrupted()
            return
        self.stop.set()
        if self.running and self.timer is None:
            self.timer = threading.Timer(self.ESCALATE_AFTER, self._escalate)
            self.timer.daemon = True
            self.timer.start()

    def _escalate(self) -> None:
        if self.running and self.main is not None:
            signal.pthread_kill(self.main, signal.SIGTERM)

    def finish(self) -> None:
        self.running = False
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None


class _Interrupted(BaseException):
    """Raised in the main thread by the stop escalation; run() turns it into a normal return."""


_STOPPER: _Stopper | None = None


def install_stop_handlers(stop: threading.Event) -> None:
    global _STOPPER
    _STOPPER = _Stopper(stop)
    signal.signal(signal.SIGTERM, _STOPPER.handler)
    signal.signal(signal.SIGINT, _STOPPER.handler)


def _stderr_line(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


class _Told(logging.Handler):
    """What the mail source logs as a warning while the watcher runs (a folder renumbered by the server,
    a mail expunged before it could be read, no Sent folder) is also told through `notify`: each distinct
    line once per run. It still goes to the log file as well."""

    SOURCE_LOGGER = "certmerge.imap"

    def __init__(self, notify: Callable[[str], None]) -> None:
        super().__init__(logging.WARNING)
        self.notify = notify
        self.told: set[str] = set()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad log call must not stop the watcher
            return
        if line not in self.told:
            self.told.add(line)
            self.notify(line)


def run(app: App, source, *, once: bool, interval: float, report: Callable[[list[Outcome]], None],
        stop: threading.Event | None = None, notify: Callable[[str], None] | None = None,
        backoff: Backoff | None = None, events: Callable[[list[dict]], None] | None = None) -> int:
    """Sync, report, fire timers and deliver notifications, wait; until stopped (or once). Returns the
    number of mails processed.

    A SourceError (server unreachable, connection lost) closes the source and retries with backoff,
    saying so through `notify`; every (re)connect is followed by a full sync. AuthFailed and other
    errors propagate (with --once every error does). The wait ends early for the next timer or delivery
    retry (alerts.Keeper); `events` gets each notification event recorded meanwhile."""
    stop = stop or threading.Event()
    notify = notify or _stderr_line
    stopper = _STOPPER if _STOPPER is not None and _STOPPER.stop is stop else None
    told = _Told(notify)
    source_log = logging.getLogger(_Told.SOURCE_LOGGER)
    with WatchLock(app.settings.home):
        keeper = Keeper(app, source.name)
        keeper.started()
        loop = _Loop(app, source, report, stop, notify, backoff or Backoff(), keeper,
                     _stepper(keeper, notify, events), interval)
        if stopper:
            stopper.running = True
        source_log.addHandler(told)
        try:
            while not loop.turn(once):
                pass
        except _Interrupted:
            pass
        finally:
            source_log.removeHandler(told)
            if stopper:
                stopper.finish()
    return loop.total


@dataclass
class _Loop:
    """One watcher's turns: sync, timers and deliveries, then wait (or back off after a SourceError)."""

    app: App
    source: object
    report: Callable[[list[Outcome]], None]
    stop: threading.Event
    notify: Callable[[str], None]
    backoff: Backoff
    keeper: Keeper
    step: Callable[[], None]
    interval: float
    total: int = 0

    def turn(self, once: bool) -> bool:
        """One turn; True when the watcher is done."""
        try:
            self.total += _sync(self.app, self.source, self.report, self.stop)
            self.keeper.reached()
            if self.backoff.failures:
                self.notify(t("reconnected to {name}; in sync again", name=self.source.name))
                self.backoff.reset()
            self.step()
            if once or self.stop.is_set():
                return True
            _wait(self.source, _until(self.keeper, self.interval), self.stop)
        except AuthFailed:
            raise
        except SourceError as exc:
            self.keeper.unreachable(str(exc))
            self.step()
            if once:
                raise
            self.source.close()
            delay = self.backoff.next()
            self.notify(t("{exc} - retrying in {delay:.1f} s (attempt {failures})", exc=exc, delay=delay,
                          failures=self.backoff.failures))
            if _pause(delay, self.stop, self.keeper, self.step):
                return True
        return self.stop.is_set()


def _stepper(keeper: Keeper, notify: Callable[[str], None], events: Callable[[list[dict]], None] | None):
    """Timers and deliveries after each sync; new events to `events`, failed deliveries to `notify`."""

    def step() -> None:
        new, lines = keeper.step()
        for line in lines:
            notify(line)
        if new and events is not None:
            events(new)

    return step


def _until(keeper: Keeper, interval: float) -> float:
    """The wait before the next sync: the interval, or less when a timer or a retry comes sooner."""
    nxt = keeper.seconds_to_next()
    return interval if nxt is None else min(interval, nxt)


def _pause(delay: float, stop: threading.Event, keeper: Keeper, step) -> bool:
    """The backoff wait before a reconnect; timers and retries still fire meanwhile. True when stopped."""
    end = time.monotonic() + delay
    while (left := end - time.monotonic()) > 0:
        if stop.wait(_until(keeper, left)):
            return True
        step()
    return stop.is_set()


def _sync(app: App, source, report: Callable[[list[Outcome]], None], stop: threading.Event) -> int:
    """One full sync; each mail is committed (with its position) before the next one is looked at.
    Returns the number of new mails (processed or quarantined; not those already processed before)."""
    n = 0
    items = source.fetch_new(app.store)
    try:
        for item in items:
            outcome = app.process(item)
            if outcome is not None:
                n += outcome.status != "duplicate"  # a rescan's "already processed" is not new mail
                report([outcome])
            if stop.is_set():
                break
    finally:
        close = getattr(items, "close", None)
        if close is not None:
            close()
    return n


def _wait(source, interval: float, stop: threading.Event) -> None:
    """Wait up to `interval`, waking early when something arrived or when stopped (checked twice a second)."""
    deadline = time.monotonic() + interval
    while not stop.is_set():
        left = deadline - time.monotonic()
        if left <= 0 or source.wait(min(0.5, left)):
            return
