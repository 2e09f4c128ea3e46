"""Shared test helpers (fixtures that need Dovecot live in conftest.py)."""

from __future__ import annotations

import csv
import datetime as dt
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_mail"
CASE_TOML = SAMPLES / "case.toml"
REALWORLD = ROOT.parent / "shared" / "corpus" / "realworld"  # real-world mail beside the project, when present


def need(ok: bool, message: str) -> None:
    """A test's requirement of the machine: skipped where it is missing, but a failure under CI=true."""
    if ok:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(message + "; CI=true needs it", pytrace=False)
    pytest.skip(message)


def realworld_files() -> list[Path]:
    """The files of ../shared/corpus/realworld (as listed in its parse_baseline.csv); [] where it is absent,
    which only outside CI is allowed."""
    baseline = REALWORLD / "parse_baseline.csv"
    if not baseline.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{REALWORLD} is missing; CI=true needs the shared corpus", pytrace=False)
        return []
    with open(baseline, encoding="utf-8", newline="") as fh:
        return [REALWORLD / row["file"] for row in csv.DictReader(fh)]
T0 = dt.datetime(2026, 11, 2, 0, 0, tzinfo=dt.timezone.utc)


class Clock:
    """A settable clock for App(clock=...)."""

    def __init__(self, start: dt.datetime = T0) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def tick(self, **kw) -> dt.datetime:
        self.now += dt.timedelta(**kw)
        return self.now


def make_app(home: Path, clock: Clock | None = None, config: str = ""):
    from certmerge.app import App
    from certmerge.config import load_settings

    home.mkdir(parents=True, exist_ok=True)
    if config:
        (home / "config.toml").write_text(config, encoding="utf-8")
    return App(load_settings(home), clock=clock or Clock())


def sample_case():
    from certmerge.casefile import load_casefile

    return load_casefile(CASE_TOML, today=dt.date(2026, 11, 2))


def sample_bytes(prefix: str) -> bytes:
    """The sample mail whose file name starts with `prefix` (e.g. "04")."""
    (path,) = [p for p in SAMPLES.glob("*.eml") if p.name.startswith(prefix)]
    return path.read_bytes()


def run_cli(home: Path, *args: str, extra_env: dict | None = None, timeout: float = 120,
            **kw):
    """`certmerge ARGS` as a separate process with CERTMERGE_HOME=home (and no crash hook unless given)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "CERTMERGE_HOME": str(home)}
    env.pop("CERTMERGE_CRASH_AFTER", None)
    env.update(extra_env or {})
    return subprocess.run([sys.executable, "-m", "certmerge", *args], env=env, capture_output=True, text=True,
                          timeout=timeout, **kw)
