"""Issue 11, privacy: the home 0700 and every file certmerge writes 0600, whatever the umask; an existing
home with looser modes is tightened, and `doctor` says so."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

from certmerge.privacy import private_dir, tighten_home
from tests.helpers import CASE_TOML, ROOT, run_cli, sample_bytes, sigterm_and_wait


def modes(home: Path) -> dict[str, int]:
    """Every path below the home (and the home, as "."), with its permission bits."""
    out = {".": stat.S_IMODE(home.stat().st_mode)}
    for p in home.rglob("*"):
        out[str(p.relative_to(home))] = stat.S_IMODE(p.lstat().st_mode)
    return out


def not_private(found: dict[str, int], home: Path) -> dict[str, str]:
    return {name: f"{mode:04o}" for name, mode in found.items()
            if mode != (0o700 if (home / name).is_dir() else 0o600)}


def umask_022() -> None:
    os.umask(0o022)


def inbox_with_mail(tmp_path: Path) -> Path:
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "04.eml").write_bytes(sample_bytes("04"))
    (inbox / "bad.eml").write_bytes(b"\x00\x01\x02" * 100)  # quarantined
    return inbox


def test_every_file_the_cli_writes_is_private_under_umask_022(tmp_path):
    home, inbox = tmp_path / "home", inbox_with_mail(tmp_path)

    def cli(*args):
        r = run_cli(home, *args, preexec_fn=umask_022)
        assert r.returncode == 0, r.stderr
        return r

    cli("init", "--from", str(CASE_TOML))
    cli("submitted")
    cli("watch", "--once", "--source", str(inbox))
    cli("draft", "--quiet")
    cli("export", str(home / "export.json"))
    (inbox / "05.eml").write_bytes(sample_bytes("05"))
    env = {**os.environ, "CERTMERGE_HOME": str(home)}
    watcher = subprocess.Popen([sys.executable, "-m", "certmerge", "watch", "--source", str(inbox), "--interval", "1"],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=umask_022)
    try:
        deadline = time.monotonic() + 30
        while not (home / "certmerge.sqlite3-wal").exists() or not (home / "watch.lock").exists():
            assert time.monotonic() < deadline and watcher.poll() is None, watcher.stderr.read()
            time.sleep(0.1)
        time.sleep(1.5)  # a poll or two with the watcher's connections open
        found = modes(home)
    finally:
        sigterm_and_wait(watcher)
    for name in ("certmerge.sqlite3", "certmerge.sqlite3-wal", "certmerge.sqlite3-shm", "watch.lock",
                 "logs/certmerge.log", "export.json", "drafts/case1-info_reply.eml"):
        assert name in found, name
    assert any(n.startswith("quarantine/") for n in found)
    assert not_private(found, home) == {}


LIBRARY_RUN = """
import datetime as dt, os, sys
from pathlib import Path
os.umask(0o022)
sys.path.insert(0, {root!r})
from tests.helpers import make_app, sample_case
from certmerge.sources.folder import FolderSource
app = make_app(Path({home!r}))
app.submitted(app.init_case(sample_case()))
app.poll_once(FolderSource(Path({inbox!r})))
app.draft(app.case(), "follow_up")
app.store.count("messages")  # the connections stay open: the -wal and -shm files exist now
print(" ".join(sorted(p.name for p in Path({home!r}).iterdir())))
"""


def test_the_library_sets_the_modes_itself_whatever_the_umask(tmp_path):
    """Without the CLI's umask: what certmerge creates as a library is private too."""
    home, inbox = tmp_path / "home", inbox_with_mail(tmp_path)
    script = LIBRARY_RUN.format(root=str(ROOT), home=str(home), inbox=str(inbox))
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "certmerge.sqlite3-wal" in r.stdout.split()
    found = modes(home)
    assert any(n.startswith("quarantine/") for n in found) and any(n.startswith("drafts/") for n in found)
    assert not_private(found, home) == {}


def loosen(home: Path) -> None:
    """The modes an older certmerge left under umask 022."""
    for p in [home, *home.rglob("*")]:
        os.chmod(p, 0o755 if p.is_dir() else 0o644)


def test_an_old_home_is_tightened_and_doctor_says_so(tmp_path):
    home, inbox = tmp_path / "home", inbox_with_mail(tmp_path)
    for args in (["init", "--from", str(CASE_TOML)], ["submitted"], ["watch", "--once", "--source", str(inbox)]):
        assert run_cli(home, *args).returncode == 0
    loosen(home)
    assert len(not_private(modes(home), home)) >= 6
    r = run_cli(home, "doctor", extra_env={"COLUMNS": "250"})
    assert "tightened" in r.stdout and "0755 -> 0700" in r.stdout and "0644 -> 0600" in r.stdout, r.stdout
    assert not_private(modes(home), home) == {}
    assert "only you can read it" in run_cli(home, "doctor", extra_env={"COLUMNS": "250"}).stdout
    loosen(home)
    assert run_cli(home, "status").returncode == 0  # any command that opens the home tightens it
    assert not_private(modes(home), home) == {}
    assert "home made private" in (home / "logs" / "certmerge.log").read_text()


def test_a_shared_directory_is_never_changed_but_reported(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)  # like /tmp
    private_dir(shared)
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    [line] = tighten_home(shared)
    assert "left so" in line and "use a home of your own" in line


def test_tighten_never_follows_a_symlink(tmp_path):
    home = tmp_path / "home"
    (home / "drafts").mkdir(parents=True)
    outside = tmp_path / "outside.txt"
    outside.write_text("x")
    os.chmod(outside, 0o644)
    (home / "drafts" / "link.eml").symlink_to(outside)
    tighten_home(home)
    assert stat.S_IMODE(outside.stat().st_mode) == 0o644
