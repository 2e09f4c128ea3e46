"""Public holidays from the `holidays` package, kept in a small cache file in the home.

Loading the package and one country's table costs about 0.2 s (measured here: 0.05 s to import, 0.16 s
for Japan's year), which `status` would pay at every run while a case waits on support. The dates of each
(country, year) are kept in `holidays.json` (0600) under a stamp of the installed package (its path,
size and modification time): an upgraded package makes the cache be filled again.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import logging
import os
from pathlib import Path

from .core.workdays import HolidayLookup

log = logging.getLogger("certmerge")


def _stamp() -> str:
    spec = importlib.util.find_spec("holidays")
    if spec is None or not spec.origin:
        return "none"
    try:
        st = os.stat(spec.origin)
    except OSError:
        return spec.origin
    return f"{spec.origin}:{st.st_size}:{st.st_mtime_ns}"


def lookup(cache_file: Path | None) -> HolidayLookup:
    """A (country, year) -> set of dates lookup, filled from the package once and then from `cache_file`."""
    memo: dict[tuple[str, int], frozenset[dt.date]] = {}
    state: dict = {}

    def load() -> dict:
        if "data" not in state:
            state["stamp"] = _stamp()
            data = {}
            if cache_file is not None and cache_file.is_file():
                try:
                    raw = json.loads(cache_file.read_text(encoding="utf-8"))
                    data = raw["years"] if raw.get("stamp") == state["stamp"] else {}
                except (OSError, ValueError, KeyError, TypeError):
                    data = {}
            state["data"] = data
        return state["data"]

    def get(country: str, year: int) -> frozenset[dt.date]:
        key = (country, year)
        if key not in memo:
            data = load()
            name = f"{country}:{year}"
            if name not in data:
                from .core.deadlines import _holidays

                data[name] = sorted(d.isoformat() for d in _holidays(country, year))
                _save(cache_file, state["stamp"], data)
            memo[key] = frozenset(dt.date.fromisoformat(d) for d in data[name])
        return memo[key]

    return get


def _save(cache_file: Path | None, stamp: str, data: dict) -> None:
    if cache_file is None:
        return
    from .privacy import replace_private

    try:
        replace_private(cache_file, json.dumps({"stamp": stamp, "years": data}).encode("utf-8"))
    except OSError as exc:  # a cache: the answer is right without it
        log.info("holiday cache not written (%s)", exc.strerror)
