"""The database schema: the tables and the queries the store runs most, the column type for aware datetimes,
and the Alembic revision they are (HEAD). Upgrades are Alembic revisions in certmerge/migrations/versions/. Imported by store.py and store_notify.py (with this module, the
only importers of sqlalchemy), so that neither imports the other to get them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (BigInteger, Boolean, Column, DateTime, Float, ForeignKey, Integer, MetaData, String, Table,
                        Text, UniqueConstraint, bindparam, delete, func, insert, select)
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator):
    """Aware datetimes in, aware UTC datetimes out; stored naive in UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store")
        return value.astimezone(dt.timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        return value.replace(tzinfo=dt.timezone.utc) if value is not None else None


metadata = MetaData()

# The Alembic revision these tables are: the newest file in certmerge/migrations/versions/. Opening a database
# compares its alembic_version row with this (plain SQL, no alembic import); tests/test_migrations.py checks
# that it is the scripts' real head. Adding a revision: see that package's __init__.
HEAD = "0003"
# The schema versions of certmerge before Alembic (a `meta` row schema_version); the baseline revision
# upgrades a database of any of them in place.
LEGACY_VERSIONS = (1, 2, 3)

cases = Table(
    "cases", metadata,
    Column("id", Integer, primary_key=True),
    Column("vendor_case_id", String(32), index=True),
    Column("state", String(32), nullable=False),
    Column("language", String(8), nullable=False),
    Column("casefile", Text, nullable=False),  # JSON of the case file
    Column("support_address", Text),
    Column("support_subject", Text),
    Column("support_message_id", Text),
    Column("support_references", Text),
    Column("created_at", UTCDateTime, nullable=False),
    Column("state_since", UTCDateTime, nullable=False),
    Column("last_support_mail_at", UTCDateTime),
    Column("last_reply_sent_at", UTCDateTime),
    Column("deadline", UTCDateTime),
    Column("reopen_by", UTCDateTime),  # support resolved the case; a reply by then reopens it
    Column("missing_items", Text, nullable=False, default="[]"),
    Column("updated_at", UTCDateTime, nullable=False),
)

messages = Table(
    "messages", metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", Integer, ForeignKey("cases.id"), index=True),
    Column("dedupe_key", Text, nullable=False, unique=True),
    Column("message_id", Text, index=True),
    Column("origin", Text),  # where it came from: folder file or mailbox/UID
    Column("subject", Text),
    Column("sender", Text),
    Column("sender_name", Text),
    Column("date", UTCDateTime),
    Column("processed_at", UTCDateTime, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("authenticity", String(16), nullable=False),
    Column("auth_reason", Text),
    Column("reasons", Text),  # JSON list
    Column("vendor_case_id", String(32)),
    Column("language", String(8)),
    Column("needs_review", Boolean, nullable=False, default=False),
    Column("effect", Text),  # what it did to the case, in words
    Column("in_reply_to", Text),
    Column("refs", Text),
    Column("text", Text),  # the new (unquoted) text, for explain
    Column("direction", String(8), nullable=False, default="in"),  # in | out (the user's own reply)
    Column("asks", Text),  # JSON of model.Asks: what the mail asked of the user
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", Integer, ForeignKey("cases.id"), index=True, nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("type", String(16), nullable=False),  # mail | state | action | warning | relabel
    Column("message_ref", Integer, ForeignKey("messages.id")),
    Column("from_state", String(32)),
    Column("to_state", String(32)),
    Column("detail", Text),
    Column("event", String(32)),  # the lifecycle event a user's action applied (relabel re-runs it)
)

positions = Table(
    "positions", metadata,
    Column("source", Text, primary_key=True),
    Column("uidvalidity", BigInteger, nullable=False),  # UIDs and UIDVALIDITY are 32-bit unsigned
    Column("last_uid", BigInteger, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

seen = Table(
    "seen", metadata,
    Column("source", Text, primary_key=True),
    Column("key", Text, primary_key=True),
)

quarantine = Table(  # mail that could not be read: its file in quarantine/, written with the folder position
    "quarantine", metadata,
    Column("id", Integer, primary_key=True),
    Column("file", String(255), nullable=False, unique=True),  # name in quarantine/: content hash + origin hash
    Column("origin", Text),
    Column("reason", Text),
    Column("size", Integer),
    Column("at", UTCDateTime, nullable=False),
)

drafts = Table(
    "drafts", metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", Integer, ForeignKey("cases.id"), nullable=False),
    Column("purpose", String(32), nullable=False),
    Column("path", Text),
    Column("message_id", Text, nullable=False),
    Column("subject", Text),
    Column("created_at", UTCDateTime, nullable=False),
    Column("sent_at", UTCDateTime),
    Column("mailbox", Text),
    Column("mailbox_uid", BigInteger),
    UniqueConstraint("message_id", name="uq_draft_message_id"),
)

case_keys = Table(  # what identifies each case's person in mail, looked up by index to route a mail (routing.py)
    "case_keys", metadata,
    Column("case_id", Integer, ForeignKey("cases.id"), primary_key=True),
    Column("kind", String(16), primary_key=True),  # email | account
    Column("value", String(320), primary_key=True, index=True),  # lower-cased address, or AWS... account ID
)


# What support asked of each case since the user's last reply (pipeline.pending_of over its stored mail), kept in
# step in the transaction that changes the case's mail or row (store_cases.refresh_pending), so that `certmerge
# cases` reads one row per case instead of every case's mail. `version` is the case's updated_at when it was
# computed: a row whose case has changed since (a write that did not refresh it) is not used.
case_pending = Table(
    "case_pending", metadata,
    Column("case_id", Integer, ForeignKey("cases.id"), primary_key=True),
    Column("version", UTCDateTime, nullable=False),
    Column("kind", String(32)),  # the latest asking mail's kind, or null when nothing is asked
    Column("language", String(8), nullable=False),  # the language to answer in
    Column("asks", Text),  # JSON of the merged model.Asks, or null when nothing is asked
)


def write_case_keys(conn, case_id: int, casefile: dict) -> None:
    """Put a case's keys in step with its case file (on create, on replacing the file, on upgrade)."""
    from .core.casefile import casefile_from_dict
    from .core.routing import case_keys as keys_of

    conn.execute(delete(case_keys).where(case_keys.c.case_id == case_id))
    rows = [{"case_id": case_id, "kind": k, "value": v[:320]} for k, v in sorted(keys_of(casefile_from_dict(casefile)))]
    if rows:
        conn.execute(insert(case_keys), rows)


def backfill_case_keys(conn) -> None:
    """The keys of every stored case (schema 4 upgrade, import): a migration can call it with its connection."""
    import json

    for case_id, text in conn.execute(select(cases.c.id, cases.c.casefile)).all():
        write_case_keys(conn, case_id, json.loads(text))




# hot-path reads, built once (building a statement costs as much as running it)
POSITION_Q = select(positions.c.uidvalidity, positions.c.last_uid).where(positions.c.source == bindparam("source"))
HAS_MESSAGE_Q = select(messages.c.id).where(messages.c.dedupe_key == bindparam("key")).limit(1)
CASE_STAMP_Q = select(func.count(), func.max(cases.c.updated_at)).select_from(cases)
SEEN_Q = select(seen.c.key).where(seen.c.source == bindparam("source"), seen.c.key == bindparam("key"))

# The key of the PostgreSQL advisory lock that every write transaction holds (Store.writing): one writer at a
# time per database, whichever machine it runs on. A constant of certmerge's own ("cmrg" in ASCII).
WRITER_LOCK = 0x636D7267
