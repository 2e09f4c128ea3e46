"""Bad input at every door: huge mail, huge headers, a full disk while writing a draft, a corrupted
database. Each gets a clear one-line error or is processed; nothing stored is lost."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from certmerge.sources.folder import FolderSource
from tests.helpers import need, run_cli, CASE_TOML, Clock, make_app, sample_bytes, sample_case


cli = run_cli


def with_attachment(size: int) -> bytes:
    base = sample_bytes("04")
    head, _, body = base.partition(b"\r\n\r\n") if b"\r\n\r\n" in base else base.partition(b"\n\n")
    head = b"\n".join(line for line in head.replace(b"\r\n", b"\n").split(b"\n")
                      if not line.lower().startswith((b"content-type", b"content-transfer-encoding", b"mime-version")))
    payload = (b"QUJD" * 19 + b"\n") * (size // 77)
    return (head + b"\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=XX\n\n--XX\n"
            b"Content-Type: text/plain; charset=ISO-2022-JP\nContent-Transfer-Encoding: 7bit\n\n" + body +
            b"\n--XX\nContent-Type: application/octet-stream\nContent-Disposition: attachment; filename=big.bin\n"
            b"Content-Transfer-Encoding: base64\n\n" + payload + b"--XX--\n")


@pytest.fixture
def env(tmp_path, db_url):
    app = make_app(tmp_path / "home", Clock(), db_url=db_url)
    app.submitted(app.init_case(sample_case()))
    inbox = tmp_path / "in"
    inbox.mkdir()
    yield app, inbox
    app.close()


def test_a_10_mb_attachment_is_processed(env):
    app, inbox = env
    raw = with_attachment(10 * 1024 * 1024)
    assert len(raw) > 10 * 1024 * 1024
    (inbox / "big.eml").write_bytes(raw)
    [out] = app.poll_once(FolderSource(inbox))
    assert out.status == "processed" and out.kind == "info_request"
    assert app.case()["state"] == "info_requested"


def test_a_200_kb_header_is_processed_or_quarantined_never_a_crash(env):
    app, inbox = env
    raw = sample_bytes("01")
    huge = b"X-Junk: " + b"a" * 200_000 + b"\n"
    (inbox / "h1.eml").write_bytes(huge + raw)
    long_subject = b"Subject: " + b"merge " * 40_000 + b"\n"
    (inbox / "h2.eml").write_bytes(long_subject + raw.replace(b"Message-ID: <", b"Message-ID: <h2", 1))
    outs = app.poll_once(FolderSource(inbox))
    assert [o.status for o in outs] == ["processed", "processed"]
    assert app.store.count("messages") == 2


def test_unreadable_mail_file_is_reported_in_status(env):
    app, inbox = env
    (inbox / "x.eml").write_bytes(b"\x00\x01" * 2000)
    app.poll_once(FolderSource(inbox))
    [(path, reason)] = app.quarantined()
    assert path.read_bytes() == b"\x00\x01" * 2000 and "binary" in reason


def test_full_disk_while_writing_a_draft(tmp_path):
    need(os.geteuid() == 0, "mounting a small tmpfs needs root")
    mnt = tmp_path / "small"
    mnt.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mnt)], check=True)
    try:
        home = mnt / "home"
        assert cli(home, "init", "--from", str(CASE_TOML)).returncode == 0
        assert cli(home, "submitted").returncode == 0
        db_before = (home / "certmerge.sqlite3").read_bytes()
        filler = mnt / "filler"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
        try:  # fill the disk to the last byte
            while os.write(fd, b"\0" * 512):
                pass
        except OSError:
            pass
        finally:
            os.close(fd)
        r = cli(home, "draft", "--purpose", "follow_up", "--quiet")
        assert r.returncode != 0
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), r.stderr
        assert "Traceback" not in r.stderr and "disk space" in r.stderr
        assert not list((home / "drafts").glob("*.eml")) and not list((home / "drafts").glob("*.tmp"))
        filler.unlink()
        st = cli(home, "status", "--json")
        assert st.returncode == 0 and json.loads(st.stdout)["cases"][0]["state"] == "awaiting_support"
        assert (home / "certmerge.sqlite3").read_bytes()[:16] == db_before[:16]
        assert cli(home, "draft", "--purpose", "follow_up", "--quiet").returncode == 0  # works once space is back
    finally:
        subprocess.run(["umount", str(mnt)], check=False)


def initialised_database(tmp_path) -> tuple[Path, Path]:
    """(home, its database file) after `init`, alone on disk (no WAL or shared-memory file beside it)."""
    home = tmp_path / "h"
    assert cli(home, "init", "--from", str(CASE_TOML)).returncode == 0
    db = home / "certmerge.sqlite3"
    for p in home.glob("certmerge.sqlite3-*"):
        p.unlink()
    return home, db


def test_corrupted_database_gets_one_line_and_is_left_untouched(tmp_path):
    home, db = initialised_database(tmp_path)
    damaged = b"garbage!" * 512 + db.read_bytes()[4096:]
    db.write_bytes(damaged)
    for args in (["status"], ["watch", "--once", "--source", str(tmp_path)], ["draft"]):
        r = cli(home, *args)
        assert r.returncode == 3, (args, r.stderr)
        assert r.stderr.startswith("error: ") and len(r.stderr.strip().splitlines()) == 1
        assert "import" in r.stderr  # says how to recover
    assert db.read_bytes() == damaged


def test_damaged_pages_inside_a_real_sqlite_file(tmp_path):
    home, db = initialised_database(tmp_path)
    data = bytearray(db.read_bytes())
    data[100:len(data)] = os.urandom(len(data) - 100)  # header kept, every page destroyed
    db.write_bytes(bytes(data))
    r = cli(home, "status")
    assert r.returncode == 3 and r.stderr.startswith("error: ") and "Traceback" not in r.stderr
    assert db.read_bytes() == bytes(data)


# --- issue 11: a case is never lost without a word ------------------------------------------------------------
def one_error_line(r: subprocess.CompletedProcess, code: int, *needles: str) -> str:
    """The command failed with `code` and said so on one line (never a traceback)."""
    lines = [line for line in r.stderr.splitlines() if line.strip()]
    assert r.returncode == code, (r.returncode, r.stderr)
    assert len(lines) == 1 and lines[0].startswith("error: "), r.stderr
    assert "Traceback" not in r.stderr + r.stdout and "Logging error" not in r.stderr
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return lines[0]


def watched_home(tmp_path: Path) -> tuple[Path, Path]:
    """(home, inbox): a submitted case whose inbox held one info request, processed by `watch --once`."""
    home, inbox = tmp_path / "h", tmp_path / "in"
    inbox.mkdir()
    (inbox / "04.eml").write_bytes(sample_bytes("04"))
    for args in (["init", "--from", str(CASE_TOML)], ["submitted"], ["watch", "--once", "--source", str(inbox)]):
        assert cli(home, *args).returncode == 0
    return home, inbox


@pytest.mark.parametrize("how", ["removed", "replaced"])
def test_a_watcher_whose_database_is_removed_or_replaced_stops_with_exit_3(tmp_path, how):
    import sys
    import time

    home, inbox = watched_home(tmp_path)
    db = home / "certmerge.sqlite3"
    env = {**os.environ, "CERTMERGE_HOME": str(home)}
    proc = subprocess.Popen([sys.executable, "-m", "certmerge", "watch", "--source", str(inbox), "--interval", "1"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(2)  # watching
        assert proc.poll() is None, proc.stderr.read()
        if how == "removed":
            db.unlink()
        else:
            copy = db.with_name("copy.sqlite3")
            copy.write_bytes(db.read_bytes())
            copy.replace(db)
        (inbox / "05.eml").write_bytes(sample_bytes("05"))
        out, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
    r = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
    one_error_line(r, 3, f"was {how}", "nothing more was written")
    if how == "removed":
        assert not db.exists()  # and nothing silently made a new one
        one_error_line(cli(home, "status"), 3, "missing", "was in use")
        assert not db.exists()


def test_a_truncated_database_is_reported_as_damaged_not_recreated(tmp_path):
    home, _inbox = watched_home(tmp_path)
    db = home / "certmerge.sqlite3"
    db.write_bytes(b"")
    for p in home.glob("certmerge.sqlite3-*"):
        p.unlink()
    for args in (["status"], ["draft"], ["watch", "--once", "--source", str(tmp_path)]):
        one_error_line(cli(home, *args), 3, "empty (0 bytes)", "import")
    assert db.read_bytes() == b""


def test_a_missing_database_in_a_home_with_drafts_is_damaged(tmp_path):
    home = tmp_path / "h"
    for args in (["init", "--from", str(CASE_TOML)], ["submitted"], ["draft", "--purpose", "follow_up", "--quiet"]):
        assert cli(home, *args).returncode == 0
    (home / "certmerge.sqlite3").unlink()
    (home / "logs" / "certmerge.log").unlink()  # the drafts alone show that the home held a case
    one_error_line(cli(home, "status", "--json"), 3, "missing", "1 draft(s)")
    assert not (home / "certmerge.sqlite3").exists()


def test_only_init_creates_a_database(tmp_path):
    home, db = tmp_path / "h", tmp_path / "h" / "certmerge.sqlite3"
    r = cli(home, "status")
    assert r.returncode == 0 and "No case yet" in r.stdout
    one_error_line(cli(home, "watch", "--once", "--source", str(tmp_path)), 2, "no case yet", "certmerge init")
    one_error_line(cli(home, "export"), 2, "no case yet")
    assert not db.exists()
    assert cli(home, "init", "--from", str(CASE_TOML)).returncode == 0 and db.stat().st_size > 0


# --- issue 11: quarantine -------------------------------------------------------------------------------------
def test_same_content_from_two_places_gets_two_files_and_a_retry_none(tmp_path):
    from certmerge.quarantine import keep

    qdir = tmp_path / "q"
    a = keep(qdir, b"\x00 same bytes", "inbox/1.eml")
    b = keep(qdir, b"\x00 same bytes", "inbox/2.eml")  # within the same second
    assert a != b and a.read_bytes() == b.read_bytes() == b"\x00 same bytes"
    assert keep(qdir, b"\x00 same bytes", "inbox/1.eml") == a  # the same mail again: its own file
    (qdir / f".{a.name}.tmp").write_bytes(b"\x00 sa")  # what a crash in the middle of a write leaves
    keep(qdir, b"other", "inbox/3.eml")
    assert sorted(p.name for p in qdir.iterdir()) == sorted([a.name, b.name, keep(qdir, b"other", "inbox/3.eml").name])


def fill_disk(mnt: Path, leave: int = 0) -> Path:
    """Fill a small file system to the last byte, then free `leave` bytes; returns the filler to remove."""
    spare = mnt / "spare"
    spare.write_bytes(b"\0" * leave)
    filler = mnt / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
    spare.unlink()
    return filler


@pytest.fixture
def small_disk(tmp_path):
    need(os.geteuid() == 0, "mounting a small tmpfs needs root")
    mnt = tmp_path / "small"
    mnt.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mnt)], check=True)
    try:
        yield mnt
    finally:
        subprocess.run(["umount", str(mnt)], check=False)


def test_a_full_disk_while_quarantining_is_one_line_and_loses_nothing(tmp_path, small_disk):
    home, inbox = small_disk / "home", tmp_path / "in"
    inbox.mkdir()
    bad = b"\x00\x01\x02\x03" * 100_000  # 400 KB that is not a mail
    (inbox / "bad.eml").write_bytes(bad)
    assert cli(home, "init", "--from", str(CASE_TOML)).returncode == 0
    filler = fill_disk(small_disk, leave=160 * 1024)  # room for the database's work, not for the mail
    one_error_line(cli(home, "watch", "--once", "--source", str(inbox)), 3, "quarantine", "No space left")
    assert list((home / "quarantine").iterdir()) == []  # no partial file, no temporary one
    filler.unlink()
    assert cli(home, "watch", "--once", "--source", str(inbox)).returncode == 0  # read again, now kept
    [kept] = list((home / "quarantine").iterdir())
    assert kept.read_bytes() == bad
    assert len(json.loads(cli(home, "status", "--json").stdout)["quarantined"]) == 1


# --- issue 11: every door -------------------------------------------------------------------------------------
@pytest.mark.parametrize("config,key", [
    ("[imap]\nport = nan\n", "imap.port"),
    ("[imap]\nport = inf\n", "imap.port"),
    ("[imap]\nport = 993.5\n", "imap.port"),
    ("[imap]\ntimeout = inf\n", "imap.timeout"),
    ("[imap]\ntimeout = 0\n", "imap.timeout"),
    ("[imap]\nscan_days_before_case = 1e12\n", "imap.scan_days_before_case"),
    ("[watch]\ninterval = nan\n", "watch.interval"),
    ("[watch]\ninterval = -inf\n", "watch.interval"),
    ("[classify]\nreview_threshold = nan\n", "classify.review_threshold"),
    ("[classify]\nreview_threshold = 0.5\n", "classify.review_threshold"),  # weak guesses would move the case
])
def test_numbers_in_the_config_must_be_finite_and_in_range(tmp_path, config, key):
    home = tmp_path / "h"
    home.mkdir()
    (home / "config.toml").write_text(config, encoding="utf-8")
    for args in (["status"], ["doctor"], ["watch", "--once"]):
        one_error_line(cli(home, *args), 2, key)


@pytest.mark.parametrize("interval", ["-1", "0", "nan", "inf"])
def test_watch_interval_must_be_finite_and_positive(tmp_path, interval):
    home, inbox = watched_home(tmp_path)
    one_error_line(cli(home, "watch", "--source", str(inbox), "--interval", interval), 2, "--interval")


def test_a_home_that_is_a_regular_file_is_one_line(tmp_path):
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    for args in (["status"], ["init", "--from", str(CASE_TOML)], ["watch", "--once"], ["doctor"]):
        one_error_line(cli(not_a_dir, *args), 2, "is not a directory")
    assert not_a_dir.read_text() == "x"


def test_a_read_only_home_is_one_line_and_exit_3(tmp_path, small_disk):
    home, inbox = watched_home(tmp_path)
    ro = small_disk / "home"
    subprocess.run(["cp", "-a", str(home), str(ro)], check=True)
    for p in ro.glob("certmerge.sqlite3-*"):
        p.unlink()
    (ro / "watch.lock").unlink(missing_ok=True)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    one_error_line(cli(ro, "watch", "--once", "--source", str(inbox)), 3, "watch.lock", "Read-only file system")
    r = cli(ro, "status")
    assert "Traceback" not in r.stderr and (r.returncode == 0 or len(r.stderr.strip().splitlines()) == 1)


def test_classify_on_what_is_not_mail_is_bad_input(tmp_path):
    (tmp_path / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (tmp_path / "notes.txt").write_text("just some notes, no mail\n")
    (tmp_path / "empty").mkdir()
    home = tmp_path / "h"
    one_error_line(cli(home, "classify", str(tmp_path / "picture.png")), 2, "picture.png", "not a mail")
    one_error_line(cli(home, "classify", str(tmp_path / "notes.txt")), 2, "no mail headers")
    one_error_line(cli(home, "classify", str(tmp_path / "missing.eml")), 2, "cannot read")
    one_error_line(cli(home, "classify", str(tmp_path / "empty")), 2, "no mail files")
    mixed = cli(home, "classify", "--json", str(SAMPLE_04), str(tmp_path / "picture.png"))
    assert mixed.returncode == 2 and len(mixed.stdout.splitlines()) == 2  # the good one is still classified


SAMPLE_04 = next((CASE_TOML.parent).glob("04-*.eml"))


@pytest.mark.parametrize("edit,key,needle", [
    (lambda s: s.replace('name = "Taro Yamada"', 'name = "Taro Yamada\\r\\nBcc: someone@example.net"'), "user.name",
     "line break"),
    (lambda s: s.replace('company = "Example Corp"', 'company = "Example\\nCorp"'), "user.company", "line break"),
    (lambda s: s.replace("[[source.certifications]]", "[[source.certifcations]]"), "source.certifcations",
     "did you mean 'certifications'"),
    (lambda s: s.replace("[support]", "[suport]"), "suport", "did you mean 'support'"),
    (lambda s: s.replace('login_email = "taro.personal@example.net"',
                         'login_email = "taro.personal@example.net"\nlogin_mail = "x"'), "source.login_mail", "unknown key"),
])
def test_init_refuses_line_breaks_and_unknown_keys_in_the_case_file(tmp_path, edit, key, needle):
    case = tmp_path / "case.toml"
    case.write_text(edit(CASE_TOML.read_text(encoding="utf-8")), encoding="utf-8")
    home = tmp_path / "h"
    one_error_line(cli(home, "init", "--from", str(case)), 2, str(case), f"{key}:", needle)
    assert not (home / "certmerge.sqlite3").exists()


@pytest.mark.parametrize("case_id", ["x y", "1234567", "12345678901234567890123", "17653041820073l", "1765 30418"])
def test_submitted_refuses_what_is_not_a_case_id(tmp_path, case_id):
    home = tmp_path / "h"
    assert cli(home, "init", "--from", str(CASE_TOML)).returncode == 0
    one_error_line(cli(home, "submitted", "--case-id", case_id), 2, "is not a support case number", "8-20 digits")
    assert json.loads(cli(home, "status", "--json").stdout)["cases"][0]["state"] == "ready_to_submit"
    assert cli(home, "submitted", "--case-id", " 176530418200731 ").returncode == 0
    assert json.loads(cli(home, "status", "--json").stdout)["cases"][0]["case_id"] == "176530418200731"


def test_the_reason_may_have_several_lines(tmp_path):
    case = tmp_path / "case.toml"
    text = CASE_TOML.read_text(encoding="utf-8")
    start = text.index("reason = ")
    end = text.index("\n", start)
    case.write_text(text[:start] + 'reason = """Two accounts.\nKeep the work one."""' + text[end:], encoding="utf-8")
    assert cli(tmp_path / "h", "init", "--from", str(case)).returncode == 0
