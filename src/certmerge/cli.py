"""The command line: parse arguments, call app, render. One error handler turns errors into exit codes.

Errors the user can fix print one line (`error: ...` and a hint) and exit non-zero; anything else prints
one line too and is logged with its traceback under the home's logs/ (shown only with --debug).
"""

from __future__ import annotations

import functools
import json
import logging
import math
import os
import sys
from pathlib import Path
from typing import Optional

import typer

from .errors import CertmergeError, UserError

cli = typer.Typer(help="Follow an AWS Certification account merge through AWS support, by email.",
                  no_args_is_help=True, pretty_exceptions_show_locals=False, add_completion=False)


class Ctx:
    def __init__(self, home: Optional[Path], debug: bool) -> None:
        self.home_arg = home
        self.debug = debug
        self._app = None

    @property
    def app(self):
        if self._app is None:
            from .app import App
            from .config import load_settings

            settings = load_settings(self.home_arg)
            _setup_logging(settings.logs_dir)
            self._app = App(settings)
        return self._app


def _setup_logging(logs_dir: Path) -> None:
    root = logging.getLogger("certmerge")
    if root.handlers:
        return
    from .privacy import PrivateLogFile, private_dir

    try:
        # a new home is made private here; an older one is tightened when the store opens, and by doctor
        private_dir(logs_dir.parent, tighten=False)
        private_dir(logs_dir, tighten=False)
        handler = PrivateLogFile(logs_dir / "certmerge.log")
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def _console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=not sys.stdout.isatty())


def handled(fn):
    """Turn certmerge errors into one line on stderr and an exit code."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        ctx = _STATE.get("ctx")
        try:
            return fn(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except UserError as exc:
            _fail(str(exc), exc.hint, exc.exit_code)
        except KeyboardInterrupt:
            _fail("interrupted", "", 130)
        except (CertmergeError, Exception) as exc:  # noqa: BLE001 - the last line of defence
            if ctx and ctx.debug:
                raise
            logging.getLogger("certmerge").exception("internal error")
            _fail(f"internal error ({exc.__class__.__name__})", "run again with --debug for details; "
                  "the traceback is in the home's logs/certmerge.log", 1)

    return wrapper


def _fail(message: str, hint: str, code: int) -> None:
    line = f"error: {message}" + (f" (hint: {hint})" if hint else "")
    typer.echo(line, err=True)
    raise typer.Exit(code)


@cli.callback()
def _main(ctx: typer.Context,
          home: Optional[Path] = typer.Option(None, "--home", envvar="CERTMERGE_HOME",
                                              help="Where certmerge keeps everything (default: the user data dir)."),
          debug: bool = typer.Option(False, "--debug", help="Show tracebacks of internal errors.")) -> None:
    """certmerge: one support case, from the web form to a verified merge."""
    ctx.obj = _STATE["ctx"] = Ctx(home, debug)


_STATE: dict[str, Ctx] = {}


def _app():
    return _STATE["ctx"].app


# --- setting up ---------------------------------------------------------------------------------
@cli.command()
@handled
def init(from_file: Optional[Path] = typer.Option(None, "--from", help="Read the case from a case.toml file."),
         new: bool = typer.Option(False, "--new", help="Start another case beside the existing one.")) -> None:
    """Record both accounts, what to keep and why (interactively, or --from case.toml)."""
    from .casefile import load_casefile

    from .prompts import prompt_casefile

    cf = load_casefile(from_file) if from_file else prompt_casefile()
    app = _app()
    case = app.init_case(cf, new=new)
    con = _console()
    route = "support case (both accounts hold certifications)" if cf.route == "support" else "self-service in the portal"
    con.print(f"Case {case['id']} recorded in {app.settings.home}: {cf.source.account_id} → "
              f"{cf.target.account_id} (kept). Route: {route}.")
    from .render import action_text

    con.print(f"next: {action_text(app.next_action(case))}", markup=False)


@cli.command()
@handled
def form(case: Optional[int] = typer.Option(None, "--case", help="Case number (default: the newest).")) -> None:
    """Print what to enter on the support page, and the ready 'How can we help' text."""
    from . import form as formmod
    from .render import steps

    app = _app()
    row = app.case(case)
    cf = app.casefile(row)
    con = _console()
    if cf.route == "self_service":
        steps(con, "Self-service merge (at most one account holds certifications)", formmod.self_service_steps(cf))
        con.print("If the portal refuses the merge, open a support case with these steps:")
    steps(con, "AWS Training and Certification support page", formmod.form_steps(cf), formmod.help_text(cf))


@cli.command()
@handled
def submitted(case: Optional[int] = typer.Option(None, "--case"),
              case_id: Optional[str] = typer.Option(None, "--case-id", help="The support case number, if shown.")) -> None:
    """Record that the support case was created on the web form."""
    app = _app()
    row = app.submitted(app.case(case), case_id)
    _print_state(app, row)


@cli.command()
@handled
def sent(case: Optional[int] = typer.Option(None, "--case")) -> None:
    """Record that your reply went out (the IMAP watcher notices it by itself)."""
    app = _app()
    row = app.case(case)
    left = app.unsent_placeholders(row)
    _print_state(app, app.sent(row))
    if left:
        typer.echo(f"warning: your draft still held {len(left)} placeholder(s) ({left[0][:80]}...): if it went out "
                   "like that, send support the missing answer", err=True)


@cli.command()
@handled
def answer(key: str = typer.Argument(..., help="choice, profile_name, builder_id_email, credly_email, benefit_plan "
                                               "or note."),
           value: str = typer.Argument(..., help="Your answer, as support should read it."),
           case: Optional[int] = typer.Option(None, "--case")) -> None:
    """Tell certmerge what only you know (the option you choose, your profile name...); drafts then use it.

    Example: certmerge answer choice B"""
    app = _app()
    row = app.answer(app.case(case), key, value)
    typer.echo(f"recorded {key} for case {row['id']}; run `certmerge draft` to write the reply with it")


@cli.command()
@handled
def accept(message: str = typer.Argument(..., help="A stored mail's number (from `certmerge status`)."),
           ) -> None:
    """Act on a mail that could not move the case by itself (support mail forwarded to you by someone else).

    Example: certmerge accept 7"""
    app = _app()
    _msg, summary = app.accept(message)
    typer.echo(summary)


def _print_state(app, row) -> None:
    from .render import action_text

    typer.echo(f"case {row['id']}: {row['state']}")
    typer.echo(f"next: {action_text(app.next_action(row))}")


@cli.command()
@handled
def verify(case: Optional[int] = typer.Option(None, "--case"),
           all_ok: bool = typer.Option(False, "--all-ok", help="Everything moved, badges included."),
           missing_cert: list[str] = typer.Option([], "--missing-cert", help="A certification that did not move."),
           missing_benefit: list[str] = typer.Option([], "--missing-benefit", help="A benefit that did not move."),
           credly_missing: bool = typer.Option(False, "--credly-missing", help="The Credly badges did not move.")) -> None:
    """Record the checks after the merge: certifications, benefits, Credly badges."""
    from .app import VerifyAnswers
    from .prompts import prompt_verify

    app = _app()
    row = app.case(case)
    if all_ok or missing_cert or missing_benefit or credly_missing:
        answers = VerifyAnswers(tuple(missing_cert), tuple(missing_benefit), not credly_missing)
    else:
        answers = prompt_verify(app.casefile(row))
    _print_state(app, app.verify(row, answers))


# --- mail -----------------------------------------------------------------------------------------
@cli.command()
@handled
def classify(files: list[Path] = typer.Argument(..., help="Mail files (.eml) or folders of them."),
             as_json: bool = typer.Option(False, "--json", help="One JSON object per line.")) -> None:
    """Classify mail files without touching the case."""
    from .app import App, classify_report, iter_files
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
        what = f"{failed[0]['file']}: {failed[0]['error']}" if failed else "no mail files found"
        more = f" (and {len(failed) - 1} more)" if len(failed) > 1 else ""
        _fail(what + more, "give mail files (.eml) or folders of them", 2)


@cli.command()
@handled
def watch(source: Optional[Path] = typer.Option(None, "--source", help="A folder of .eml files or a Maildir."),
          once: bool = typer.Option(False, "--once", help="One sync, then exit (for cron)."),
          interval: Optional[float] = typer.Option(None, "--interval", help="Seconds between polls (default 60)."),
          as_json: bool = typer.Option(False, "--json", help="One JSON line per notification event on stdout, "
                                                              "instead of text.")) -> None:
    """Watch for support mail, move the case, fire reminders and notify you; say what to do next."""
    import threading

    from . import render
    from . import watch as watchmod
    from .notify import check_urls

    if interval is not None and not (math.isfinite(interval) and interval > 0):  # before a password prompt
        raise UserError(f"--interval {interval:g} is not a number of seconds", "give a positive number, e.g. --interval 60")
    app = _app()
    check_urls(app.settings)  # a [notify] URL Apprise cannot use: one line, before anything runs
    src = _source(app, source)
    stop = threading.Event()
    watchmod.install_stop_handlers(stop)
    con = _console()
    wait = interval if interval is not None else app.settings.watch.interval
    from .cli_imap import notify_line

    err = _console(stderr=True)
    if not once:
        how = "IDLE where the server offers it, else a poll" if src.name.startswith("imap:") else "a poll"
        (err if as_json else con).print(f"watching {src.name} ({how} every {wait:g} s; Ctrl-C to stop)", markup=False)
    report = (lambda o: None) if as_json else (lambda o: render.outcomes(con, o))
    events = _json_events if as_json else (lambda evs: render.notices(con, evs))
    try:
        n = watchmod.run(app, src, once=once, interval=wait, report=report, stop=stop, notify=notify_line(err),
                         events=events)
    finally:
        src.close()
    if once:
        (err if as_json else con).print(f"{n} new mail(s) processed.")


def _json_events(rows: list[dict]) -> None:
    from .notify import event_json

    for row in rows:
        sys.stdout.write(json.dumps(event_json(row), ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _source(app, folder: Optional[Path]):
    from .sources.folder import FolderSource

    folder = folder or (Path(app.settings.watch.source) if app.settings.watch.source else None)
    if folder:
        return FolderSource(folder)
    if app.settings.imap.configured:
        from .cli_imap import progress_bar
        from .sources.imap import ImapSource

        return ImapSource.from_settings(app.settings, progress=progress_bar(_console(stderr=True)))
    raise UserError("no mail source configured", "give --source FOLDER, or set [imap] host in config.toml")


@cli.command()
@handled
def status(as_json: bool = typer.Option(False, "--json", help="Machine-readable output.")) -> None:
    """The case, its state, the next action, the latest mail and the history."""
    from . import render
    from .jsonview import status_json

    app = _app()
    items, kept = _status_items(app)
    if as_json:
        typer.echo(json.dumps(status_json(items, kept), ensure_ascii=False, indent=2))
        return
    con = _console()
    if con.is_terminal:
        render.status(con, items, kept, app.clock())
    else:
        typer.echo(render.status_plain(items, kept, app.clock()))


def _status_items(app) -> tuple[list, list]:
    """(cases, quarantined mail); a home without a database yet has neither."""
    from .home import NoCase

    try:
        return app.status(), app.quarantined()
    except NoCase:
        return [], []


@cli.command()
@handled
def draft(case: Optional[int] = typer.Option(None, "--case"),
          purpose: Optional[str] = typer.Option(None, "--purpose",
                                                help="confirm_merge, info_reply, credly_reply, credly_request, keep_open, "
                                                     "reopen, follow_up or report_missing (default: what is due)."),
          show: bool = typer.Option(True, "--show/--quiet", help="Print the draft.")) -> None:
    """Write the reply that is due as an .eml in drafts/ (and the IMAP Drafts folder when configured)."""
    from .drafts import PURPOSES, placeholders

    if purpose and purpose not in PURPOSES:
        raise UserError(f"unknown purpose {purpose!r}", "one of: " + ", ".join(PURPOSES))
    app = _app()
    path, msg = app.draft(app.case(case), purpose)
    typer.echo(f"draft written: {path}")
    if app.settings.imap.configured:
        from .sources.imap import append_draft

        typer.echo(append_draft(app.settings, msg))
    if show:
        typer.echo(msg.as_string())
    left = placeholders(msg.get_content())
    if left:
        typer.echo(f"{len(left)} placeholder(s) to fill in before sending (or answer them and draft again):", err=True)
        for p in left:
            typer.echo(f"  {p}", err=True)
    typer.echo("Send it from your mail client, then run `certmerge sent` (the IMAP watcher notices it itself).")


@cli.command()
@handled
def explain(message: str = typer.Argument(..., help="A stored mail's number or Message-ID, or a mail file.")) -> None:
    """Show which rules fired on which text, and why the mail is (un)trusted."""
    from . import render
    from .app import classify_report
    from .parse import inspect

    app = _app()
    path = Path(message)
    if path.is_file():
        report = classify_report(app, path)
        if "error" in report:
            raise UserError(f"{path}: {report['error']}")
        mail, cls = app.classify_raw(path.read_bytes())
        info = {**report, "reasons": [[r.rule, r.field, r.text, r.weight] for r in cls.reasons],
                "text": mail.new_text, **inspect(path.read_bytes())}
    else:
        stored = app.store.message(message)
        if not stored:
            raise UserError(f"no stored mail {message!r} and no such file", "`certmerge status` lists mail numbers")
        info = {**stored, "case_id": stored["vendor_case_id"]}
    render.explain(_console(), info)


@cli.command()
@handled
def relabel(message: str = typer.Argument(..., help="A stored mail's number or Message-ID."),
            kind: str = typer.Argument(..., help="The right kind.")) -> None:
    """Correct a mail's kind; the lifecycle re-runs from that mail and the correction is kept in the history."""
    from .model import MailKind

    try:
        k = MailKind(kind)
    except ValueError:
        raise UserError(f"unknown kind {kind!r}", "one of: " + ", ".join(m.value for m in MailKind)) from None
    app = _app()
    _msg, summary = app.relabel(message, k)
    typer.echo(summary)


@cli.command("export")
@handled
def export_cmd(output: Optional[Path] = typer.Argument(None, help="File to write (default: standard output).")) -> None:
    """Write every case, mail record, history event, draft and folder position as JSON."""
    text = json.dumps(_app().export_data(), ensure_ascii=False, indent=1)
    if output is None:
        typer.echo(text)
        return
    from .privacy import replace_private

    try:
        replace_private(output, text.encode("utf-8"))  # 0600: the export holds the whole case
    except OSError as exc:
        raise UserError(f"cannot write {output} ({exc.strerror})", "check the path and free disk space") from None
    typer.echo(f"exported to {output}")


@cli.command("import")
@handled
def import_cmd(file: Path = typer.Argument(..., help="A file written by `certmerge export`.")) -> None:
    """Restore an export into an empty home (all or nothing)."""
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UserError(f"cannot read {file} ({exc.strerror})") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise UserError(f"{file} is not valid JSON ({exc})", "use a file written by `certmerge export`") from None
    n = _app().import_data(data)
    typer.echo(f"imported {n} case(s)")


@cli.command()
@handled
def demo(keep: bool = typer.Option(False, "--keep", help="Keep the demo's temporary home afterwards."),
         pause: float = typer.Option(0.0, "--pause", help="Seconds to pause between mails.")) -> None:
    """Play a whole merge case from the bundled sample mail, offline, in a temporary home."""
    from .demo import run_demo

    run_demo(_console(), keep=keep, pause=pause)


from . import cli_imap  # noqa: E402,F401 - registers login and doctor on `cli`
from . import cli_service  # noqa: E402,F401 - registers `service install | uninstall | status`


def main() -> None:
    os.umask(0o077)  # whatever certmerge or a library below it creates is private (privacy.py sets modes too)
    cli()
