"""certmerge's schema migrations (Alembic), run from code: users need no alembic.ini.

The revisions are in versions/ (shipped in the package). store_open.py imports this module only when a
database needs an upgrade; the normal open path compares the alembic_version row with
`store_schema.HEAD` in plain SQL.

Adding a revision (a table, a column):
1. change the tables in store_schema.py (or store_notify.py);
2. `python -m certmerge.migrations revision "what it adds"` writes versions/NNNN_what_it_adds.py, generated
   by comparing the tables with a database at the current head; read it and fix what it guessed;
3. set `HEAD` in store_schema.py to the new revision id. tests/test_migrations.py fails until HEAD is the
   scripts' head and a database migrated from nothing equals the tables, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent


def config(connection=None):
    """An Alembic Config for these scripts, run on `connection` (in the caller's transaction)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    cfg.attributes["connection"] = connection
    return cfg


def script():
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(config())


def head() -> str:
    return script().get_current_head()


def known(revision: str) -> bool:
    """Whether `revision` is one of these scripts (else the database is newer than this program)."""
    from alembic.util import CommandError

    try:
        return script().get_revision(revision) is not None
    except CommandError:
        return False


def upgrade_to_head(connection) -> None:
    """Run every missing revision on `connection`, inside its open transaction (the caller commits)."""
    from alembic import command

    command.upgrade(config(connection), "head")
