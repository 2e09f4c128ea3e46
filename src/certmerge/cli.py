"""The command line: parse arguments, call app, render (commands here and in the cli_*.py modules, all on
the one typer app of cli_base.py, which also turns errors into exit codes)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import typer

from .cli_base import _app, _console, cli, handled
from .cli_base import help_texts, hoist_global_options  # noqa: F401 - used from here by scripts and tests
from .core.i18n import _, nt, t


# --- setting up ---------------------------------------------------------------------------------
@cli.command()
@handled
def init(from_file: Optional[Path] = typer.Option(None, "--from", help="Read the case from a case.toml file (or many "
                                                                      "cases from a CSV file or a folder of case files)."),
         new: bool = typer.Option(False, "--new", help="Start another case beside the existing one.")) -> None:
    """Record both accounts, what to keep and why (interactively, or --from case.toml); many cases at once from
    a CSV file or a folder of case files.

    Example: certmerge init --from case.toml"""
    from .core import i18n

    if from_file and (from_file.is_dir() or from_file.suffix.lower() == ".csv"):
        from .cli_cases import import_cases

        return import_cases(_app(), from_file)
    from .core.casefile import load_casefile
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
    from .core import form as formmod
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
def submitted(case: Optional[int] = typer.Option(None, "--case", help="Case number (`certmerge cases` lists them; needed when several are open)."),
              case_id: Optional[str] = typer.Option(None, "--case-id", help="The support case number, if shown.")) -> None:
    """Record that the support case was created on the web form.

    Example: certmerge submitted --case-id 176530418200731"""
    app = _app()
    row = app.submitted(app.case(case, changing=True), case_id)
    _print_state(app, row)


@cli.command()
@handled
def sent(case: Optional[int] = typer.Option(None, "--case", help="Case number (`certmerge cases` lists them; needed when several are open).")) -> None:
    """Record that your reply went out (the IMAP watcher notices it by itself).

    Example: certmerge sent"""
    app = _app()
    row = app.case(case, changing=True)
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
           case: Optional[int] = typer.Option(None, "--case", help="Case number (`certmerge cases` lists them; needed when several are open).")) -> None:
    """Tell certmerge what only you know (the option you choose, your profile name...); drafts then use it.

    Example: certmerge answer choice B"""
    app = _app()
    row = app.answer(app.case(case, changing=True), key, value)
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
    from .core import labels
    from .render import action_text

    typer.echo(t("case {id}: {state}", id=row["id"], state=labels.state(row["state"])))
    typer.echo(t("next: {action}", action=action_text(app.next_action(row))))


@cli.command()
@handled
def verify(case: Optional[int] = typer.Option(None, "--case", help="Case number (`certmerge cases` lists them; needed when several are open)."),
           all_ok: bool = typer.Option(False, "--all-ok", help="Everything moved, badges included."),
           missing_cert: list[str] = typer.Option([], "--missing-cert", help="A certification that did not move."),
           missing_benefit: list[str] = typer.Option([], "--missing-benefit", help="A benefit that did not move."),
           credly_missing: bool = typer.Option(False, "--credly-missing", help="The Credly badges did not move.")) -> None:
    """Record the checks after the merge: certifications, benefits, Credly badges.

    Example: certmerge verify --credly-missing"""
    from .app import VerifyAnswers
    from .prompts import prompt_verify

    app = _app()
    row = app.case(case, changing=True)
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
                                               help="With --json or --full: only the newest N mails of each case."),
           case: Optional[int] = typer.Option(None, "--case", help="Only this case (default: every case).")
           ) -> None:
    """The case in one screen: its state, the next action with its deadline, the latest mail.

    Example: certmerge status --full"""
    from .cli_views import show_status

    show_status(_app(), as_json=as_json, full=full, limit=limit, case=case)


@cli.command()
@handled
def draft(case: Optional[int] = typer.Option(None, "--case", help="Case number (`certmerge cases` lists them; needed when several are open)."),
          purpose: Optional[str] = typer.Option(None, "--purpose",
                                                help="confirm_merge, info_reply, credly_reply, credly_request, keep_open, "
                                                     "reopen, follow_up or report_missing (default: what is due)."),
          show: bool = typer.Option(True, "--show/--quiet", help="Print the draft.")) -> None:
    """Write the reply that is due as an .eml in drafts/ (and the IMAP Drafts folder when configured), and show
    it as text.

    Example: certmerge draft --purpose follow_up"""
    from .cli_views import show_draft

    show_draft(_app(), case, purpose, show)



from . import cli_cases, cli_db, cli_home, cli_imap, cli_mail, cli_service, cli_watch  # noqa: E402,F401 - register their commands on `cli`


def main() -> None:
    os.umask(0o077)  # whatever certmerge or a library below it creates is private (privacy.py sets modes too)
    cli()
