"""Commands about the home and the shell, registered on the main typer app: `where`, `completion`,
`export`, `import`, `demo`."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Optional

import typer

from .cli_base import _STATE, _app, _console, cli, handled
from .core.errors import UserError
from .core.i18n import _, t

SHELLS = ("bash", "zsh", "fish", "powershell")
COMPLETE_VAR = "_CERTMERGE_COMPLETE"


@cli.command()
@handled
def where(as_json: bool = typer.Option(False, "--json", help="The same, as JSON.")) -> None:
    """Print where certmerge keeps everything: the home, its config, database, drafts, logs and quarantine.

    Example: certmerge where"""
    from .config import load_settings
    from .store_open import shown as _shown

    s = load_settings(_STATE["ctx"].home_arg)  # nothing is created or opened
    paths = {"home": str(s.home), "config": str(s.config_path), "database": _shown(s.db_url),
             "drafts": str(s.drafts_dir), "logs": str(s.logs_dir / "certmerge.log"), "quarantine": str(s.quarantine_dir)}
    if as_json:
        typer.echo(json.dumps(paths, ensure_ascii=False, indent=2))
        return
    names = {"home": _("home"), "config": _("config"), "database": _("database"), "drafts": _("drafts"),
             "logs": _("log"), "quarantine": _("quarantine")}
    width = max(len(v) for v in names.values())
    for key, value in paths.items():
        typer.echo(f"{names[key] + ':':<{width + 1}} {value}")


@cli.command()
@handled
def completion(shell: Optional[str] = typer.Argument(None, help="bash, zsh, fish or powershell (default: $SHELL's)."),
               install: bool = typer.Option(False, "--install", help="Add it to the shell's startup file.")) -> None:
    """Print the shell completion script (or install it with --install).

    Example: eval "$(certmerge completion bash)\""""
    from typer._completion_shared import get_completion_script
    from typer._completion_shared import install as install_script

    shell = shell or Path(os.environ.get("SHELL", "bash")).name
    if shell not in SHELLS:
        raise UserError(t("no completion for the shell {shell!r}", shell=shell),
                        t("one of: {shells}", shells=", ".join(SHELLS)))
    if install:
        done, path = install_script(shell=shell, prog_name="certmerge", complete_var=COMPLETE_VAR)
        typer.echo(t("{shell} completion installed in {path}; it works in new shells", shell=done, path=path))
        return
    typer.echo(get_completion_script(prog_name="certmerge", complete_var=COMPLETE_VAR, shell=shell))


@cli.command("export")
@handled
def export_cmd(output: Optional[Path] = typer.Argument(None, help="File to write (default: standard output).")) -> None:
    """Write every case, mail record, history event, draft and folder position as JSON.

    Example: certmerge export backup.json"""
    text = json.dumps(_app().export_data(), ensure_ascii=False, indent=1)
    if output is None:
        typer.echo(text)
        return
    from .privacy import replace_private

    try:
        replace_private(output, text.encode("utf-8"))  # 0600: the export holds the whole case
    except OSError as exc:
        raise UserError(t("cannot write {path} ({why})", path=output, why=exc.strerror),
                        _("check the path and free disk space")) from None
    typer.echo(t("exported to {path}", path=output))


@cli.command("import")
@handled
def import_cmd(file: Path = typer.Argument(..., help="A file written by `certmerge export`.")) -> None:
    """Restore an export into an empty home (all or nothing).

    Example: certmerge --home ~/merge2 import backup.json"""
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UserError(t("cannot read {path} ({why})", path=file, why=exc.strerror)) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise UserError(t("{path} is not valid JSON ({why})", path=file, why=exc),
                        _("use a file written by `certmerge export`")) from None
    n = _app().import_data(data)
    typer.echo(t("imported {n} case(s)", n=n))


@cli.command()
@handled
def demo(keep: bool = typer.Option(False, "--keep", help="Keep the demo's temporary home afterwards."),
         pause: float = typer.Option(0.0, "--pause", help="Seconds to pause between mails.")) -> None:
    """Play a whole merge case from the bundled sample mail, offline, in a temporary home.

    Example: certmerge demo --pause 1"""
    from .cli_demo import run_demo

    run_demo(_console(), keep=keep, pause=pause)
