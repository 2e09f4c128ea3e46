"""The command line: parse arguments, call app, render. One error handler turns errors into exit codes.

Errors the user can fix print one line (`error: ...` and a hint) and exit non-zero; anything else prints
one line too and is logged with its traceback under the home's logs/ (shown only with --debug).
"""

from __future__ import annotations

import functools
import logging
import os
import sys
from pathlib import Path
from typing import Optional

import typer
from typer.core import TyperGroup

from .errors import CertmergeError, UserError
from .i18n import _, nt, t

GLOBAL_OPTIONS = {"--home": True, "--debug": False}  # name -> takes a value


class _Group(TyperGroup):
    """Global options are accepted after the command too (`certmerge status --home D`): they are moved
    in front of it before click parses (up to a `--`, after which everything is an argument)."""

    def parse_args(self, ctx, args):  # noqa: ANN001 - click's signature
        translate_help(self)
        return super().parse_args(ctx, hoist_global_options(list(args), set(self.commands)))


def help_texts(group) -> list[str]:
    """Every help text of the command tree (the group's, each command's, each option's and argument's)."""
    out: list[str] = []
    for cmd in [group, *group.commands.values()]:
        for text in [cmd.help, *(getattr(p, "help", None) for p in cmd.params)]:
            if text and text not in out:
                out.append(text)
    return out


def translate_help(group) -> None:
    """`--help` in the environment's language: the texts are catalog entries (tests/test_i18n.py checks)."""
    from . import i18n

    if i18n.env_language() == "en":
        return
    i18n.use(i18n.env_language())
    for cmd in [group, *group.commands.values()]:
        cmd.help = _(cmd.help) if cmd.help else cmd.help
        for p in cmd.params:
            if getattr(p, "help", None):
                p.help = _(p.help)


def hoist_global_options(args: list[str], commands: set[str]) -> list[str]:
    """`args` with the global options that follow the command name moved before it."""
    pos = next((i for i, a in enumerate(args) if a in commands), None)
    if pos is None:
        return args
    head, rest, moved = args[:pos], [], []
    tail = args[pos:]
    i = 0
    while i < len(tail):
        arg = tail[i]
        if arg == "--":
            rest += tail[i:]
            break
        name = arg.split("=", 1)[0]
        if name in GLOBAL_OPTIONS and i > 0:
            takes_value = GLOBAL_OPTIONS[name] and "=" not in arg
            moved += tail[i:i + 2] if takes_value else [arg]
            i += 2 if takes_value else 1
            continue
        rest.append(arg)
        i += 1
    return head + moved + rest


cli = typer.Typer(cls=_Group, help="Follow an AWS Certification account merge through AWS support, by email.",
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
            self._app = App(settings, on_open=_case_language)
        return self._app


def _case_language(store) -> None:
    """The interface speaks the newest case's language (else the environment's, set at the start)."""
    from . import i18n

    cases = store.cases()
    if cases:
        i18n.use(cases[-1]["language"])


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


def _console(stderr: bool = False, soft_wrap: bool | None = None):
    from rich.console import Console

    wrap = not (sys.stderr if stderr else sys.stdout).isatty() if soft_wrap is None else soft_wrap
    return Console(stderr=stderr, highlight=False, soft_wrap=wrap)


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
            _fail(_("interrupted"), "", 130)
        except (CertmergeError, Exception) as exc:  # noqa: BLE001 - the last line of defence
            if ctx and ctx.debug:
                raise
            logging.getLogger("certmerge").exception("internal error")
            _fail(t("internal error ({name})", name=exc.__class__.__name__),
                  _("run again with --debug for details; the traceback is in the home's logs/certmerge.log"), 1)

    return wrapper


def _fail(message: str, hint: str, code: int) -> None:
    line = t("error: {message}", message=message) + (t(" (hint: {hint})", hint=hint) if hint else "")
    typer.echo(line, err=True)
    raise typer.Exit(code)


def _print_version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"certmerge {__version__}")
        raise typer.Exit()


@cli.callback()
def _main(ctx: typer.Context,
          home: Optional[Path] = typer.Option(None, "--home", envvar="CERTMERGE_HOME",
                                              help="Where certmerge keeps everything (default: the user data dir)."),
          debug: bool = typer.Option(False, "--debug", help="Show tracebacks of internal errors."),
          _version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                        help="Print certmerge's version and exit.")) -> None:
    """certmerge: one support case, from the web form to a verified merge.

    Global options may also follow the command: certmerge status --home ~/merge"""
    from . import i18n

    i18n.use(i18n.env_language())  # until a case says otherwise (Ctx.app)
    ctx.obj = _STATE["ctx"] = Ctx(home, debug)


_STATE: dict[str, Ctx] = {}


def _app():
    return _STATE["ctx"].app


# --- setting up ---------------------------------------------------------------------------------
@cli.command()
@handled
def init(from_file: Optional[Path] = typer.Option(None, "--from", help="Read the case from a case.toml file."),
         new: bool = typer.Option(False, "--new", help="Start another case beside the existing one.")) -> None:
    """Record both accounts, what to keep and why (interactively, or --from case.toml).

    Example: certmerge init --from case.toml"""
    from . import i18n
    from .casefile import load_casefile
    from .prompts import prompt_casefile
    from .render import action_text

    cf = load_casefile(from_file) if from_file else prompt_casefile()
    app = _app()
    case = app.init_case(cf, new=new)
    i18n.use(cf.language.value)
    route = (_("support case (both accounts hold certifications)") if cf.route == "support"
             else _("self-service in the portal"))
    typer.echo(t("Case {id} recorded in {home}: {source} → {target} (kept). Route: {route}.", id=case["id"],
                 home=app.settings.home, source=cf.source.account_id, target=cf.target.account_id, route=route))
    typer.echo(t("next: {action}", action=action_text(app.next_action(case))))


@cli.command()
@handled
def form(case: Optional[int] = typer.Option(None, "--case", help="Case number (default: the newest)."),
         text_only: bool = typer.Option(False, "--text", help="Print only the text to paste into \"How can we help?\".")
         ) -> None:
    """Print what to enter on the support page, and the ready 'How can we help' text (never cropped).

    Example: certmerge form --text | pbcopy"""
    from . import form as formmod
    from . import render

    app = _app()
    cf = app.casefile(app.case(case))
    text = formmod.help_text(cf)
    if text_only:
        typer.echo(text)
        return
    con = _console(soft_wrap=True)
    if cf.route == "self_service":
        render.form(con, _("Self-service merge (at most one account holds certifications)"),
                    formmod.self_service_steps(cf))
        con.print(_("If the portal refuses the merge, open a support case with these steps:"), markup=False)
    render.form(con, _("AWS Training and Certification support page"), formmod.form_steps(cf))
    con.print()
    con.print(_('Text for "How can we help?" (only this text: certmerge form --text)'), style="bold", markup=False)
    typer.echo(text)


@cli.command()
@handled
def submitted(case: Optional[int] = typer.Option(None, "--case", help="Case number (default: the newest)."),
              case_id: Optional[str] = typer.Option(None, "--case-id", help="The support case number, if shown.")) -> None:
    """Record that the support case was created on the web form.

    Example: certmerge submitted --case-id 176530418200731"""
    app = _app()
    row = app.submitted(app.case(case), case_id)
    _print_state(app, row)


@cli.command()
@handled
def sent(case: Optional[int] = typer.Option(None, "--case", help="Case number (default: the newest).")) -> None:
    """Record that your reply went out (the IMAP watcher notices it by itself).

    Example: certmerge sent"""
    app = _app()
    row = app.case(case)
    left = app.unsent_placeholders(row)
    _print_state(app, app.sent(row))
    if left:
        typer.echo(nt("warning: your draft still held {n} placeholder ({first}...): if it went out like that, send "
                      "support the missing answer",
                      "warning: your draft still held {n} placeholders ({first}...): if it went out like that, send "
                      "support the missing answers", len(left), first=left[0][:80]), err=True)


@cli.command()
@handled
def answer(key: str = typer.Argument(..., help="choice, profile_name, builder_id_email, credly_email, benefit_plan "
                                               "or note."),
           value: str = typer.Argument(..., help="Your answer, as support should read it."),
           case: Optional[int] = typer.Option(None, "--case", help="Case number (default: the newest).")) -> None:
    """Tell certmerge what only you know (the option you choose, your profile name...); drafts then use it.

    Example: certmerge answer choice B"""
    app = _app()
    row = app.answer(app.case(case), key, value)
    typer.echo(t("recorded {key} for case {id}; run `certmerge draft` to write the reply with it", key=key, id=row["id"]))


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
    from . import labels
    from .render import action_text

    typer.echo(t("case {id}: {state}", id=row["id"], state=labels.state(row["state"])))
    typer.echo(t("next: {action}", action=action_text(app.next_action(row))))


@cli.command()
@handled
def verify(case: Optional[int] = typer.Option(None, "--case", help="Case number (default: the newest)."),
           all_ok: bool = typer.Option(False, "--all-ok", help="Everything moved, badges included."),
           missing_cert: list[str] = typer.Option([], "--missing-cert", help="A certification that did not move."),
           missing_benefit: list[str] = typer.Option([], "--missing-benefit", help="A benefit that did not move."),
           credly_missing: bool = typer.Option(False, "--credly-missing", help="The Credly badges did not move.")) -> None:
    """Record the checks after the merge: certifications, benefits, Credly badges.

    Example: certmerge verify --credly-missing"""
    from .app import VerifyAnswers
    from .prompts import prompt_verify

    app = _app()
    row = app.case(case)
    if all_ok or missing_cert or missing_benefit or credly_missing:
        answers = VerifyAnswers(tuple(missing_cert), tuple(missing_benefit), not credly_missing)
    else:
        answers = prompt_verify(app.casefile(row))
    _print_state(app, app.verify(row, answers))


@cli.command()
@handled
def status(as_json: bool = typer.Option(False, "--json", help="Everything, machine-readable (see the README)."),
           full: bool = typer.Option(False, "--full", help="Every mail and the whole history (paged on a terminal)."),
           limit: Optional[int] = typer.Option(None, "--limit", min=1,
                                               help="With --json or --full: only the newest N mails of each case.")
           ) -> None:
    """The case in one screen: its state, the next action with its deadline, the latest mail.

    Example: certmerge status --full"""
    from .cli_views import show_status

    show_status(_app(), as_json=as_json, full=full, limit=limit)


@cli.command()
@handled
def draft(case: Optional[int] = typer.Option(None, "--case", help="Case number (default: the newest)."),
          purpose: Optional[str] = typer.Option(None, "--purpose",
                                                help="confirm_merge, info_reply, credly_reply, credly_request, keep_open, "
                                                     "reopen, follow_up or report_missing (default: what is due)."),
          show: bool = typer.Option(True, "--show/--quiet", help="Print the draft.")) -> None:
    """Write the reply that is due as an .eml in drafts/ (and the IMAP Drafts folder when configured), and show
    it as text.

    Example: certmerge draft --purpose follow_up"""
    from .cli_views import show_draft

    show_draft(_app(), case, purpose, show)



from . import cli_home, cli_imap, cli_mail, cli_service, cli_watch  # noqa: E402,F401 - register their commands on `cli`


def main() -> None:
    os.umask(0o077)  # whatever certmerge or a library below it creates is private (privacy.py sets modes too)
    cli()
