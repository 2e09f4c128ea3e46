"""Reading cases for the core, by index: the candidates of one mail (routing.Lookup -> routing.Found) and the
case records (model.CaseRecord, the case file parsed once). With store.py, store_schema.py and
store_notify.py, the only importers of SQLAlchemy; Store calls these with its connection."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import JSON, bindparam, cast, delete, func, insert, or_, select, type_coerce, update

from .core.casefile import as_record
from .core.caselist import CaseHead
from .core.model import Asks, CaseRecord, CaseState, Lang, MailKind
from .core.pipeline import pending_of
from .core.routing import Found, Lookup, wanted
from .store_schema import case_keys, case_pending, cases, drafts, events, messages, write_case_keys

# built once (building a statement costs as much as running it)
_BY_VENDOR_ID = select(cases.c.id).where(cases.c.vendor_case_id == bindparam("vid"))
_THREAD_MAIL = select(messages.c.case_id).where(messages.c.message_id.in_(bindparam("ids", expanding=True)),
                                                messages.c.case_id.is_not(None)).limit(1)
_THREAD_DRAFT = select(drafts.c.case_id).where(drafts.c.message_id.in_(bindparam("ids", expanding=True))).limit(1)
_KEYS = select(case_keys.c.kind, case_keys.c.value, case_keys.c.case_id).where(
    case_keys.c.value.in_(bindparam("values", expanding=True)))
_RECORDS = select(cases).where(cases.c.id.in_(bindparam("ids", expanding=True)))
_ALL_RECORDS = select(cases).order_by(cases.c.id)


def _record(d: dict[str, Any]) -> CaseRecord:
    """A row of the cases table (as a dict) as the core reads it."""
    d["casefile"] = json.loads(d["casefile"])
    d["missing_items"] = json.loads(d["missing_items"] or "[]")
    return as_record(d)


def _records_of(result) -> list[CaseRecord]:
    """Every row of a query on the cases table as records (the column names read once, not for each row)."""
    keys = list(result.keys())
    return [_record(dict(zip(keys, r))) for r in result]


def records(conn, ids) -> dict[int, CaseRecord]:
    ids = sorted(set(ids))
    return {r.id: r for r in _records_of(conn.execute(_RECORDS, {"ids": ids}))} if ids else {}


def thread_case(conn, ids: list[str]) -> int | None:
    """The case that one of these Message-IDs (stored mail, or a draft of ours) belongs to."""
    if not ids:
        return None
    row = conn.execute(_THREAD_MAIL, {"ids": ids}).first() or conn.execute(_THREAD_DRAFT, {"ids": ids}).first()
    return row[0] if row else None


def _key_hits(conn, keys) -> tuple[frozenset[int], ...]:
    if not keys:
        return ()
    wanted_keys = set(keys)
    hits: dict[tuple[str, str], set[int]] = {}
    for kind, value, case_id in conn.execute(_KEYS, {"values": sorted({v for _k, v in keys})}):
        if (kind, value) in wanted_keys:
            hits.setdefault((kind, value), set()).add(case_id)
    return tuple(frozenset(v) for _k, v in sorted(hits.items()))


def _eligible(conn, lookup: Lookup) -> frozenset[int]:
    out: set[int] = set()
    for e in lookup.eligible:
        stmt = select(cases.c.id).where(cases.c.state.in_(sorted(s.value for s in e.states)))
        if e.unknown_id:
            stmt = stmt.where(cases.c.vendor_case_id.is_(None))
        out |= {r[0] for r in conn.execute(stmt)}
    return frozenset(out)


def find(conn, lookup: Lookup) -> Found:
    """The cases a mail could belong to, by index: its case ID's, its thread's, and (only when neither is
    known) the cases that may adopt it and those whose keys it names; the records deciding needs."""
    by_id = frozenset(r[0] for r in conn.execute(_BY_VENDOR_ID, {"vid": lookup.case_id})) if lookup.case_id \
        else frozenset()
    thread = thread_case(conn, list(lookup.thread_ids))
    found = Found(by_id, thread)
    if not by_id and thread is None and lookup.eligible:
        found = Found(by_id, thread, _key_hits(conn, lookup.keys), _eligible(conn, lookup))
    return Found(found.by_case_id, found.thread_case, found.key_hits, found.eligible, records(conn, wanted(found)))


def _case_row(row) -> dict[str, Any]:
    d = dict(row._mapping)
    d["casefile"] = json.loads(d["casefile"])
    d["missing_items"] = json.loads(d["missing_items"] or "[]")
    return d


def _insert_case(conn, casefile: dict, language: str, state: str, now: dt.datetime, vendor_case_id: str | None,
                 history: list[dict[str, Any]]) -> int:
    case_id = conn.execute(insert(cases).values(
        vendor_case_id=vendor_case_id, state=state, language=language,
        casefile=json.dumps(casefile, ensure_ascii=False), created_at=now, state_since=now,
        updated_at=now, missing_items="[]")).inserted_primary_key[0]
    write_case_keys(conn, case_id, casefile)
    for ev in history:
        conn.execute(insert(events).values(case_id=case_id, **ev))
    refresh_pending(conn, [case_id])
    return case_id


_OPEN = cases.c.state != CaseState.CLOSED.value
_PENDING = (select(messages.c.case_id, messages.c.id, messages.c.date, messages.c.processed_at, messages.c.direction,
                   messages.c.authenticity, messages.c.needs_review, messages.c.effect, messages.c.language,
                   messages.c.kind, messages.c.asks)
            .join(cases, cases.c.id == messages.c.case_id)
            .where(or_(messages.c.asks.is_not(None), messages.c.direction == "out"),
                   or_(cases.c.last_reply_sent_at.is_(None),
                       func.coalesce(messages.c.date, messages.c.processed_at) > cases.c.last_reply_sent_at))
            .order_by(messages.c.case_id, messages.c.id.desc()))


_PENDING_OF = _PENDING.where(messages.c.case_id.in_(bindparam("ids", expanding=True)))
_CASE_INPUTS = select(cases.c.id, cases.c.updated_at, cases.c.last_reply_sent_at, cases.c.language)
_SUMMARIES = select(case_pending.c.case_id, case_pending.c.version, case_pending.c.kind, case_pending.c.language,
                    case_pending.c.asks)

Pending = tuple[Asks, MailKind | None, Lang]  # what pipeline.pending_of returns


def _asking_rows(conn, ids: list[int] | None) -> dict[int, list[dict[str, Any]]]:
    """Each case's stored mail since the user's last reply that asked something or is the user's own (newest
    first): what pending_of reads. All cases (one scan) when `ids` is None, else these by index."""
    out: dict[int, list[dict[str, Any]]] = {}
    rows = conn.execute(_PENDING) if ids is None else conn.execute(_PENDING_OF, {"ids": ids}) if ids else ()
    for r in rows:
        d = dict(r._mapping)
        d["asks"] = json.loads(d["asks"] or "null")
        out.setdefault(r.case_id, []).append(d)
    return out


def fresh_pending(conn, ids: list[int] | None = None) -> dict[int, tuple[Pending, dt.datetime]]:
    """What each case's stored mail asks now (pending_of), with the case's version it was computed at."""
    stmt = _CASE_INPUTS if ids is None else _CASE_INPUTS.where(cases.c.id.in_(ids))
    inputs = conn.execute(stmt).all() if ids is None or ids else []
    asking = _asking_rows(conn, None if ids is None else [r.id for r in inputs])
    return {r.id: (pending_of(asking.get(r.id, []), r.last_reply_sent_at, Lang(r.language)), r.updated_at)
            for r in inputs}


def refresh_pending(conn, ids=None) -> None:
    """Put the cached pending summary of these cases (all when None) in step with their mail, in the caller's
    transaction: every write that changes a case's mail or row calls it before committing."""
    ids = None if ids is None else sorted({i for i in ids if i is not None})
    if ids == []:
        return
    fresh = fresh_pending(conn, ids)
    conn.execute(delete(case_pending) if ids is None else delete(case_pending).where(case_pending.c.case_id.in_(ids)))
    rows = [{"case_id": cid, "version": version, "kind": kind.value if kind else None, "language": lang.value,
             "asks": json.dumps(asks.as_dict(), ensure_ascii=False) if kind else None}
            for cid, ((asks, kind, lang), version) in fresh.items()]
    if rows:
        conn.execute(insert(case_pending), rows)


def touched_cases(conn, change) -> set[int]:
    """The cases whose mail or row a Change wrote (Store._write refreshes their pending summaries with it)."""
    ids = {change.case_id, (change.message or {}).get("case_id")}
    ids |= {v.get("case_id") for v in change.message_updates.values()}
    if change.message_updates:
        ids |= {r[0] for r in conn.execute(select(messages.c.case_id).where(
            messages.c.id.in_(list(change.message_updates))))}
    return {i for i in ids if i is not None}


def cached_pending(conn, versions: dict[int, dt.datetime]) -> dict[int, Pending]:
    """The pending summary of the cases in `versions` (case number -> its updated_at): the cached row where it
    was computed at that version, computed fresh (not stored: this is a read) where it is missing or older."""
    out: dict[int, Pending] = {}
    for cid, version, kind, lang, asks in conn.execute(_SUMMARIES):
        if versions.get(cid) == version:
            out[cid] = (Asks.from_dict(json.loads(asks)) if asks else Asks(), MailKind(kind) if kind else None,
                        Lang(lang))
    stale = [cid for cid in versions if cid not in out]
    if stale:
        out.update((cid, p) for cid, (p, _v) in fresh_pending(conn, stale if len(stale) < 500 else None).items()
                   if cid in versions and cid not in out)
    return out


_HEAD_COLUMNS = ("id", "state", "language", "state_since", "updated_at", "vendor_case_id", "support_address",
                 "last_support_mail_at", "last_reply_sent_at", "deadline", "reopen_by", "missing_items")
_HEAD_PATHS = {"person": ("user", "name"), "company": ("user", "company"), "target": ("target", "account_id"),
               "source": ("source", "account_id")}
_HEADS: dict[str, Any] = {}  # by dialect name


def _heads_query(dialect: str):
    """Every case's head, the case file's four values read by the database: SQLite's JSON_EXTRACT on the stored
    text, PostgreSQL's #>> on it cast to JSON (on SQLite a cast would make the text a number)."""
    if dialect not in _HEADS:
        doc = cast(cases.c.casefile, JSON) if dialect == "postgresql" else type_coerce(cases.c.casefile, JSON)
        _HEADS[dialect] = select(*(cases.c[name] for name in _HEAD_COLUMNS),
                                 *(doc[path].as_string().label(name) for name, path in _HEAD_PATHS.items())
                                 ).order_by(cases.c.id)
    return _HEADS[dialect]


def _head(d: dict[str, Any]) -> CaseHead:
    return CaseHead(id=d["id"], state=CaseState(d["state"]), language=Lang(d["language"]),
                    state_since=d["state_since"], updated_at=d["updated_at"], person=d["person"] or "",
                    company=d["company"] or "", target=d["target"] or "", source=d["source"] or "",
                    vendor_case_id=d["vendor_case_id"], support_address=d["support_address"],
                    last_support_mail_at=d["last_support_mail_at"], last_reply_sent_at=d["last_reply_sent_at"],
                    deadline=d["deadline"], reopen_by=d["reopen_by"],
                    missing_items=tuple(json.loads(d["missing_items"] or "[]")))


class CaseRows:
    """The cases table for Store (which gives `engine`, `writing` and `_read`): create, replace the case file,
    read."""

    def create_case(self, casefile: dict, language: str, state: str, now: dt.datetime,
                    vendor_case_id: str | None, history: list[dict[str, Any]]) -> int:
        with self.writing() as conn:
            return _insert_case(conn, casefile, language, state, now, vendor_case_id, history)

    def create_cases(self, rows: list[tuple[dict, str, tuple[str, list[dict[str, Any]]], str | None]],
                     now: dt.datetime) -> list[int]:
        """Many cases in one transaction (all or none): (case file, language, (state, history), vendor ID)."""
        with self.writing() as conn:
            return [_insert_case(conn, cf, lang, state, now, vid, history) for cf, lang, (state, history), vid in rows]

    def replace_casefile(self, case_id: int, casefile: dict, language: str, vendor_case_id: str | None,
                         now: dt.datetime, detail: str) -> None:
        with self.writing() as conn:
            conn.execute(update(cases).where(cases.c.id == case_id).values(
                casefile=json.dumps(casefile, ensure_ascii=False), language=language,
                vendor_case_id=vendor_case_id, updated_at=now))
            write_case_keys(conn, case_id, casefile)
            conn.execute(insert(events).values(case_id=case_id, at=now, type="action", detail=detail))
            refresh_pending(conn, [case_id])  # the language to answer in falls back on the case's

    def cases(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [_case_row(r) for r in conn.execute(select(cases).order_by(cases.c.id))]

    def case(self, case_id: int) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(cases).where(cases.c.id == case_id)).first()
        return _case_row(row) if row else None

    def case_ids(self, open_only: bool = False) -> list[int]:
        stmt = select(cases.c.id).order_by(cases.c.id)
        return [r[0] for r in self._read(stmt.where(_OPEN) if open_only else stmt)]

    def records(self, ids: list[int] | None = None) -> list[CaseRecord]:
        """Cases as the core reads them (all when `ids` is None), oldest first."""
        with self.engine.connect() as conn:
            if ids is None:
                return _records_of(conn.execute(_ALL_RECORDS))
            return [r for _id, r in sorted(records(conn, ids).items())]

    def heads(self) -> list[CaseHead]:
        """Every case as `certmerge cases` lists it, oldest first, without parsing any case file."""
        with self.engine.connect() as conn:
            result = conn.execute(_heads_query(conn.dialect.name))
            keys = list(result.keys())
            return [_head(dict(zip(keys, r))) for r in result]

    def newest_language(self) -> str | None:
        rows = self._read(select(cases.c.language).order_by(cases.c.id.desc()).limit(1))
        return rows[0][0] if rows else None

    def account_pairs(self) -> set[frozenset[str]]:
        """The pair of account IDs of every case (a bulk import leaves out a case already recorded)."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(case_keys.c.case_id, case_keys.c.value).where(case_keys.c.kind == "account"))
            by_case: dict[int, set[str]] = {}
            for case_id, value in rows:
                by_case.setdefault(case_id, set()).add(value)
        return {frozenset(v) for v in by_case.values()}

    def pending_summaries(self, records: list[CaseRecord] | list[CaseHead]) -> dict[int, Pending]:
        """What support asked each of these cases since the user's last reply (pipeline.pending_of): from the
        summary kept in step with each case's mail, one row a case (cached_pending)."""
        with self.engine.connect() as conn:
            return cached_pending(conn, {r.id: r.updated_at for r in records})
