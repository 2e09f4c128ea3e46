"""Commands about single mails, registered on the main typer app: `classify` (files, no case touched),
`explain` (why a mail got its kind and verdict) and `relabel` (correct a kind; the lifecycle re-runs)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from .cli_base import _STATE, _app, _console, _fail, cli, handled
from .core.errors import UserError
from .core.i18n import _, t


@cli.command()
@handled
def classify(files: list[Path] = typer.Argument(..., help="Mail files (.eml) or folders of them."),
             as_json: bool = typer.Option(False, "--json", help="One JSON object per line.")) -> None:
    """Classify mail files without touching the case.

    Example: certmerge classify ~/Downloads/support-reply.eml"""
    from .app import App
    from .app_files import classify_report, iter_files
    from .config import load_settings

    app = App(load_settings(_STATE["ctx"].home_arg))
    reports = [classify_report(app, p) for p in iter_files(files)]
    if as_json:
        for r in reports:
            typer.echo(json.dumps(r, ensure_ascii=False))
    else:
        from .render import classify_table

        classify_table(_console(), reports)
    failed = [r for r in reports if "error" in r]
    if failed or not reports:
        what = f"{failed[0]['file']}: {failed[0]['error']}" if failed else _("no mail files found")
        more = t(" (and {n} more)", n=len(failed) - 1) if len(failed) > 1 else ""
        _fail(what + more, _("give mail files (.eml) or folders of them"), 2)


@cli.command()
@handled
def explain(message: str = typer.Argument(..., help="A stored mail's number or Message-ID, or a mail file.")) -> None:
    """Show which rules fired on which text, and why the mail is (un)trusted.

    Example: certmerge explain 3"""
    from . import render
    from .app_files import explain_file
    from .core.errors import ParseError

    app = _app()
    path = Path(message)
    if path.is_file():
        try:
            info = explain_file(app, path)
        except ParseError as exc:
            raise UserError(str(exc)) from None
    else:
        stored = app.store.message(message)
        if not stored:
            raise UserError(t("no stored mail {ref!r} and no such file", ref=message),
                            _("`certmerge status` lists mail numbers"))
        info = {**stored, "case_id": stored["vendor_case_id"]}
    render.explain(_console(), info)


@cli.command()
@handled
def relabel(message: str = typer.Argument(..., help="A stored mail's number or Message-ID."),
            kind: str = typer.Argument(..., help="The right kind.")) -> None:
    """Correct a mail's kind; the lifecycle re-runs from that mail and the correction is kept in the history.

    Example: certmerge relabel 5 info_request"""
    from .core.model import MailKind

    try:
        k = MailKind(kind)
    except ValueError:
        raise UserError(t("unknown kind {kind!r}", kind=kind),
                        t("one of: {kinds}", kinds=", ".join(m.value for m in MailKind))) from None
    app = _app()
    _msg, summary = app.relabel(message, k)
    typer.echo(summary)
