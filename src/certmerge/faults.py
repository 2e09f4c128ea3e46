"""Test-only hooks, inert when unset. A crash hook: CERTMERGE_CRASH_AFTER=k ends the process (exit 86, no cleanup) right after
the k-th write step of this process. Used by the crash-at-every-step tests; inert when unset."""

from __future__ import annotations

import os

_AFTER = int(os.environ.get("CERTMERGE_CRASH_AFTER", "0") or 0)
_count = 0
CRASH_EXIT = 86


def armed() -> bool:
    """Whether the crash hook is set for this process."""
    return bool(_AFTER)


def write_step(name: str) -> None:  # noqa: ARG001 - the name helps when debugging a crash test
    global _count
    if not _AFTER:
        return
    _count += 1
    if _count == _AFTER:
        os._exit(CRASH_EXIT)


_CLOCK_FILE = os.environ.get("CERTMERGE_FAKE_CLOCK", "")


def fake_now():
    """A test-only clock: with CERTMERGE_FAKE_CLOCK=FILE, the time written in FILE (ISO 8601, re-read at
    every call, so that a test can move the time of a running watcher); None when unset."""
    if not _CLOCK_FILE:
        return None
    import datetime as dt

    with open(_CLOCK_FILE, encoding="utf-8") as fh:
        return dt.datetime.fromisoformat(fh.read().strip())
