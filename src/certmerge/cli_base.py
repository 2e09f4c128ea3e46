"""What every command module shares: the typer app with its global options, the per-run context (the App,
opened on first use), the console, and the one error handler that turns errors into exit codes.

Errors the user can fix print one line (`error: ...` and a hint) and exit non-zero; anything else prints
one line too and is logged with its traceback under the home's logs/ (shown only with --debug). The command
modules (cli.py, cli_home.py, cli_imap.py, cli_mail.py, cli_service.py, cli_views.py, cli_watch.py) import
this one and register on `cli`; only cli.py imports them, so there is no import cycle (tests/test_layers.py).
"""

from __future__ import annotations

import functools
import logging
import sys
from pathlib import Path
from typing import Optional

import typer
from typer.core import TyperGroup

from .core.errors import CertmergeError, UserError
from .core.i18n import _, t

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
    from .core import i18n

    _library_words(i18n.env_language())
    if i18n.env_language() == "en":
        return
    i18n.use(i18n.env_language())
    for cmd in [group, *group.commands.values()]:
        cmd.help = _(cmd.help) if cmd.help else cmd.help
        for p in cmd.params:
            if getattr(p, "help", None):
                p.help = _(p.help)


# click and typer write their own words ("Usage:", "Options", "Show this message and exit.") with the standard
# library's gettext, as their documentation says to translate them: certmerge's catalog holds them too.
# typer's, as typer 0.28 writes them in English (tests/test_i18n.py compares them with typer's own):
TYPER_WORDS = {"DEPRECATED_STRING": "(deprecated) ", "DEFAULT_STRING": "[default: {}]",
               "ENVVAR_STRING": "[env var: {}]", "REQUIRED_LONG_STRING": "[required]",
               "ARGUMENTS_PANEL_TITLE": "Arguments", "OPTIONS_PANEL_TITLE": "Options",
               "COMMANDS_PANEL_TITLE": "Commands", "ERRORS_PANEL_TITLE": "Error", "ABORTED_TEXT": "Aborted.",
               "RICH_HELP": "Try [blue]'{command_path} {help_option}'[/] for help."}


def _library_words(lang: str) -> None:
    """click's and typer's words in the environment's language `lang`: click asks the standard library's
    gettext at the time it writes (the domain is pointed at certmerge's catalog); typer reads its words when
    typer.rich_utils is imported. That module (and rich's Markdown and Syntax with it: about 0.1 s) is
    imported only when help or an error is shown, so it is not imported here: where it is not loaded yet, it
    will read its words in the domain set here; where it is (a process that ran a command before), they are
    set again (back to English for "en")."""
    import gettext

    from .core import i18n

    if lang == "en":
        gettext.textdomain("messages")
    else:
        gettext.bindtextdomain(i18n.DOMAIN, str(i18n.LOCALE_DIR))
        gettext.textdomain(i18n.DOMAIN)
    ru = sys.modules.get("typer.rich_utils")
    if ru is not None:
        for name, english in TYPER_WORDS.items():
            setattr(ru, name, english if lang == "en" else gettext.gettext(english))


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
    from .core import i18n

    lang = store.newest_language()
    if lang:
        i18n.use(lang)


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
    from .core import i18n

    i18n.use(i18n.env_language())  # until a case says otherwise (Ctx.app)
    ctx.obj = _STATE["ctx"] = Ctx(home, debug)


_STATE: dict[str, Ctx] = {}


def _app():
    return _STATE["ctx"].app
