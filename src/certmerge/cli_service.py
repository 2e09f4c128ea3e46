"""`certmerge service install | uninstall | status`, registered on the main typer app."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Optional

import typer

from .cli_base import _STATE, _app, cli, handled
from .core.errors import UserError

service_cli = typer.Typer(help="Run the watcher as a service: a systemd user unit (Linux) or a launchd agent (macOS).\n\n"
                               "Example: certmerge service install --print",
                          no_args_is_help=True)
cli.add_typer(service_cli, name="service")

_PLATFORM = typer.Option(None, "--platform", help="systemd or launchd (default: this system's).")


def _settings():
    from .config import load_settings

    return load_settings(_STATE["ctx"].home_arg)


@service_cli.command("install")
@handled
def install(print_only: bool = typer.Option(False, "--print", help="Print the unit (or plist) without installing it."),
            platform: Optional[str] = _PLATFORM) -> None:
    """Write and enable the service that runs `certmerge watch` for this home, restarted when it fails.

    Example: certmerge service install --print"""
    from . import service

    kind = service.platform_kind(platform)
    settings = _settings()
    if print_only:
        sys.stdout.write(service.render(kind, settings.home).decode())
        return
    if kind != service.platform_kind():
        raise UserError(f"a {kind} service cannot be installed on this system", "use --print to see the file")
    _ready(settings)
    for line in service.install(kind, settings.home):
        typer.echo(line)
    where = ("journalctl --user -u certmerge-watch -f" if kind == "systemd"
             else f"tail -f {settings.home / 'logs' / 'service.log'}")
    typer.echo(f"the watcher runs in the background now; what it prints: {where}; `certmerge service status` "
               "says whether it is alive")
    if kind == "systemd":
        typer.echo("to keep it running while you are logged out: loginctl enable-linger \"$USER\"")


def _ready(settings) -> None:
    """Refuse to install a service that would only fail: no case yet, or no mail source."""
    app = _app()
    app.case()  # no case yet: one line, exit 2
    if not (settings.watch.source or settings.imap.configured):
        raise UserError("no mail source configured", "set [imap] host (or [watch] source) in config.toml first")


@service_cli.command("uninstall")
@handled
def uninstall(platform: Optional[str] = _PLATFORM) -> None:
    """Stop and remove the service (the home and its data stay).

    Example: certmerge service uninstall"""
    from . import service

    for line in service.uninstall(service.platform_kind(platform)):
        typer.echo(line)


@service_cli.command("status")
@handled
def status(platform: Optional[str] = _PLATFORM,
           as_json: bool = typer.Option(False, "--json", help="Machine-readable output.")) -> None:
    """Whether the watcher is alive, when it last reached the mailbox, and what waits to be delivered.

    Example: certmerge service status --json"""
    info = _status(platform)
    if as_json:
        typer.echo(json.dumps(info, ensure_ascii=False, indent=2, default=str))
        return
    for line in _lines(info):
        typer.echo(line)


def _status(platform: Optional[str]) -> dict:
    from . import service
    from .home import NoCase

    kind = service.platform_kind(platform)
    app = _app()
    path = service.service_file(kind)
    info = {"platform": kind, "file": str(path), "installed": path.is_file(), "manager": service.manager_state(kind),
            "watcher_pid": service.watcher_pid(app.settings.home), "heartbeat": None, "pending": [],
            "now": app.clock().isoformat()}
    try:
        info["heartbeat"] = app.store.notices.heartbeat()
        info["pending"] = app.store.notices.pending()
    except NoCase:
        pass
    return info


def _ago(t: dt.datetime, now: dt.datetime) -> str:
    mins = int((now - t).total_seconds() // 60)
    return f"{mins} min ago" if mins < 120 else f"{mins // 60} h ago" if mins < 2880 else f"{mins // 1440} days ago"


def _lines(info: dict) -> list[str]:
    now = dt.datetime.fromisoformat(info["now"])
    lines = [f"service: {info['platform']} {'installed at' if info['installed'] else 'not installed (would be'} "
             f"{info['file']}{'' if info['installed'] else ')'}; service manager: {info['manager']}"]
    pid = info["watcher_pid"]
    lines.append(f"watcher: running (pid {pid})" if pid else "watcher: not running")
    hb = info["heartbeat"]
    if not hb:
        lines.append("mailbox: never reached by a watcher of this home")
    else:
        reached = f"last reached {hb['reached_at']:%Y-%m-%d %H:%M:%S} UTC ({_ago(hb['reached_at'], now)})" \
            if hb["reached_at"] else "never reached"
        lines.append(f"mailbox: {hb['source']}: {reached}")
        if hb["failing_since"]:
            lines.append(f"  OUT OF REACH since {hb['failing_since']:%Y-%m-%d %H:%M:%S} UTC: {hb['last_error']}")
        lines.append(f"  last heartbeat {hb['beat_at']:%Y-%m-%d %H:%M:%S} UTC ({_ago(hb['beat_at'], now)}), "
                     f"pid {hb['pid']} on {hb['host']}")
    if not info["pending"]:
        lines.append("notifications: none waiting")
    for p in info["pending"]:
        err = f"; last error: {p['error']}" if p["error"] else ""
        lines.append(f"notifications: {p['count']} waiting for {p['channel']} (next attempt "
                     f"{p['next_at']:%Y-%m-%d %H:%M:%S} UTC, {p['attempts']} failed attempt(s){err})")
    return lines
