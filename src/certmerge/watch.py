"""The watcher loop: poll a source, process each new mail, report, wait; one watcher per home."""

from __future__ import annotations

import fcntl
import os
import signal
import threading
from pathlib import Path
from typing import Callable

from .app import App, Outcome
from .errors import UserError


class WatchLock:
    """An exclusive lock on `home/watch.lock`; the holder's pid is written in it."""

    def __init__(self, home: Path) -> None:
        self.path = Path(home) / "watch.lock"
        self.fh = None

    def __enter__(self) -> "WatchLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(self.path, "a+")
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.seek(0)
            holder = fh.read().strip() or "unknown"
            fh.close()
            raise UserError(f"another watcher (pid {holder}) is already running on {self.path.parent}",
                            "stop it first, or use another --home") from None
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


def install_stop_handlers(stop: threading.Event) -> None:
    def handler(signum, frame):  # noqa: ARG001
        stop.set()

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)


def run(app: App, source, *, once: bool, interval: float, report: Callable[[list[Outcome]], None],
        stop: threading.Event | None = None) -> int:
    """Poll until stopped (or once). Returns the number of mails processed."""
    stop = stop or threading.Event()
    total = 0
    with WatchLock(app.settings.home):
        while True:
            outcomes = app.poll_once(source)
            total += len(outcomes)
            if outcomes:
                report(outcomes)
            if once or stop.is_set():
                return total
            source.wait(0) if stop.is_set() else _wait(source, interval, stop)
            if stop.is_set():
                return total


def _wait(source, interval: float, stop: threading.Event) -> None:
    """Wait up to `interval`, waking early when stopped (checked every half second)."""
    waited = 0.0
    step = min(0.5, interval)
    while waited < interval and not stop.is_set():
        if source.wait(step):
            return
        waited += step
