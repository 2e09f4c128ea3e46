"""`certmerge db current | upgrade`: the database's schema revision and its upgrade, registered on the main
typer app."""

from __future__ import annotations

import json

import typer

from .cli_base import _STATE, _app, cli, handled
from .core.i18n import _, t

db_cli = typer.Typer(help="The database's schema: which revision it is, and its upgrade.\n\n"
                          "Example: certmerge db current",
                     no_args_is_help=True)
cli.add_typer(db_cli, name="db")


def _where() -> str:
    from .config import load_settings
    from .store_open import shown

    return shown(load_settings(_STATE["ctx"].home_arg).db_url)


def _said(state: str) -> str:
    if state.startswith("legacy:"):
        return t("schema {n} of a certmerge before migrations", n=state.removeprefix("legacy:"))
    if state == "new":
        return _("none yet (a new, empty database)")
    if state == "unversioned":
        return _("certmerge's tables without a schema version")
    return state


@db_cli.command("current")
@handled
def current(as_json: bool = typer.Option(False, "--json", help="The same, as JSON.")) -> None:
    """Show the database's schema revision and this certmerge's; nothing is changed.

    Example: certmerge db current"""
    from .store_open import newer

    state, head = _app().database_revision()
    up_to_date = state == head
    if as_json:
        typer.echo(json.dumps({"database": _where(), "revision": state, "head": head, "up_to_date": up_to_date}))
        return
    typer.echo(t("database: {where}", where=_where()))
    typer.echo(t("schema revision: {rev}; this certmerge: {head}", rev=_said(state), head=head))
    if newer(state):
        typer.echo(_("the database is newer than this certmerge: upgrade certmerge"))
    elif not up_to_date:
        typer.echo(_("older than this certmerge: `certmerge db upgrade` upgrades it (an SQLite home also upgrades "
                     "itself when opened)"))


@db_cli.command("upgrade")
@handled
def upgrade() -> None:
    """Upgrade the database's schema to this certmerge's.

    A shared PostgreSQL database is upgraded only by this command (back it up first); an SQLite home also
    upgrades itself when opened.

    Example: certmerge db upgrade"""
    before, after = _app().upgrade_database()
    if before == after:
        typer.echo(t("the database {where} is up to date (schema revision {rev})", where=_where(), rev=after))
    else:
        typer.echo(t("the database {where} was upgraded from {before} to schema revision {after}",
                     where=_where(), before=_said(before), after=after))
