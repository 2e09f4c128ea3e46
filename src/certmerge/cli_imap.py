"""IMAP commands (`certmerge login`, `certmerge doctor`), registered on the main typer app.

Also the rich pieces the IMAP source reports through (a progress bar for a long first scan, the
watcher's reconnect lines), so that sources/imap.py stays free of rich.
"""

from __future__ import annotations

import sys

import typer

from .cli_base import _app, _console, cli, handled
from .core.errors import UserError
from .core.i18n import N_, _, t


def progress_bar(console):
    """A `progress(done, total, folder)` callback for ImapSource that shows a rich progress bar."""
    bars: dict = {}

    def progress(done: int, total: int, folder: str) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        if folder not in bars:
            bar = Progress(TextColumn(t("scanning {folder}", folder=folder)), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                           console=console, transient=True)
            bar.start()
            bars[folder] = (bar, bar.add_task(folder, total=total))
        bar, task = bars[folder]
        bar.update(task, completed=done, total=total)
        if done >= total:
            bar.stop()
            del bars[folder]

    return progress


def notify_line(console):
    """A `notify(line)` callback for watch.run: one line per connection event."""

    def notify(line: str) -> None:
        console.print(line, style="yellow", markup=False, highlight=False)

    return notify


@cli.command()
@handled
def login(password_stdin: bool = typer.Option(False, "--password-stdin",
                                              help="Read the password from standard input (for scripts)."),
          check: bool = typer.Option(True, "--check/--no-check",
                                     help="Log in to the server with it before storing it.")) -> None:
    """Store the IMAP password in the system keyring (service "certmerge", your IMAP username).

    Example: pass show mail/work | certmerge login --password-stdin"""
    import getpass

    from . import secrets

    app = _app()
    imap = app.settings.imap
    if not imap.username:
        raise UserError(_("[imap] username is not set in config.toml"), _("set host and username first (see the README section on IMAP)"))
    if imap.auth != "password":
        raise UserError(t("auth = {auth!r} takes its access token from token_command; there is no password to store", auth=imap.auth),
                        _('set auth = "password" to use a password (or an app password)'))
    if password_stdin:
        value = sys.stdin.readline().rstrip("\r\n")
    else:
        value = getpass.getpass(f"IMAP password for {imap.username}@{imap.host or '?'}: ")
    if not value:
        raise UserError(_("no password given"), _("type it at the prompt, or pipe it with --password-stdin"))
    secret = secrets.Secret(value, "login")
    con = _console()
    if check and imap.host:
        from .sources.imap_session import logout, open_session

        logout(open_session(imap, secret))
        con.print(t("logged in to {host} as {username}", host=imap.host, username=imap.username), markup=False)
    backend = secrets.keyring_set(imap.username, secret.reveal())
    con.print(t('password stored in the system keyring ({backend}), service "certmerge", user {username}', backend=backend, username=imap.username),
              markup=False)
    if imap.password_command or imap.password_env or not imap.use_keyring:
        which = ("password_command" if imap.password_command else
                 "password_env" if imap.password_env else "use_keyring = false")
        con.print(t("note: imap.{which} is set in config.toml and takes precedence over the keyring", which=which), markup=False)


@cli.command()
@handled
def doctor() -> None:
    """Check the IMAP setup step by step: name, connection, TLS, login, capabilities, folders.

    Example: certmerge doctor"""
    from rich.table import Table

    from .sources.imap_doctor import diagnose

    app = _app()
    checks = [home_check(app.settings)] + diagnose(app.settings)
    con = _console()
    table = Table(title=f"certmerge doctor: {app.settings.imap.username}@{app.settings.imap.host}", show_lines=False)
    table.add_column(_("check"))
    table.add_column(_("result"))
    table.add_column(_("how to fix"))
    marks = {True: "[green]" + _("ok") + "[/]", None: "[yellow]" + _("note") + "[/]", False: "[red]" + _("FAILED") + "[/]"}
    for c in checks:
        table.add_row(_(c.name), f"{marks[c.ok]} {_escape(c.result)}", _escape(c.fix))
    con.print(table)
    failed = [c for c in checks if c.ok is False]
    if failed:
        typer.echo(t("error: {name}: {result}", name=_(failed[0].name), result=failed[0].result), err=True)
        raise typer.Exit(failed[0].code)
    con.print(_("all checks passed") + (_(" (see the notes above)") if any(c.ok is None for c in checks) else ""))


def home_check(settings):
    """The doctor's first line: the home is private (tightened now if it was not)."""
    from .privacy import tighten_home
    from .sources.imap_doctor import Check

    if not settings.home.is_dir():
        return Check(N_("home"), None, t("{home} does not exist yet", home=settings.home), _("`certmerge init` creates it (0700)"))
    changed = tighten_home(settings.home, settings.db_file)
    if not changed:
        return Check(N_("home"), True, t("{home}: only you can read it (directories 0700, files 0600)", home=settings.home))
    left = [c for c in changed if "->" not in c]
    return Check(N_("home"), None if not left else False, "tightened: " + "; ".join(changed),
                 "nothing more to do" if not left else "move the home to a directory of your own (--home)")


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)
