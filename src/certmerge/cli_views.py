"""The bodies of `status` and `draft`: which view, how long, paged or not. Registered commands live in
cli.py; rich views in render.py and render_status.py."""

from __future__ import annotations

import json
import os
import sys

import typer

from .cli_base import _console
from .core.i18n import _, nt


def show_status(app, *, as_json: bool, full: bool, limit: int | None, case: int | None = None) -> None:
    from . import render, render_status
    from .jsonview import status_json

    items, kept = _status_items(app, limit if (as_json or full) else render_status.SHORT_MAILS, case)
    if as_json:
        typer.echo(json.dumps(status_json(items, kept, limit), ensure_ascii=False, indent=2))
        return
    now = app.clock()
    if not full:
        render_status.short(_console(), items, kept, now, render.asks_text)
        return
    con = _console()
    if not con.is_terminal:
        typer.echo(render_status.plain(items, kept, now, render.asks_text))
        return
    with con.capture() as captured:
        render.status_full(con, items, kept, now)
    _page(con, captured.get())


def _page(con, text: str) -> None:
    """Through a pager when longer than the terminal, as git does (less -FRX unless LESS is set)."""
    if text.count("\n") < con.height or os.environ.get("PAGER") == "cat":
        sys.stdout.write(text)
        return
    os.environ.setdefault("LESS", "FRX")
    import pydoc

    pydoc.pager(text)


def _status_items(app, limit: int | None, case: int | None = None) -> tuple[list, list]:
    """(cases, quarantined mail); a home without a database yet has neither."""
    from .home import NoCase

    try:
        return app.status(limit=limit, case=case), app.quarantined()
    except NoCase:
        return [], []


def show_draft(app, case: int | None, purpose: str | None, show: bool) -> None:
    from .core.drafts import PURPOSES, placeholders
    from .core.errors import UserError
    from .core.i18n import t

    if purpose and purpose not in PURPOSES:
        raise UserError(t("unknown purpose {purpose!r}", purpose=purpose), t("one of: {purposes}",
                                                                           purposes=", ".join(PURPOSES)))
    path, msg = app.draft(app.case(case, changing=True), purpose)
    if show:
        from . import render

        render.draft(_console(soft_wrap=True), msg)
        typer.echo("")
    typer.echo(t("draft written: {path}", path=path))
    if app.settings.imap.configured:
        from .sources.imap import append_draft

        typer.echo(append_draft(app.settings, msg))
    left = placeholders(msg.get_content())
    if left:
        typer.echo(nt("{n} placeholder to fill in before sending (or answer it and draft again):",
                      "{n} placeholders to fill in before sending (or answer them and draft again):", len(left)),
                   err=True)
        for p in left:
            typer.echo(f"  {p}", err=True)
    typer.echo(_("Send it from your mail client, then run `certmerge sent` (the IMAP watcher notices it itself)."))
