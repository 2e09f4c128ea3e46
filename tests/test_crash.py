"""Crash at every write step (in the manner of mbsync's run-tests.pl): for every k, end the watcher
after its k-th write step, restart it, and compare the final state with an undisturbed run. On SQLite and on
PostgreSQL (a crash there drops the connection in the middle of the transaction)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from certmerge.config import load_settings
from certmerge.faults import CRASH_EXIT
from certmerge.store import Store
from tests.helpers import run_cli, write_config, CASE_TOML, SAMPLES

MAILS = ["04", "05", "07"]  # info request (ISO-2022-JP), forgery, auto-close warning (Shift_JIS)
TIMESTAMPS = {"at", "processed_at", "updated_at", "state_since", "created_at", "exported_at", "sent_at",
              "last_reply_sent_at", "last_support_mail_at", "deadline", "due_at", "next_at"}


def cli(home: Path, *args: str, crash_after: int | None = None):
    return run_cli(home, *args, extra_env={"CERTMERGE_CRASH_AFTER": str(crash_after)} if crash_after else None)


def normalized(home: Path) -> dict:
    store = Store(load_settings(home).db_url)
    data = store.dump()
    store.close()
    for table in Store._DUMP_ORDER:
        data[table] = [{k: v for k, v in row.items() if k not in TIMESTAMPS} for row in data[table]]
    return dense_ids(data)


# the rows' references, by the table each points to
REFS = {"case_id": "cases", "message_ref": "messages", "outbox_id": "outbox"}


def dense_ids(data: dict) -> dict:
    """Ids renumbered 1, 2, 3... in their order, references with them. PostgreSQL's id sequences are not
    transactional: the ids a crashed transaction took are skipped (SQLite's rowids are taken again), which
    changes no row but its surrogate id."""
    new = {t: {row["id"]: i for i, row in enumerate(data[t], 1)} for t in Store._DUMP_ORDER
           if data[t] and "id" in data[t][0]}
    for table in Store._DUMP_ORDER:
        for row in data[table]:
            if "id" in row:
                row["id"] = new[table][row["id"]]
            for col, target in REFS.items():
                if row.get(col) is not None:
                    row[col] = new[target][row[col]]
    return data


def copy_home(template: Path, home: Path, server) -> None:
    """The template home, and its database when it is PostgreSQL's (a copy made by CREATE DATABASE)."""
    shutil.copytree(template, home)
    if server is not None:
        old = load_settings(template).db_url
        config = home / "config.toml"
        config.write_text(config.read_text(encoding="utf-8").replace(old, server.new_database(template=old)),
                          encoding="utf-8")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def setup(tmp_path_factory, request):
    server = request.getfixturevalue("postgres") if request.param == "postgresql" else None
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
    write_config(template, db_url=server.new_database() if server else "")
    assert cli(template, "init", "--from", str(CASE_TOML)).returncode == 0
    assert cli(template, "submitted").returncode == 0
    reference = base / "reference"
    copy_home(template, reference, server)
    r = cli(reference, "watch", "--source", str(inbox), "--once")
    assert r.returncode == 0, r.stderr
    assert len(kept(reference)) == 3
    return base, inbox, template, normalized(reference), kept(reference), server


def kept(home: Path) -> dict[str, bytes]:
    """Every file in the home's quarantine/, temporary ones included, by name."""
    return {p.name: p.read_bytes() for p in sorted((home / "quarantine").iterdir())}


def test_crash_after_every_write_step_loses_and_doubles_nothing(setup):
    base, inbox, template, expected, expected_files, server = setup
    assert len(expected["messages"]) == len(MAILS) and expected["cases"][0]["state"] == "info_requested"
    crashed_at = []
    for k in range(1, 200):
        home = base / f"k{k}"
        copy_home(template, home, server)
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
