"""The database: SQLAlchemy 2.x Core tables and a Store repository. The only importer of sqlalchemy.

A processed mail, the state change it causes, its history events and the folder position are written
by `Store.commit` in one transaction (a `Change`), so a crash leaves either all of it or none.
SQLite runs in WAL mode with a busy timeout so that `status` and `draft` can read while `watch` writes.
The schema stays portable (no SQLite-only types) so that a shared PostgreSQL fits later.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from sqlalchemy import Table, event, func, insert, select, text, update
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError

from .core.errors import StoreError
from .core.i18n import _, t
from .core.model import Change
from .core.routing import Found, Lookup
from .store_open import (check_sqlite_file, engine_for, ensure, identity, normalized, open_error, sqlite_pragmas,
                         wal)
from .store_schema import (CASE_STAMP_Q, HAS_MESSAGE_Q, HEAD, LEGACY_VERSIONS, POSITION_Q, SEEN_Q, WRITER_LOCK,
                           UTCDateTime, backfill_case_keys, cases, drafts, events, messages, positions, quarantine,
                           seen, metadata)
from .privacy import create_private
from . import store_cases as _cases

@dataclass(frozen=True)
class Snapshot:
    """What one mail's decision reads from the store (Store.snapshot)."""

    seen: bool  # a mail with this dedupe key is stored already
    found: Found  # the cases it could belong to (routing.py decides among them)


class StaleState(StoreError):
    """The case moved under us (another writer): nothing was written."""


def _message_row(row) -> dict[str, Any]:
    d = dict(row._mapping)
    d["reasons"] = json.loads(d["reasons"] or "[]")
    d["asks"] = json.loads(d.get("asks") or "null")
    return d


def _first_line(exc: BaseException, limit: int) -> str:
    """A driver's error as one line (PostgreSQL adds DETAIL and HINT lines)."""
    lines = str(exc).splitlines()
    return (lines[0] if lines else "")[:limit]


def _no_hook(step: str) -> None:  # noqa: ARG001
    return None


def _check_export_schema(data: dict[str, Any]) -> None:
    """An export this program can load: its revision (or, before Alembic, its schema version) is known.
    An older one loads with the columns added since left empty."""
    from .store_open import newer

    rev = data.get("revision") or f"legacy:{data.get('schema_version')}"
    if not isinstance(rev, str) or newer(rev):
        raise StoreError(t("the export has schema {get!r}, newer than this certmerge's ({head})", get=rev, head=HEAD),
                         _("import it with the certmerge version that wrote it, or a newer one"))


def _reset_sequences(conn, names: tuple[str, ...]) -> None:
    """PostgreSQL: rows inserted with their ids leave each id sequence behind; the next insert would collide."""
    for name in names:
        if "id" in metadata.tables[name].c:
            conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                              f"COALESCE(MAX(id), 0) + 1, false) FROM {name}"))


class Store(_cases.CaseRows):
    def __init__(self, url: str, on_write: Callable[[str], None] | None = None, upgrade: bool = False,
                 watcher: str = "watcher") -> None:
        """`on_write(step)` is called at each write step of a commit (the crash tests' hook; app.py arms it).
        `upgrade`: an older PostgreSQL schema may be upgraded (`certmerge db upgrade`); SQLite always may.
        `watcher` names this home's heartbeat row: homes on one shared database each have their own."""
        self.url = url = normalized(url)
        self.watcher = watcher
        self.write_step = on_write or _no_hook
        self.path: Path | None = None
        if url.startswith("sqlite:///"):
            path = self.path = Path(url.removeprefix("sqlite:///"))
            check_sqlite_file(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists():
                create_private(path)  # SQLite gives its -wal and -shm files the database file's mode
        self.engine = engine_for(url)
        self._local = threading.local()
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", sqlite_pragmas)
        try:
            self.schema = ensure(self.engine, url, upgrade)  # (before, after)
            if self.path is not None:
                wal(self.engine)
        except (DatabaseError, sqlite3.DatabaseError) as exc:
            self.engine.dispose()
            raise open_error(url, exc) from None
        except BaseException:
            self.engine.dispose()
            raise
        self._file_id = identity(self.path) if self.path else None
        if self._file_id is not None:
            event.listen(self.engine, "begin", self._same_file)

    def _same_file(self, _conn) -> None:
        """At the start of every transaction: the database file is still the one opened. A file removed or
        replaced meanwhile (SQLite would go on writing into the removed one) stops certmerge, instead of
        losing what it writes from now on."""
        now = identity(self.path)
        if now != self._file_id:
            what = "removed" if now is None else "replaced by another file"
            raise StoreError(t("the database {path} was {what} while certmerge was running; nothing more was written to it", path=self.path, what=what),
                             _("put the database back (or `certmerge import` an export) and start certmerge again"))

    def close(self) -> None:
        conn = getattr(self._local, "reader", None)
        if conn is not None:
            conn.close()
        self.engine.dispose()

    def _read(self, stmt, params: dict | None = None) -> list:
        """Rows of a read on this thread's long-lived connection: a watcher's poll reads a few rows many
        times, and a connection checkout per read costs ~0.3 ms against ~0.04 ms (measured here).
        The rollback ends the read so that the next one sees what other processes committed."""
        conn = getattr(self._local, "reader", None)
        if conn is None or conn.closed:
            conn = self._local.reader = self.engine.connect()
        try:
            return conn.execute(stmt, params).all() if params else conn.execute(stmt).all()
        finally:
            conn.rollback()

    def case_stamp(self) -> tuple[int, dt.datetime | None]:
        """How many cases there are and when the last one changed: one row, whatever their number."""
        row = self._read(CASE_STAMP_Q)[0]
        return row[0], row[1]

    def case_versions(self) -> dict[int, dt.datetime]:
        """Every case's number and when it last changed (what the watcher's timers are kept by)."""
        return {r.id: r.updated_at for r in self._read(select(cases.c.id, cases.c.updated_at))}

    # --- the one write path for processing -------------------------------------------------------
    @contextmanager
    def writing(self):
        """A write transaction that holds the database's one writer lock from its first statement until it
        ends, so that several watchers (or a user's command beside a watcher) on one database take turns:
        what is read inside it is what the write will change. SQLite: BEGIN IMMEDIATE (the file's write
        lock, waited for up to the busy timeout); PostgreSQL: a transaction-scoped advisory lock."""
        with self.engine.begin() as conn:
            if self.engine.dialect.name == "sqlite":
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            elif self.engine.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK})
            yield conn

    def process(self, dedupe_key: str, lookup: Lookup,
                decide: Callable[[Snapshot], Change]) -> tuple[Snapshot, Change, int | None]:
        """Read the snapshot one mail's decision needs, let `decide` (the pure core) turn it into a Change,
        and write that Change: all in one transaction under the writer lock. Two watchers handed the same
        mail therefore store it once: the second one's snapshot says it is stored already."""
        with self._write_errors():
            with self.writing() as conn:
                snap = self._snapshot(conn, dedupe_key, lookup)
                change = decide(snap)
                msg_row = self._write(conn, change)
            self.write_step("commit")
            return snap, change, msg_row

    def commit(self, change: Change) -> int | None:
        """Write a Change in one transaction under the writer lock; returns the stored message's row id."""
        with self._write_errors():
            with self.writing() as conn:
                msg_row = self._write(conn, change)
            self.write_step("commit")
            return msg_row

    @contextmanager
    def _write_errors(self):
        try:
            yield
        except IntegrityError as exc:
            raise StoreError(t("duplicate write refused ({value})", value=_first_line(exc.orig, 100)), _("run the command again")) from None
        except OperationalError as exc:
            raise StoreError(t("the database could not be written ({value})", value=_first_line(exc.orig, 120)),
                             _("check free disk space and permissions of the certmerge home")) from None

    def _write(self, conn, change: Change) -> int | None:
        """A Change's rows, inside the caller's transaction. write_step() marks each write for the crash
        tests: a crash anywhere before the commit leaves nothing, after it everything. What another
        watcher may have written first (a seen key, a quarantined file, a later position) is not written
        again."""
        msg_row = None
        if change.message is not None:
            msg_row = conn.execute(insert(messages).values(**change.message)).inserted_primary_key[0]
            self.write_step("message")
        if change.case_id is not None and change.case_updates:
            self._update_case(conn, change)
            self.write_step("case")
        for row_id, values in change.message_updates.items():
            conn.execute(update(messages).where(messages.c.id == row_id).values(**values))
        if change.drafts_sent_at is not None and change.case_id is not None:
            conn.execute(update(drafts).where(drafts.c.case_id == change.case_id, drafts.c.sent_at.is_(None))
                         .values(sent_at=change.drafts_sent_at))
        for ev in change.events:
            conn.execute(insert(events).values(**{"case_id": change.case_id, "message_ref": msg_row, **ev}))
            self.write_step("event")
        if change.position is not None:
            self._set_position(conn, *change.position)
            self.write_step("position")
        if change.seen_key is not None and conn.execute(SEEN_Q, dict(zip(("source", "key"), change.seen_key))).first() is None:
            conn.execute(insert(seen).values(source=change.seen_key[0], key=change.seen_key[1]))
            self.write_step("seen")
        if change.quarantine is not None and conn.execute(
                select(quarantine.c.id).where(quarantine.c.file == change.quarantine["file"])).first() is None:
            conn.execute(insert(quarantine).values(**change.quarantine))
            self.write_step("quarantine")
        if change.notices:
            _notify.add_notices(conn, change.notices, change.channels, msg_row, self.write_step)
        _cases.refresh_pending(conn, _cases.touched_cases(conn, change))
        return msg_row

    @property
    def notices(self):
        """The outbox, its deliveries and the watcher's heartbeat (store_notify.py)."""
        from .store_notify import NoticeStore

        return NoticeStore(self, self.watcher)

    @staticmethod
    def _update_case(conn, change: Change) -> None:
        stmt = update(cases).where(cases.c.id == change.case_id)
        if change.expected_state is not None:
            stmt = stmt.where(cases.c.state == change.expected_state)
        updates = dict(change.case_updates)
        if "missing_items" in updates:
            updates["missing_items"] = json.dumps(list(updates["missing_items"]))
        if conn.execute(stmt.values(**updates)).rowcount != 1:
            raise StaleState("the case changed while this step ran; nothing was written", "run the command again")

    # --- messages and history --------------------------------------------------------------------
    def snapshot(self, dedupe_key: str, lookup: Lookup) -> Snapshot:
        """What deciding about one mail needs, read in one transaction: whether it is stored already, and the
        cases it could belong to, looked up by index (store_cases.find)."""
        with self.engine.connect() as conn:
            return self._snapshot(conn, dedupe_key, lookup)

    @staticmethod
    def _snapshot(conn, dedupe_key: str, lookup: Lookup) -> Snapshot:
        if conn.execute(HAS_MESSAGE_Q, {"key": dedupe_key}).first() is not None:
            return Snapshot(True, Found())
        return Snapshot(False, _cases.find(conn, lookup))

    def candidate_hints(self) -> tuple[set[str], set[str]]:
        case_ids = {r.vendor_case_id for r in self._read(select(cases.c.vendor_case_id)) if r.vendor_case_id}
        ids = {r.message_id for r in self._read(select(messages.c.message_id).where(
            messages.c.case_id.is_not(None))) if r.message_id}
        ids |= {r.message_id for r in self._read(select(drafts.c.message_id))}
        return case_ids, ids

    def messages(self, case_id: int | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        stmt = select(messages).order_by(messages.c.id.desc())
        if case_id is not None:
            stmt = stmt.where(messages.c.case_id == case_id)
        if limit:
            stmt = stmt.limit(limit)
        with self.engine.connect() as conn:
            return [_message_row(r) for r in conn.execute(stmt)]

    def message_count(self, case_id: int) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(messages).where(messages.c.case_id == case_id)).scalar_one()

    def message(self, ref: str) -> dict[str, Any] | None:
        """A stored message by row number or Message-ID."""
        cond = messages.c.id == int(ref) if ref.isdigit() else messages.c.message_id == ref.strip()
        with self.engine.connect() as conn:
            row = conn.execute(select(messages).where(cond)).first()
        return _message_row(row) if row else None

    def update_message(self, msg_id: int, **values: Any) -> None:
        with self.writing() as conn:
            before = conn.execute(select(messages.c.case_id).where(messages.c.id == msg_id)).scalar()
            conn.execute(update(messages).where(messages.c.id == msg_id).values(**values))
            _cases.refresh_pending(conn, [before, values.get("case_id")])

    def history(self, case_id: int) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            stmt = select(events).where(events.c.case_id == case_id).order_by(events.c.id)
            return [dict(r._mapping) for r in conn.execute(stmt)]

    def count(self, table: str) -> int:
        tbl = metadata.tables[table]
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(tbl)).scalar_one()

    # --- positions --------------------------------------------------------------------------------
    def position(self, source: str) -> tuple[int, int] | None:
        rows = self._read(POSITION_Q, {"source": source})
        return (rows[0].uidvalidity, rows[0].last_uid) if rows else None

    @staticmethod
    def _set_position(conn, source: str, uidvalidity: int, last_uid: int) -> None:
        """Positions only go forward within one UIDVALIDITY (a watcher that lost the race to a mail does
        not take the folder back); a new UIDVALIDITY replaces the position."""
        now = dt.datetime.now(dt.timezone.utc)
        held = conn.execute(POSITION_Q, {"source": source}).first()
        if held is not None:
            if held.uidvalidity == uidvalidity and held.last_uid >= last_uid:
                return
            conn.execute(update(positions).where(positions.c.source == source).values(
                uidvalidity=uidvalidity, last_uid=last_uid, updated_at=now))
        else:
            conn.execute(insert(positions).values(source=source, uidvalidity=uidvalidity,
                                                  last_uid=last_uid, updated_at=now))

    def quarantined(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(select(quarantine).order_by(quarantine.c.id))]

    def seen_keys(self, source: str) -> set[str]:
        with self.engine.connect() as conn:
            return {r.key for r in conn.execute(select(seen.c.key).where(seen.c.source == source))}

    # --- export / import ------------------------------------------------------------------------
    _DUMP_ORDER = ("cases", "messages", "events", "drafts", "positions", "seen", "quarantine", "outbox", "deliveries")

    def dump(self) -> dict[str, Any]:
        """Every row of every table as JSON-ready data (datetimes as ISO 8601 UTC)."""
        # schema_version 3: what certmerge before Alembic checks (these tables are its version 3's)
        out: dict[str, Any] = {"schema_version": LEGACY_VERSIONS[-1], "revision": HEAD}
        with self.engine.connect() as conn:
            for name in self._DUMP_ORDER:
                tbl = metadata.tables[name]
                rows = conn.execute(select(tbl).order_by(*tbl.primary_key.columns)).mappings()
                out[name] = [{k: (v.isoformat() if isinstance(v, dt.datetime) else v) for k, v in r.items()}
                             for r in rows]
        return out

    def load(self, data: dict[str, Any]) -> None:
        """Restore a dump into an empty database, all or nothing."""
        _check_export_schema(data)
        if self.count("cases") or self.count("messages"):
            raise StoreError(_("the database is not empty"), _("import into a new home (--home DIR)"))
        try:
            with self.engine.begin() as conn:
                for name in self._DUMP_ORDER:
                    tbl = metadata.tables[name]
                    rows = [self._revive(tbl, r) for r in data.get(name, [])]
                    if rows:
                        conn.execute(insert(tbl), rows)
                backfill_case_keys(conn)  # derived from the case files: not in an export
                _cases.refresh_pending(conn)  # derived from each case's mail: neither
                if conn.dialect.name == "postgresql":
                    _reset_sequences(conn, self._DUMP_ORDER)
        except (DatabaseError, TypeError, ValueError, KeyError) as exc:
            raise StoreError(t("the export cannot be imported ({name}: {value})", name=exc.__class__.__name__, value=str(exc)[:100]),
                             _("nothing was written; check the file")) from None

    @staticmethod
    def _revive(tbl: Table, row: dict[str, Any]) -> dict[str, Any]:
        out = {}
        for col in tbl.columns:
            v = row.get(col.name)
            if v is not None and isinstance(col.type, UTCDateTime):
                v = dt.datetime.fromisoformat(v)
            out[col.name] = v
        return out

    # --- drafts -----------------------------------------------------------------------------------
    def add_draft(self, **values: Any) -> int:
        with self.engine.begin() as conn:
            return conn.execute(insert(drafts).values(**values)).inserted_primary_key[0]

    def update_draft(self, draft_id: int, **values: Any) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(drafts).where(drafts.c.id == draft_id).values(**values))

    def drafts(self, case_id: int) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            stmt = select(drafts).where(drafts.c.case_id == case_id).order_by(drafts.c.id)
            return [dict(r._mapping) for r in conn.execute(stmt)]


# the outbox, deliveries and heartbeat tables join `metadata` here (they and their queries are in store_notify)
from . import store_notify as _notify  # noqa: E402
