"""Running the watcher as a service: a systemd user unit (Linux) or a launchd agent (macOS).

The file runs `python -m certmerge --home HOME watch` with this Python (a virtual environment's too) and
restarts it when it fails: systemd's Restart=on-failure (not after exit 2, a setting to fix, or 5, a
rejected login, which would not fix themselves), launchd's KeepAlive on an unsuccessful exit. systemd
keeps what it prints in the journal; launchd writes it to logs/service.log in the home. The file names the
home (where personal data lives), so it is written 0600.
"""

from __future__ import annotations

import fcntl
import os
import plistlib
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .core.errors import UserError

UNIT_NAME = "certmerge-watch.service"
LABEL = "io.github.certmerge.watch"
KINDS = ("systemd", "launchd")


def platform_kind(name: str | None = None) -> str:
    if name:
        if name not in KINDS:
            raise UserError(f"unknown service platform {name!r}", "use --platform systemd or --platform launchd")
        return name
    return "launchd" if sys.platform == "darwin" else "systemd"


def watch_command(home: Path) -> list[str]:
    return [sys.executable, "-m", "certmerge", "--home", str(Path(home).expanduser().absolute()), "watch"]


def _sd_quote(arg: str) -> str:
    """One argument for ExecStart: double-quoted, with systemd's specifiers (%) and variables ($) literal."""
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%").replace("$", "$$")
    return f'"{escaped}"'


def _sd_env(name: str, value: str) -> str:
    value = value.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%").replace("$", "$$")
    return f'Environment="{name}={value}"'


def systemd_unit(home: Path, path_env: str) -> str:
    argv = " ".join(_sd_quote(a) for a in watch_command(home))
    return "\n".join([
        "# Written by `certmerge service install`; `certmerge service uninstall` removes it.",
        "[Unit]",
        "Description=certmerge: follow the AWS Certification merge case",
        "After=network-online.target",
        "Wants=network-online.target",
        "",
        "[Service]",
        "Type=exec",
        f"ExecStart={argv}",
        "Restart=on-failure",
        "RestartSec=60",
        "# a setting to fix (exit 2) or a rejected login (exit 5) would not fix itself by a restart",
        "RestartPreventExitStatus=2 5",
        "UMask=0077",
        _sd_env("PATH", path_env),
        _sd_env("PYTHONUNBUFFERED", "1"),
        _sd_env("PYTHONIOENCODING", "utf-8"),
        "SyslogIdentifier=certmerge",
        "# what it prints goes to the journal: journalctl --user -u certmerge-watch",
        "",
        "[Install]",
        "WantedBy=default.target",
        "",
    ])


def launchd_plist(home: Path, path_env: str) -> bytes:
    log = str(Path(home).expanduser().absolute() / "logs" / "service.log")
    return plistlib.dumps({
        "Label": LABEL,
        "ProgramArguments": watch_command(home),
        "RunAtLoad": True,
        "KeepAlive": {"SuccessfulExit": False},  # restart when it fails, not when it was stopped
        "ThrottleInterval": 60,
        "ProcessType": "Background",
        "Umask": 0o077,
        "EnvironmentVariables": {"PATH": path_env, "PYTHONUNBUFFERED": "1", "PYTHONIOENCODING": "utf-8"},
        "StandardOutPath": log,
        "StandardErrorPath": log,
    })


def unit_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "systemd" / "user" / UNIT_NAME


def plist_path() -> Path:
    return Path.home() / "Library" / "LaunchAgents" / f"{LABEL}.plist"


def service_file(kind: str) -> Path:
    return unit_path() if kind == "systemd" else plist_path()


def render(kind: str, home: Path) -> bytes:
    path_env = os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin")
    return systemd_unit(home, path_env).encode() if kind == "systemd" else launchd_plist(home, path_env)


@dataclass(frozen=True)
class Step:
    argv: list[str]
    must: bool = True  # a failure stops the install (else it is only reported)


def _manager_steps(kind: str, action: str, path: Path) -> list[Step]:
    if kind == "systemd":
        ctl = ["systemctl", "--user"]
        if action == "install":
            return [Step(ctl + ["daemon-reload"]), Step(ctl + ["enable", "--now", UNIT_NAME])]
        return [Step(ctl + ["disable", "--now", UNIT_NAME], must=False), Step(ctl + ["daemon-reload"], must=False)]
    domain = f"gui/{os.getuid()}"
    if action == "install":
        return [Step(["launchctl", "bootout", f"{domain}/{LABEL}"], must=False),
                Step(["launchctl", "bootstrap", domain, str(path)])]
    return [Step(["launchctl", "bootout", f"{domain}/{LABEL}"], must=False)]


def _run(step: Step) -> str | None:
    """Run one service-manager command; None when it worked, else one line saying why not."""
    try:
        done = subprocess.run(step.argv, capture_output=True, text=True, timeout=60)
    except FileNotFoundError:
        return f"{step.argv[0]} is not available on this system"
    except subprocess.TimeoutExpired:
        return f"`{' '.join(step.argv)}` did not finish within 60 s"
    if done.returncode != 0:
        why = (done.stderr or done.stdout).strip().splitlines()
        return f"`{' '.join(step.argv)}` failed ({why[0][:160] if why else f'exit {done.returncode}'})"
    return None


def install(kind: str, home: Path) -> list[str]:
    """Write the unit or plist (0600) and enable it; lines that tell what was done."""
    from .privacy import private_dir, replace_private, write_private

    path = service_file(kind)
    private_dir(path.parent, tighten=False)
    try:
        replace_private(path, render(kind, home))
    except OSError as exc:
        raise UserError(f"cannot write {path} ({exc.strerror})", "check the permissions of that directory") from None
    lines = [f"wrote {path}"]
    if kind == "launchd":  # launchd would create the log world-readable: make it 0600 first
        log = Path(home) / "logs" / "service.log"
        private_dir(log.parent)
        if not log.exists():
            write_private(log, b"")
    for step in _manager_steps(kind, "install", path):
        why = _run(step)
        if why and step.must:
            raise UserError(f"the service file was written to {path}, but {why}",
                            "enable it by hand: " + _by_hand(kind, path))
        if not why:
            lines.append(f"ran {' '.join(step.argv)}")
    return lines


def _by_hand(kind: str, path: Path) -> str:
    if kind == "systemd":
        return f"systemctl --user daemon-reload && systemctl --user enable --now {UNIT_NAME}"
    return f"launchctl bootstrap gui/{os.getuid()} {path}"


def uninstall(kind: str) -> list[str]:
    path = service_file(kind)
    lines = []
    for step in _manager_steps(kind, "uninstall", path)[:1]:
        why = _run(step)
        lines.append(f"ran {' '.join(step.argv)}" if not why else f"note: {why}")
    if path.exists():
        path.unlink()
        lines.append(f"removed {path}")
    else:
        lines.append(f"{path} was not there")
    for step in _manager_steps(kind, "uninstall", path)[1:]:
        if not _run(step):
            lines.append(f"ran {' '.join(step.argv)}")
    return lines


def manager_state(kind: str) -> str:
    """What the service manager says about the service (one word or a short phrase)."""
    if kind == "systemd":
        argv = ["systemctl", "--user", "is-active", UNIT_NAME]
    else:
        argv = ["launchctl", "print", f"gui/{os.getuid()}/{LABEL}"]
    if shutil.which(argv[0]) is None:
        return f"unknown ({argv[0]} not available)"
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    if kind == "systemd":
        return (done.stdout.strip() or "unknown").splitlines()[0][:40]
    return "loaded" if done.returncode == 0 else "not loaded"


def watcher_pid(home: Path) -> int | None:
    """The pid of the watcher holding the home's lock, or None when no watcher runs there."""
    lock = Path(home) / "watch.lock"
    try:
        fh = open(lock, "r")
    except OSError:
        return None
    with fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            text = fh.read().strip()
            return int(text) if text.isdigit() else -1
        fcntl.flock(fh, fcntl.LOCK_UN)
    return None
