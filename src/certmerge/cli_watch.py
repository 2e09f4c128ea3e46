"""`certmerge watch`, registered on the main typer app: a mail source (a folder or IMAP), the watcher loop
(watch.py), and what it prints (render.OutcomeReport: each mail that matters, one line for the rest)."""

from __future__ import annotations

import math
import sys
from pathlib import Path
from typing import Optional

import typer

from .cli_base import _app, _console, cli, handled
from .core.errors import UserError
from .core.i18n import _, nt, t


@cli.command()
@handled
def watch(source: Optional[Path] = typer.Option(None, "--source", help="A folder of .eml files or a Maildir."),
          once: bool = typer.Option(False, "--once", help="One sync, then exit (for cron)."),
          interval: Optional[float] = typer.Option(None, "--interval", help="Seconds between polls (default 60)."),
          as_json: bool = typer.Option(False, "--json", help="One JSON line per notification event on stdout, "
                                                              "instead of text.")) -> None:
    """Watch for support mail, move the case, fire reminders and notify you; say what to do next.

    Example: certmerge watch --source ~/Maildir/support --once"""
    import threading

    from . import render
    from . import watch as watchmod
    from .cli_imap import notify_line
    from .notify import check_urls

    if interval is not None and not (math.isfinite(interval) and interval > 0):  # before a password prompt
        raise UserError(t("--interval {value} is not a number of seconds", value=f"{interval:g}"),
                        _("give a positive number, e.g. --interval 60"))
    app = _app()
    check_urls(app.settings)  # a [notify] URL Apprise cannot use: one line, before anything runs
    err = _console(stderr=True)
    report = render.OutcomeReport(err if as_json else _console())  # stdout holds only the JSON events then
    src = _source(app, source)
    stop = threading.Event()
    watchmod.install_stop_handlers(stop)
    con = report.console
    wait = interval if interval is not None else app.settings.watch.interval
    if not once:
        how = _("IDLE where the server offers it, else a poll") if src.name.startswith("imap:") else _("a poll")
        con.print(t("watching {source} ({how} every {seconds} s; Ctrl-C to stop)", source=src.name, how=how,
                    seconds=f"{wait:g}"), markup=False)
    try:
        events = _json_events if as_json else (lambda rows: render.notices(con, rows))
        n = watchmod.run(app, _Summarised(src, report), once=once, interval=wait, report=report, stop=stop,
                         notify=notify_line(err), events=events)
    finally:
        src.close()
    if once:
        con.print(nt("{n} new mail(s) processed.", "{n} new mail(s) processed.", n), markup=False)


def _json_events(rows: list[dict]) -> None:
    import json

    from .notify import event_json

    for row in rows:
        sys.stdout.write(json.dumps(event_json(row), ensure_ascii=False) + "\n")
    sys.stdout.flush()


class _Summarised:
    """A mail source whose every sync ends with the report's one-line summary (unrelated, duplicates, and
    the files a folder scan skipped by their headers)."""

    def __init__(self, source, report) -> None:
        self._source, self._report = source, report

    def __getattr__(self, name):
        return getattr(self._source, name)

    def fetch_new(self, store):
        yield from self._source.fetch_new(store)
        # only after a whole sync: not while stopping (or after an error), when stdout may be a full pipe
        self._report.end_sync(getattr(self._source, "last_scan", None))


def _source(app, folder: Optional[Path]):
    from .cli_imap import progress_bar
    from .sources.folder import FolderSource

    folder = folder or (Path(app.settings.watch.source) if app.settings.watch.source else None)
    bar = progress_bar(_console(stderr=True)) if sys.stderr.isatty() else None
    if folder:
        return FolderSource(folder, vendors=app.settings.classify.vendor_domains,
                            index_dir=app.settings.home / "folders", progress=bar)
    if app.settings.imap.configured:
        from .sources.imap import ImapSource

        return ImapSource.from_settings(app.settings, progress=progress_bar(_console(stderr=True)))
    raise UserError(_("no mail source configured"), _("give --source FOLDER, or set [imap] host in config.toml"))
