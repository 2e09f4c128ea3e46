"""Schema migrations (Alembic) on SQLite and PostgreSQL: a new database at HEAD, homes of certmerge before
Alembic upgraded in place with every row kept, a newer database refused untouched, PostgreSQL upgraded only
by `certmerge db upgrade`, and two processes opening an old or new database at once.

tests/legacy/schema_vN.sql are real databases of older certmerge (see tests/legacy/README.md): the sample
case run through `init`, `submitted`, `watch --once`, `draft` and `verify` by the code of that version.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from typer.testing import CliRunner

from certmerge import migrations
from certmerge.cli import cli
from certmerge.core.errors import StoreError
from certmerge.store import Store
from certmerge.store_schema import HEAD, metadata
from tests.helpers import ROOT, make_app, sample_case, write_config

LEGACY = ROOT / "tests" / "legacy"
runner = CliRunner()


def legacy_sqlite(path: Path, version: int) -> Path:
    con = sqlite3.connect(path)
    con.executescript((LEGACY / f"schema_v{version}.sql").read_text(encoding="utf-8"))
    con.close()
    return path


def rows(url: str) -> dict[str, set[tuple]]:
    """Every row of every table, as (column, value) pairs, values as text (SQLite and PostgreSQL alike)."""
    engine = create_engine(url)
    out = {}
    with engine.connect() as conn:
        for name in inspect(conn).get_table_names():
            if name not in ("meta", "alembic_version"):
                out[name] = {tuple(sorted((k, _plain(v)) for k, v in r.items()))
                             for r in conn.execute(text(f'SELECT * FROM "{name}"')).mappings()}
    engine.dispose()
    return out


def _plain(v):
    if isinstance(v, bool):
        return int(v)
    return str(v).replace("T", " ") if v is not None and not isinstance(v, (int, float)) else v


def schema_diffs(url: str) -> list:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = create_engine(url)
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
    engine.dispose()
    return diffs


def version_row(url: str) -> list[str]:
    engine = create_engine(url)
    with engine.connect() as conn:
        found = [r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))]
    engine.dispose()
    return found


def test_head_is_the_scripts_head():
    assert HEAD == migrations.head()
    assert migrations.known(HEAD) and not migrations.known("9999")


def test_a_new_database_and_one_migrated_from_nothing_are_both_the_tables(tmp_path, databases):
    """A new database is made from the tables and stamped; running every revision from nothing must give
    the same schema, or a revision and the tables disagree."""
    made, migrated = databases.new() or f"sqlite:///{tmp_path}/a.db", databases.new() or f"sqlite:///{tmp_path}/b.db"
    store = Store(made)
    assert store.schema == ("new", HEAD)
    store.close()
    engine = create_engine(migrated)
    with engine.begin() as conn:
        migrations.upgrade_to_head(conn)
    engine.dispose()
    for url in (made, migrated):
        assert schema_diffs(url) == []
        assert version_row(url) == [HEAD]
    assert Store(made).schema == (HEAD, HEAD)


@pytest.mark.parametrize("version", [1, 2, 3])
def test_a_home_of_certmerge_before_alembic_upgrades_in_place_keeping_every_row(tmp_path, version):
    home = tmp_path / "home"
    home.mkdir()
    db = legacy_sqlite(home / "certmerge.sqlite3", version)
    url = f"sqlite:///{db}"
    before = rows(url)
    assert sum(len(v) for v in before.values()) > 40
    app = make_app(home)
    assert app.store.schema == (f"legacy:{version}", HEAD)
    assert app.case()["vendor_case_id"] == "176530418200731"
    assert app.store.position("imap:INBOX") == (1700000000, 4321)
    app.status()  # the whole case reads
    app.close()
    after = rows(url)
    for table, old in before.items():
        kept = {tuple(p for p in row if p[0] in dict(next(iter(old))).keys()) for row in after[table]}
        assert kept == old, table  # every old row, every old value
    for table in metadata.sorted_tables:  # every column of today's tables is there
        assert set(inspect(create_engine(url)).get_columns(table.name)[i]["name"]
                   for i in range(len(table.c))) == set(table.c.keys())
    assert "meta" not in after and version_row(url) == [HEAD]
    # the stored case can be routed to by the accounts it names (revision 0002 filled its keys)
    keys = {(dict(r)["kind"], dict(r)["value"]) for r in after["case_keys"]}
    assert {("account", "AWS01357913"), ("account", "AWS02468135")} <= keys


def test_a_newer_database_is_refused_and_left_untouched(tmp_path, db_url):
    home = tmp_path / "home"
    app = make_app(home, db_url=db_url)
    app.init_case(sample_case())
    url = app.settings.db_url
    app.close()
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0999'"))
    engine.dispose()
    before = rows(url), _bytes(home)
    with pytest.raises(StoreError, match="newer certmerge"):
        make_app(home).store
    r = runner.invoke(cli, ["status", "--home", str(home)])
    assert r.exit_code == 3 and "written by a newer certmerge (schema 0999)" in r.output
    assert "upgrade certmerge" in r.output and len(r.output.strip().splitlines()) == 1
    assert runner.invoke(cli, ["db", "upgrade", "--home", str(home)]).exit_code == 3
    r = runner.invoke(cli, ["db", "current", "--home", str(home)])
    assert r.exit_code == 0 and "0999" in r.output and "newer than this certmerge" in r.output
    assert (rows(url), _bytes(home)) == before


def _bytes(home: Path) -> str:
    db = home / "certmerge.sqlite3"
    return hashlib.sha256(db.read_bytes()).hexdigest() if db.exists() else ""


def test_a_legacy_version_above_3_is_newer(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    db = legacy_sqlite(home / "certmerge.sqlite3", 3)
    con = sqlite3.connect(db)
    con.execute("UPDATE meta SET value = '4'")
    con.commit()
    con.close()
    digest = _bytes(home)
    r = runner.invoke(cli, ["status", "--home", str(home)])
    assert r.exit_code == 3 and "newer certmerge" in r.output
    assert _bytes(home) == digest


def legacy_postgres(postgres, tmp_path, version: int) -> str:
    """A PostgreSQL database as certmerge before Alembic made one (its tables created by the same DDL, its
    rows copied from the legacy SQLite home)."""
    url = postgres.new_database()
    src = f"sqlite:///{legacy_sqlite(tmp_path / 'old.db', version)}"
    from sqlalchemy import MetaData

    old, new = MetaData(), MetaData()
    sengine = create_engine(src)
    old.reflect(sengine)
    statements = (LEGACY / f"schema_v{version}.sql").read_text(encoding="utf-8").split(";\n")
    creates = {st.split("(")[0].split()[-1].strip('"'): st for st in statements if st.lstrip().startswith("CREATE TABLE")}
    indexes = [st for st in statements if st.lstrip().startswith(("CREATE INDEX", "CREATE UNIQUE INDEX"))]
    engine = create_engine(url)
    with engine.begin() as conn:  # the old DDL as it was, in the order its foreign keys need
        for stmt in [creates[t.name] for t in old.sorted_tables] + indexes:
            conn.exec_driver_sql(stmt.replace("DATETIME", "TIMESTAMP WITHOUT TIME ZONE"))
    new.reflect(engine)
    with sengine.connect() as sconn, engine.begin() as conn:
        for table in old.sorted_tables:
            data = [dict(r) for r in sconn.execute(table.select()).mappings()]
            if data:
                conn.execute(new.tables[table.name].insert(), data)
    sengine.dispose()
    engine.dispose()
    return url


@pytest.mark.parametrize("version", [1, 3])
def test_an_older_postgresql_database_is_upgraded_only_by_db_upgrade(tmp_path, postgres, version):
    url = legacy_postgres(postgres, tmp_path, version)
    home = tmp_path / "home"
    write_config(home, db_url=url)
    before = rows(url)
    r = runner.invoke(cli, ["status", "--home", str(home)])
    assert r.exit_code == 3 and "`certmerge db upgrade`" in r.output and len(r.output.strip().splitlines()) == 1
    assert "pg-test-secret" not in r.output and "***" in r.output
    assert rows(url) == before  # refused before anything was touched
    r = runner.invoke(cli, ["db", "current", "--home", str(home)])
    assert f"schema {version} of a certmerge before migrations" in r.output and "db upgrade" in r.output
    r = runner.invoke(cli, ["db", "upgrade", "--home", str(home)])
    assert r.exit_code == 0 and f"upgraded from schema {version}" in r.output, r.output
    after = rows(url)
    for table, old in before.items():
        names = dict(next(iter(old))).keys() if old else ()
        assert {tuple(p for p in row if p[0] in names) for row in after[table]} == old, table
    assert [d for d in schema_diffs(url) if d[0] != "remove_index"] == []
    r = runner.invoke(cli, ["status", "--home", str(home)])
    assert r.exit_code == 0 and "176530418200731" in r.output
    assert "up to date" in runner.invoke(cli, ["db", "upgrade", "--home", str(home)]).output
    app = make_app(home)  # what PostgreSQL refused before the upgrade: a Message-ID past 512, a UID past 2^31
    from certmerge.core.model import Change

    app.store.commit(Change(position=("imap:INBOX", 4_000_000_000, 3_000_000_000), seen_key=("x", "<" + "m" * 900 + ">")))
    assert app.store.position("imap:INBOX") == (4_000_000_000, 3_000_000_000)
    app.close()


_OPEN = """
import sys, time
from certmerge.store import Store
time.sleep(max(0.0, float(sys.argv[2]) - time.time()))
store = Store(sys.argv[1], upgrade=True)
print(store.schema[0])
"""


@pytest.mark.parametrize("what", ["new", "legacy"])
def test_processes_opening_one_database_at_once_migrate_it_once(tmp_path, databases, what):
    url = databases.new()
    if databases.kind == "sqlite":
        path = tmp_path / "db.sqlite3"
        if what == "legacy":
            legacy_sqlite(path, 1)
        url = f"sqlite:///{path}"
    elif what == "legacy":
        url = legacy_postgres(databases.server, tmp_path, 1)
    before = rows(url) if what == "legacy" else {}
    start = time.time() + 2.5  # every process imported and waiting: they open within a millisecond
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    procs = [subprocess.Popen([sys.executable, "-c", _OPEN, url, str(start)], env=env, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)]
    results = [p.communicate(timeout=60) + (p.returncode,) for p in procs]
    assert all(code == 0 for _, _, code in results), [err[-300:] for _, err, _ in results]
    states = sorted(out.strip() for out, _, _ in results)
    assert states == sorted([HEAD] * 3 + ["new" if what == "new" else "legacy:1"])  # one of them migrated it
    assert version_row(url) == [HEAD]
    after = rows(url)
    for table, old in before.items():
        names = dict(next(iter(old))).keys() if old else ()
        assert {tuple(p for p in row if p[0] in names) for row in after[table]} == old, table
