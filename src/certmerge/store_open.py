"""Opening a database: its URL and driver, SQLite's file checks, and its schema brought to HEAD.

The normal open path reads the alembic_version row with plain SQL and compares it with `HEAD`; Alembic is
imported only when the database needs an upgrade. Policy: a new empty database (either kind) is created at
HEAD; an SQLite home upgrades itself when opened; a PostgreSQL database, shared by a team, is upgraded only by
`certmerge db upgrade`. A database newer than this program is refused, untouched. Two processes opening an
old or new database at once do not both migrate it: the migration runs in a transaction that holds
`pg_advisory_xact_lock` (PostgreSQL) or SQLite's write lock (BEGIN IMMEDIATE), and reads the state again
under it.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Column, MetaData, PrimaryKeyConstraint, String, Table, create_engine, inspect, insert, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError

from .core.errors import StoreError, UserError
from .core.i18n import _, t
from .store_schema import HEAD, LEGACY_VERSIONS, metadata

NEW = "new"  # a database without certmerge's tables
UNVERSIONED = "unversioned"  # certmerge's tables without a schema version: left alone
_LOCK_KEY = 0x63657274_6D657267 & 0x7FFFFFFFFFFFFFFF  # "certmerg": the advisory lock of schema changes
_OURS = {"cases", "messages", "events"}

_version = Table("alembic_version", MetaData(), Column("version_num", String(32), nullable=False),
                 PrimaryKeyConstraint("version_num", name="alembic_version_pkc"))  # as Alembic makes it


def shown(url: str) -> str:
    """A database URL as it may be shown: without its password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return "(not a URL)"


def normalized(url: str) -> str:
    """PostgreSQL URLs without a driver (`postgresql://`, `postgres://`) go through psycopg 3."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


def engine_for(url: str) -> Engine:
    """An engine for the URL, or one line saying what is wrong with it (no password shown)."""
    if url.startswith("postgresql+psycopg:"):
        try:
            import psycopg  # noqa: F401 - only to tell a missing optional driver from a bad URL
        except ImportError:
            raise UserError(t("the database {shown} is PostgreSQL, but its driver (psycopg) is not installed", shown=shown(url)),
                            _("pip install 'certmerge[postgres]'")) from None
    try:
        return create_engine(url)
    except (ArgumentError, ImportError) as exc:  # not a URL, or a database whose driver is not installed
        raise StoreError(t("the database URL {shown} cannot be used ({name}: {value})", shown=shown(url), name=exc.__class__.__name__, value=str(exc).splitlines()[0][:100]),
                         _("fix database_url in config.toml (or CERTMERGE_DATABASE_URL); the default is an "
                         "SQLite file in the home")) from None


_IO_WORDS = ("disk i/o", "disk is full", "unable to open", "readonly", "read-only", "locked", "permission")


def open_error(url: str, exc: Exception) -> StoreError:
    """Tell a server out of reach, a full disk or missing permission apart from a damaged file: the advice
    differs. A database on a server (PostgreSQL) that fails to open is never called damaged: nothing of it
    was read."""
    detail = str(getattr(exc, "orig", exc) or exc).splitlines()[0][:120]
    if not url.startswith("sqlite"):
        return StoreError(t("the database {shown} cannot be reached ({detail})", shown=shown(url), detail=detail),
                          _("check that the database server runs and accepts this user, and database_url "
                            "(the password in ~/.pgpass or PGPASSWORD); nothing was changed"))
    if any(w in detail.lower() for w in _IO_WORDS):
        return StoreError(t("the database {shown} cannot be opened ({detail})", shown=shown(url), detail=detail),
                          _("check free disk space and the permissions of the certmerge home; nothing was changed"))
    return StoreError(t("the database {shown} is damaged ({detail})", shown=shown(url), detail=detail),
                      _("it was left untouched; move it aside and `certmerge import` an export, "
                      "or start over with `certmerge init`"))


def sqlite_pragmas(dbapi_conn, _record) -> None:
    """Every connection's settings. WAL, which stays in the file, is set by `wal` once the schema is known
    to be this program's: a database refused (newer, or not certmerge's) is left byte for byte as it was."""
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout = 10000")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.close()


def wal(engine: Engine, tries: int = 100) -> None:
    """Put the file in WAL mode, once. Switching needs the file to itself, and SQLite reports a busy file
    there at once instead of waiting its busy timeout: several processes opening a new database together
    (a team's watchers starting) try again for up to ~10 s; the first one's switch serves them all."""
    import time

    from sqlalchemy.exc import OperationalError

    with engine.connect() as conn:
        for attempt in range(tries):
            if str(conn.exec_driver_sql("PRAGMA journal_mode").scalar()).lower() == "wal":
                return
            try:
                conn.exec_driver_sql("PRAGMA journal_mode = WAL")
                return
            except OperationalError as exc:
                if "locked" not in str(exc).lower() or attempt == tries - 1:
                    raise
                conn.rollback()
                time.sleep(0.1)


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not an SQLite database, before SQLAlchemy touches it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        header = fh.read(16)
    if header != b"SQLite format 3\x00":
        raise StoreError(t("{path} is not a certmerge database (corrupted or another file)", path=path),
                         _("it was left untouched; move it aside and restore a backup or `certmerge import` an"
                         " export, or start over with `certmerge init`"))


def identity(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


# --- the schema ----------------------------------------------------------------------------------------
def state(conn: Connection) -> str:
    """Where the database's schema is: `NEW`, an Alembic revision, `legacy:N` (certmerge before Alembic, its
    meta row schema_version N) or `UNVERSIONED`. Plain SQL: one or two reads."""
    names = set(inspect(conn).get_table_names())
    if "alembic_version" in names:
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
        if len(rows) == 1:
            return rows[0][0]
    if "meta" in names:
        row = conn.execute(text("SELECT value FROM meta WHERE key = 'schema_version'")).first()
        if row is not None:
            return f"legacy:{row[0]}"
    return UNVERSIONED if names & _OURS else NEW


def current(url: str) -> str:
    """The database's schema state, read only (`certmerge db current`)."""
    url = normalized(url)
    if url.startswith("sqlite:///"):
        check_sqlite_file(Path(url.removeprefix("sqlite:///")))
    engine = engine_for(url)
    try:
        with engine.connect() as conn:
            return state(conn)
    except DatabaseError as exc:
        raise open_error(url, exc) from None
    finally:
        engine.dispose()


def ensure(engine: Engine, url: str, upgrade: bool = False) -> tuple[str, str]:
    """Bring the schema to HEAD where the policy allows it: (the state it found, HEAD). The state found is
    the one read under the lock: of processes opening an old database at once, one finds it old and
    migrates it, the others find it at HEAD."""
    try:
        with engine.connect() as conn:
            before = state(conn)
            conn.rollback()
    except DatabaseError:  # read while another process migrates it (PostgreSQL: `meta` listed, then dropped)
        before = None  # read again under the lock
    if before == HEAD:
        return before, before
    if before is not None:
        _allowed(engine.dialect.name, url, before, upgrade)
    with engine.connect() as conn:
        _lock(conn)
        now = state(conn)  # again under the lock: another process may have done it meanwhile
        if now == NEW:
            metadata.create_all(conn)
            _version.create(conn)
            conn.execute(insert(_version).values(version_num=HEAD))
        elif now != HEAD:
            _allowed(engine.dialect.name, url, now, upgrade)
            from .migrations import upgrade_to_head

            upgrade_to_head(conn)
        conn.commit()
    return now, HEAD


def _lock(conn: Connection) -> None:
    """Hold the lock of schema changes until this connection's transaction ends."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
    elif conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")  # the write lock now, not at the first write


def _allowed(dialect: str, url: str, now: str, upgrade: bool) -> None:
    """Refuse, before anything is touched: a newer database, one without a version, and an older PostgreSQL
    database outside `certmerge db upgrade`."""
    if now == NEW:
        return
    if now == UNVERSIONED:
        raise StoreError(t("the database {shown} holds certmerge's tables but no schema version", shown=shown(url)),
                         _("it was left untouched; `certmerge import` an export into a new database"))
    if newer(now):
        raise StoreError(t("the database {shown} was written by a newer certmerge (schema {rev})", shown=shown(url), rev=now),
                         _("upgrade certmerge; nothing was changed"))
    if dialect != "sqlite" and not upgrade:
        raise StoreError(t("the database {shown} has an older schema ({rev}) than this certmerge ({head})", shown=shown(url), rev=now, head=HEAD),
                         _("a shared database is upgraded on purpose: back it up, then run `certmerge db upgrade`"))


def newer(now: str) -> bool:
    """A schema this program does not know: a later legacy version, or a revision not among its scripts."""
    if now.startswith("legacy:"):
        return not now.removeprefix("legacy:").isdigit() or int(now.removeprefix("legacy:")) not in LEGACY_VERSIONS
    if now in (NEW, UNVERSIONED, HEAD):
        return False
    from .migrations import known

    return not known(now)
