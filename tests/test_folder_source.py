"""The folder source reads as the IMAP source does: headers first, whole files only for candidates, a
rescan with nothing new lists nothing, a progress bar on long scans, and one summary line for what
was skipped."""

from __future__ import annotations

import builtins
import os
import time

from typer.testing import CliRunner

from certmerge.app import App
from certmerge.cli import cli
from certmerge.config import Settings
from certmerge.sources import folder as foldermod
from certmerge.sources.folder import FolderSource
from tests.helpers import CASE_TOML, sample_bytes

ORDINARY = (b"From: Hanako <hanako@example-corp.co.jp>\nTo: taro@example-corp.co.jp\nSubject: lunch\n"
            b"Message-ID: <lunch-%d@example-corp.co.jp>\nDate: Mon, 02 Nov 2026 10:00:00 +0900\n\n")


def ordinary(i: int, body_bytes: int = 100) -> bytes:
    return (ORDINARY % i) + b"x" * body_bytes + b"\n"


def make_app(tmp_path) -> App:
    return App(Settings(home=tmp_path / "home"), create=True)


def age(*dirs) -> None:
    past = time.time() - 60
    for d in dirs:
        os.utime(d, (past, past))


def test_only_the_header_section_of_other_mail_is_read(tmp_path, monkeypatch):
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "1.eml").write_bytes(ordinary(1, body_bytes=2_000_000))
    (inbox / "2.eml").write_bytes(sample_bytes("01"))
    read = {}
    real_open = builtins.open

    class Counting:
        def __init__(self, fh, path):
            self.fh, self.path = fh, path

        def read(self, n=-1):
            data = self.fh.read(n)
            read[self.path] = read.get(self.path, 0) + len(data)
            return data

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

    monkeypatch.setattr(foldermod, "open", lambda p, mode="r": Counting(real_open(p, mode), os.path.basename(p)),
                        raising=False)
    app = make_app(tmp_path)
    try:
        outs = app.poll_once(FolderSource(inbox))
    finally:
        app.close()
    assert [o.kind for o in outs] == ["acknowledgement"]
    assert read["1.eml"] <= foldermod.HEAD_CHUNK  # 2 MB file, one header read
    assert read["2.eml"] == len(sample_bytes("01"))  # the candidate whole


def test_a_rescan_with_nothing_new_lists_and_reads_nothing(tmp_path, monkeypatch):
    inbox = tmp_path / "in"
    (inbox / "cur").mkdir(parents=True)
    (inbox / "new").mkdir()
    for i in range(50):
        (inbox / "cur" / f"{i}.host:2,S").write_bytes(ordinary(i))
    (inbox / "new" / "99.host").write_bytes(sample_bytes("01"))
    age(inbox / "cur", inbox / "new")
    app = make_app(tmp_path)
    index = tmp_path / "home" / "folders"
    try:
        src = FolderSource(inbox, index_dir=index)
        assert len(app.poll_once(src)) == 1
        assert src.last_scan["skipped"] == 50 and src.last_scan["candidates"] == 1
        monkeypatch.setattr(foldermod.os, "scandir", lambda *_: (_ for _ in ()).throw(AssertionError("listed")))
        monkeypatch.setattr(app.store, "seen_keys", lambda *_: (_ for _ in ()).throw(AssertionError("read")))
        again = FolderSource(inbox, index_dir=index)  # a new process: the index is in the home
        assert app.poll_once(again) == [] and again.last_scan["listing_skipped"]
        monkeypatch.undo()
        # a mail that arrives changes the directory: found at once, and the others are not read again
        (inbox / "new" / "100.host").write_bytes(sample_bytes("02"))
        third = FolderSource(inbox, index_dir=index)
        assert [o.kind for o in app.poll_once(third)] == ["ai_auto_answer"]
        assert third.last_scan["new"] == 1 and third.last_scan["skipped"] == 0
        # a mail client marking a mail read (new/ -> cur/) moves nothing either
        os.rename(inbox / "new" / "100.host", inbox / "cur" / "100.host:2,S")
        assert app.poll_once(FolderSource(inbox, index_dir=index)) == []
    finally:
        app.close()
    assert all(oct(p.stat().st_mode)[-3:] == "600" for p in index.iterdir())


def test_a_just_changed_directory_is_listed_again(tmp_path):
    """A directory mtime within MTIME_SLACK of the scan is not trusted: a file may follow in the same tick."""
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "1.eml").write_bytes(ordinary(1))
    app = make_app(tmp_path)
    try:
        assert app.poll_once(FolderSource(inbox, index_dir=tmp_path / "idx")) == []
        (inbox / "2.eml").write_bytes(sample_bytes("01"))  # at once, perhaps within the same mtime tick
        src = FolderSource(inbox, index_dir=tmp_path / "idx")
        assert len(app.poll_once(src)) == 1 and not src.last_scan["listing_skipped"]
    finally:
        app.close()


def test_long_scans_report_progress(tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    for i in range(foldermod.PROGRESS_MIN):
        (inbox / f"{i:04d}.eml").write_bytes(ordinary(i))
    calls = []
    app = make_app(tmp_path)
    try:
        app.poll_once(FolderSource(inbox, progress=lambda done, total, name: calls.append((done, total))))
    finally:
        app.close()
    assert calls and calls[-1] == (foldermod.PROGRESS_MIN, foldermod.PROGRESS_MIN)


def test_watch_tells_skipped_mail_in_one_line(tmp_path):
    runner = CliRunner()
    home, inbox = tmp_path / "h", tmp_path / "in"
    inbox.mkdir()
    for i in range(40):
        (inbox / f"{i:03d}.eml").write_bytes(ordinary(i))
    (inbox / "900.eml").write_bytes(sample_bytes("10"))  # an AWS newsletter: read whole, unrelated
    (inbox / "901.eml").write_bytes(sample_bytes("01"))
    assert runner.invoke(cli, ["--home", str(home), "init", "--from", str(CASE_TOML)]).exit_code == 0
    r = runner.invoke(cli, ["--home", str(home), "watch", "--once", "--source", str(inbox)])
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert len(lines) <= 6, r.output
    [summary] = [line for line in lines if "not support mail" in line]
    assert "40 files were not support mail" in summary and "1 unrelated mail recorded" in summary
    assert any("acknowledgement" in line for line in lines)
