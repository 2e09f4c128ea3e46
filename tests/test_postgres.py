"""The PostgreSQL door: URLs mapped to psycopg 3, a missing driver or a wrong password told in one line without
the password, the open path without Alembic, and export/import from SQLite to PostgreSQL and back losing
nothing (ids, sequences, Japanese text, datetimes, every table)."""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from certmerge.cli import cli
from certmerge.core.model import Change
from certmerge.sources.folder import FolderSource
from tests.helpers import SAMPLES, Clock, make_app, run_cli, sample_case, write_config

runner = CliRunner()
SECRET = "pg-test-secret"


def test_postgres_and_postgresql_urls_go_through_psycopg(tmp_path, postgres):
    for scheme in ("postgres", "postgresql"):
        url = postgres.new_database().replace("postgresql+psycopg", scheme)
        app = make_app(tmp_path / scheme, db_url=url)
        app.init_case(sample_case())
        assert app.store.engine.dialect.driver == "psycopg" and len(app.store.cases()) == 1
        app.close()


def test_without_psycopg_a_postgresql_url_is_one_line_naming_the_extra(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if not installed
    monkeypatch.setenv("CERTMERGE_DATABASE_URL", f"postgresql://team:{SECRET}@db.example.com/certs")
    r = runner.invoke(cli, ["status", "--home", str(tmp_path / "h")])
    assert r.exit_code == 2 and len(r.output.strip().splitlines()) == 1
    assert "psycopg" in r.output and "pip install 'certmerge[postgres]'" in r.output
    assert SECRET not in r.output and "team:***@db.example.com" in r.output


def test_the_demo_needs_no_postgresql_driver(tmp_path):
    code = ("import sys; sys.modules['psycopg'] = None; sys.argv = ['certmerge', 'demo']; "
            "from certmerge.cli import main; main()")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                       env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8"})
    assert r.returncode == 0, r.stderr[-500:]
    assert "closed" in r.stdout


def test_a_wrong_password_is_one_line_without_it(tmp_path, postgres):
    url = postgres.new_database().replace(SECRET, "wrong-" + SECRET)
    write_config(tmp_path / "h", db_url=url)
    r = runner.invoke(cli, ["status", "--home", str(tmp_path / "h")])
    assert r.exit_code == 3 and len(r.output.strip().splitlines()) == 1, r.output
    assert "password authentication failed" in r.output and SECRET not in r.output


def test_a_server_that_is_down_is_one_line_and_not_called_damaged(tmp_path):
    from tests.dovecot import free_port

    write_config(tmp_path / "h", db_url=f"postgresql://certmerge:{SECRET}@127.0.0.1:{free_port()}/db")
    for args in (["status"], ["db", "upgrade"]):
        r = runner.invoke(cli, [*args, "--home", str(tmp_path / "h")])
        assert r.exit_code == 3 and len(r.output.strip().splitlines()) == 1, r.output
        assert "cannot be reached" in r.output and "damaged" not in r.output and SECRET not in r.output


def test_opening_a_database_at_head_does_not_import_alembic(tmp_path, databases):
    app = make_app(tmp_path / "h", db_url=databases.new())
    app.init_case(sample_case())
    app.close()
    code = ("import sys; from certmerge.app import App; from certmerge.config import load_settings; "
            "app = App(load_settings(sys.argv[1])); app.case(); print('alembic' in sys.modules)")
    r = subprocess.run([sys.executable, "-c", code, str(tmp_path / "h")], capture_output=True, text=True, timeout=60)
    assert r.stdout.strip() == "False", r.stderr[-500:]


def populated(home, db_url=""):
    """A home with every table holding rows: cases, mail (Japanese too), events, drafts, positions, seen,
    quarantine, outbox and deliveries (a notify hook), with datetimes."""
    clock = Clock()
    app = make_app(home, clock, config='[notify]\nhook = "cat >/dev/null"\n', db_url=db_url)
    app.init_case(sample_case())
    app.submitted(app.case())
    inbox = home.parent / f"{home.name}-inbox"
    inbox.mkdir()
    (inbox / "00-broken.eml").write_bytes(b"")  # quarantined
    for name in ("04", "07", "11"):  # ISO-2022-JP, Shift_JIS and UTF-8 Japanese mail
        [src] = SAMPLES.glob(f"{name}-*.eml")
        (inbox / src.name).write_bytes(src.read_bytes())
        clock.tick(hours=5)
        app.poll_once(FolderSource(inbox))
    app.draft(app.case())
    app.store.commit(Change(position=("imap:INBOX", 4_000_000_000, 2_999_999_999)))
    return app


def _export(home) -> dict:
    r = run_cli(home, "export")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    data.pop("exported_at")
    return data


def _import(home, data, db_url) -> None:
    write_config(home, db_url=db_url)
    path = home.parent / f"{home.name}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    r = run_cli(home, "import", str(path))
    assert r.returncode == 0, r.stderr


def test_export_from_sqlite_import_into_postgresql_and_back_loses_nothing(tmp_path, postgres):
    app = populated(tmp_path / "lite")
    app.close()
    first = _export(tmp_path / "lite")
    for table in ("cases", "messages", "events", "drafts", "positions", "seen", "quarantine", "outbox", "deliveries"):
        assert first[table], table  # every table holds rows
    assert any("ご" in (m["text"] or "") for m in first["messages"])
    _import(tmp_path / "pg", first, postgres.new_database())
    assert _export(tmp_path / "pg") == first
    _import(tmp_path / "lite2", _export(tmp_path / "pg"), "")
    assert _export(tmp_path / "lite2") == first
    # after rows came in with their ids, new ones get new ids (PostgreSQL's sequences were moved on)
    app = make_app(tmp_path / "pg", Clock())
    case = app.init_case(sample_case(), new=True)
    assert case["id"] == max(c["id"] for c in first["cases"]) + 1
    n = app.store.count("events")
    assert n > len(first["events"])
    app.close()


def test_export_from_postgresql_import_into_sqlite_and_back_loses_nothing(tmp_path, postgres):
    app = populated(tmp_path / "pg", postgres.new_database())
    app.close()
    first = _export(tmp_path / "pg")
    _import(tmp_path / "lite", first, "")
    assert _export(tmp_path / "lite") == first
    _import(tmp_path / "pg2", _export(tmp_path / "lite"), postgres.new_database())
    assert _export(tmp_path / "pg2") == first


def test_the_password_may_come_from_pgpassword_instead_of_the_config(tmp_path, postgres, monkeypatch):
    url = postgres.new_database().replace(f":{SECRET}@", "@")
    monkeypatch.setenv("PGPASSWORD", SECRET)  # libpq's own (as ~/.pgpass): config.toml holds no secret
    app = make_app(tmp_path / "h", db_url=url)
    app.init_case(sample_case())
    assert SECRET not in (tmp_path / "h" / "config.toml").read_text() and len(app.store.cases()) == 1
    app.close()
