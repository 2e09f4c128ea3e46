"""A test-only crash hook: CERTMERGE_CRASH_AFTER=k ends the process (exit 86, no cleanup) right after
the k-th write step of this process. Used by the crash-at-every-step tests; inert when unset."""

from __future__ import annotations

import os

_AFTER = int(os.environ.get("CERTMERGE_CRASH_AFTER", "0") or 0)
_count = 0
CRASH_EXIT = 86


def write_step(name: str) -> None:  # noqa: ARG001 - the name helps when debugging a crash test
    global _count
    if not _AFTER:
        return
    _count += 1
    if _count == _AFTER:
        os._exit(CRASH_EXIT)
