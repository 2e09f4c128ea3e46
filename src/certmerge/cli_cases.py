"""Commands about many cases in one home, registered on the main typer app: `cases` (every case, its state
and next action) and `assign` (put a mail that could belong to several cases into one); and the bulk
import that `init --from cases.csv` (or a folder of case files) runs."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Optional

import typer

from .cli_base import _app, cli, handled
from .core.errors import UserError
from .core.i18n import nt, t


@cli.command()
@handled
def cases(as_json: bool = typer.Option(False, "--json", help="The same, machine-readable (see the README)."),
          state: Optional[str] = typer.Option(None, "--state", help="Only the cases in this state.")) -> None:
    """List every case: number, person, state, since when, waiting on whom, the next action.

    Example: certmerge cases --state info_requested"""
    from .core.model import CaseState

    if state is not None and state not in CaseState._value2member_map_:
        raise UserError(t("unknown state {state!r}", state=state),
                        t("one of: {states}", states=", ".join(s.value for s in CaseState)))
    import gc

    # what the imports made lives until the process ends: a full collection while the list is built would walk
    # all of it (one happens at 1,000 cases, ~10-20 ms); freezing it leaves the collector the list's objects
    gc.freeze()
    app = _app()
    items = _overview(app, state)
    now = app.clock()
    if as_json:
        from .jsonview import cases_json

        typer.echo(json.dumps(cases_json(items, now), ensure_ascii=False, indent=2))
        return
    from .render_cases import show

    width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
    typer.echo(show(items, now, width))


def _overview(app, state: str | None) -> list:
    from .home import NoCase

    try:
        return app.overview(state)
    except NoCase:
        return []


@cli.command()
@handled
def assign(message: str = typer.Argument(..., help="A stored mail's number (from `certmerge status`)."),
           case: int = typer.Option(..., "--case", help="The case it belongs to (`certmerge cases` lists them).")
           ) -> None:
    """Put a mail that could belong to several cases into one: it then acts on that case as if routed there.

    Example: certmerge assign 12 --case 3"""
    _msg, summary = _app().assign(message, case)
    typer.echo(summary)


def import_cases(app, path: Path) -> None:
    """`init --from` a CSV file or a folder of case files: every case checked first, then all recorded in one
    transaction (or none); a case already recorded (the same two accounts) is left out, said in one line."""
    from .core.caseimport import load_cases

    found = load_cases(path)
    new, skipped = app.import_cases(found)
    for line in skipped:
        typer.echo(t("left out: {why}", why=line), err=True)
    first = t(" (cases {first} to {last})", first=new[0], last=new[-1]) if new else ""
    typer.echo(nt("{n} case recorded{cases}", "{n} cases recorded{cases}", len(new), cases=first))
