"""`certmerge service`: the systemd unit passes systemd-analyze verify, the launchd plist parses and says
what it must; install / uninstall drive the service manager (a stand-in systemctl on PATH that records
its arguments); status tells whether a real watcher is alive and when it last reached the mailbox."""

from __future__ import annotations

import os
import plistlib
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import CASE_TOML, SAMPLES, need, run_cli, sigterm_and_wait

ODD_HOME = "my home %h $USER"  # spaces, a systemd specifier and a variable: all must stay literal


def _verify(unit: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    return subprocess.run(["systemd-analyze", "verify", "--user", str(unit)], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "XDG_RUNTIME_DIR": str(runtime)})


def test_the_systemd_unit_passes_systemd_analyze_verify(tmp_path):
    need(shutil.which("systemd-analyze") is not None, "systemd-analyze is not installed (apt-get install systemd)")
    home = tmp_path / ODD_HOME
    r = run_cli(home, "service", "install", "--print", "--platform", "systemd")
    assert r.returncode == 0, r.stderr
    assert not home.exists()  # --print touches nothing
    unit = tmp_path / "certmerge-watch.service"
    unit.write_text(r.stdout)
    checked = _verify(unit, tmp_path)
    assert checked.returncode == 0 and checked.stderr.strip() == "" and checked.stdout.strip() == "", checked.stderr
    text = r.stdout
    assert f'ExecStart="{sys.executable}" "-m" "certmerge" "--home" "{tmp_path}/my home %%h $$USER" "watch"' in text
    for line in ("Restart=on-failure", "RestartPreventExitStatus=2 5", "WantedBy=default.target", "UMask=0077"):
        assert line in text.splitlines()
    broken = tmp_path / "broken.service"  # the checker is not a formality: it refuses what is wrong
    broken.write_text(text.replace("Restart=on-failure", "Restart=sometimes"))
    assert "restart specifier" in _verify(broken, tmp_path).stderr


def test_the_launchd_plist_parses_and_keeps_the_watcher_alive(tmp_path):
    home = tmp_path / ODD_HOME
    r = subprocess.run([sys.executable, "-m", "certmerge", "--home", str(home), "service", "install", "--print",
                        "--platform", "launchd"], capture_output=True, timeout=60)
    assert r.returncode == 0, r.stderr
    plist = plistlib.loads(r.stdout)
    assert plist["ProgramArguments"] == [sys.executable, "-m", "certmerge", "--home", str(home), "watch"]
    assert plist["KeepAlive"] == {"SuccessfulExit": False} and plist["RunAtLoad"] is True
    assert plist["StandardOutPath"] == plist["StandardErrorPath"] == str(home / "logs" / "service.log")
    assert plist["Label"] == "io.github.certmerge.watch" and plist["Umask"] == 0o077
    if shutil.which("plutil"):  # macOS
        path = tmp_path / "agent.plist"
        path.write_bytes(r.stdout)
        assert subprocess.run(["plutil", "-lint", str(path)], capture_output=True).returncode == 0


def _fake_systemctl(tmp_path: Path, fail: bool = False) -> dict:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    log = tmp_path / "systemctl.log"
    script = bin_dir / "systemctl"
    body = 'echo "Failed to connect to bus: No medium found" >&2; exit 1' if fail else \
        'case "$*" in *is-active*) echo active;; esac; exit 0'
    script.write_text(f'#!/bin/sh\necho "$*" >> "{log}"\n{body}\n')
    script.chmod(0o755)
    return {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "XDG_CONFIG_HOME": str(tmp_path / "config")}


def _home_with_case(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    (home / "config.toml").write_text(f'[watch]\nsource = "{SAMPLES}"\n')
    assert run_cli(home, "init", "--from", str(CASE_TOML)).returncode == 0
    return home


def test_install_status_and_uninstall_drive_systemctl(tmp_path):
    home, env = _home_with_case(tmp_path), _fake_systemctl(tmp_path)
    r = run_cli(home, "service", "install", "--platform", "systemd", extra_env=env)
    assert r.returncode == 0, r.stderr
    unit = tmp_path / "config" / "systemd" / "user" / "certmerge-watch.service"
    assert stat.S_IMODE(unit.stat().st_mode) == 0o600 and f'"--home" "{home}"' in unit.read_text()
    calls = (tmp_path / "systemctl.log").read_text().splitlines()
    assert calls == ["--user daemon-reload", "--user enable --now certmerge-watch.service"]
    assert "journalctl --user -u certmerge-watch" in r.stdout
    status = run_cli(home, "service", "status", "--platform", "systemd", extra_env=env)
    assert f"installed at {unit}" in status.stdout and "service manager: active" in status.stdout
    r = run_cli(home, "service", "uninstall", "--platform", "systemd", extra_env=env)
    assert r.returncode == 0 and not unit.exists() and "removed" in r.stdout
    assert (tmp_path / "systemctl.log").read_text().splitlines()[-2:] == [
        "--user disable --now certmerge-watch.service", "--user daemon-reload"]


def test_install_says_in_one_line_what_failed_and_what_to_run(tmp_path):
    home, env = _home_with_case(tmp_path), _fake_systemctl(tmp_path, fail=True)
    r = run_cli(home, "service", "install", "--platform", "systemd", extra_env=env)
    assert r.returncode == 2 and len(r.stderr.splitlines()) == 1 and "Traceback" not in r.stderr
    assert "Failed to connect to bus" in r.stderr and "systemctl --user enable --now certmerge-watch" in r.stderr
    other = "systemd" if sys.platform == "darwin" else "launchd"
    r = run_cli(home, "service", "install", "--platform", other, extra_env=env)
    assert r.returncode == 2 and "cannot be installed on this system" in r.stderr
    empty = tmp_path / "empty"
    r = run_cli(empty, "service", "install", extra_env=env)
    assert r.returncode == 2 and "no case yet" in r.stderr
    (home / "config.toml").write_text("")
    r = run_cli(home, "service", "install", extra_env=env)
    assert r.returncode == 2 and "no mail source configured" in r.stderr


def test_status_tells_whether_the_watcher_is_alive_and_when_it_reached_the_mailbox(tmp_path):
    home, env = _home_with_case(tmp_path), _fake_systemctl(tmp_path)
    r = run_cli(home, "service", "status", extra_env=env)
    assert "watcher: not running" in r.stdout and "never reached" in r.stdout
    proc = subprocess.Popen([sys.executable, "-m", "certmerge", "watch", "--interval", "0.2"],
                            env={**os.environ, "CERTMERGE_HOME": str(home), **env}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        end = time.monotonic() + 30
        while time.monotonic() < end:
            r = run_cli(home, "service", "status", extra_env=env)
            if "last reached" in r.stdout and f"pid {proc.pid})" in r.stdout:
                break
            time.sleep(0.2)
        assert f"watcher: running (pid {proc.pid})" in r.stdout and "(0 min ago)" in r.stdout, r.stdout
    finally:
        sigterm_and_wait(proc)
    r = run_cli(home, "service", "status", extra_env=env)
    assert "watcher: not running" in r.stdout and "last reached" in r.stdout


@pytest.mark.parametrize("kind", ["systemd", "launchd"])
def test_the_service_file_names_this_python_and_the_home(tmp_path, kind):
    from certmerge import service

    out = service.render(kind, tmp_path / "h")
    assert sys.executable.encode() in out and str(tmp_path / "h").encode() in out
