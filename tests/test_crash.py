"""Crash at every write step (in the manner of mbsync's run-tests.pl): for every k, end the watcher
after its k-th write step, restart it, and compare the final state with an undisturbed run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from certmerge.faults import CRASH_EXIT
from certmerge.store import Store
from tests.helpers import run_cli, CASE_TOML, SAMPLES

MAILS = ["04", "05", "07"]  # info request (ISO-2022-JP), forgery, auto-close warning (Shift_JIS)
TIMESTAMPS = {"at", "processed_at", "updated_at", "state_since", "created_at", "exported_at", "sent_at",
              "last_reply_sent_at", "last_support_mail_at", "deadline", "due_at", "next_at"}


def cli(home: Path, *args: str, crash_after: int | None = None):
    return run_cli(home, *args, extra_env={"CERTMERGE_CRASH_AFTER": str(crash_after)} if crash_after else None)


def normalized(home: Path) -> dict:
    store = Store(f"sqlite:///{home / 'certmerge.sqlite3'}")
    data = store.dump()
    store.close()
    for table in Store._DUMP_ORDER:
        data[table] = [{k: v for k, v in row.items() if k not in TIMESTAMPS} for row in data[table]]
    return data


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    base = tmp_path_factory.mktemp("crash")
    inbox = base / "inbox"
    inbox.mkdir()
    for prefix in MAILS:
        (src,) = SAMPLES.glob(f"{prefix}-*.eml")
        shutil.copy(src, inbox / src.name)
    (inbox / "00-broken.eml").write_bytes(b"")  # quarantined, and its position still moves
    (inbox / "00-broken-too.eml").write_bytes(b"")  # the same content from elsewhere: a file of its own
    (inbox / "00-binary.eml").write_bytes(b"\x00\x01" * 5000)
    template = base / "template"
    assert cli(template, "init", "--from", str(CASE_TOML)).returncode == 0
    assert cli(template, "submitted").returncode == 0
    reference = base / "reference"
    shutil.copytree(template, reference)
    r = cli(reference, "watch", "--source", str(inbox), "--once")
    assert r.returncode == 0, r.stderr
    assert len(kept(reference)) == 3
    return base, inbox, template, normalized(reference), kept(reference)


def kept(home: Path) -> dict[str, bytes]:
    """Every file in the home's quarantine/, temporary ones included, by name."""
    return {p.name: p.read_bytes() for p in sorted((home / "quarantine").iterdir())}


def test_crash_after_every_write_step_loses_and_doubles_nothing(setup):
    base, inbox, template, expected, expected_files = setup
    assert len(expected["messages"]) == len(MAILS) and expected["cases"][0]["state"] == "info_requested"
    crashed_at = []
    for k in range(1, 200):
        home = base / f"k{k}"
        shutil.copytree(template, home)
        first = cli(home, "watch", "--source", str(inbox), "--once", crash_after=k)
        if first.returncode == 0:  # k is past the last write step: every step has been crashed
            break
        assert first.returncode == CRASH_EXIT, first.stderr
        crashed_at.append(k)
        second = cli(home, "watch", "--source", str(inbox), "--once")
        assert second.returncode == 0, second.stderr
        got = normalized(home)
        assert got == expected, f"after a crash at write step {k} the final state differs"
        assert kept(home) == expected_files, f"after a crash at write step {k} the quarantine differs"
        shutil.rmtree(home)
    assert len(crashed_at) >= 5 * len(MAILS) + 3 * 4, "fewer write steps than expected: is the hook still wired?"
