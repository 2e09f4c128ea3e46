"""Baseline: the schema of certmerge 0.1 (schema version 3 before Alembic), and the way up from versions 1-3.

A new database gets every table. A database of certmerge before Alembic (a `meta` table with its
schema_version 1, 2 or 3) is upgraded in place: the columns version 2 added, the tables it lacks, its
unbounded texts and 32-bit unsigned UIDs widened on PostgreSQL (SQLite's declared types are only affinities,
so an SQLite file already holds what these types say); then `meta` goes, alembic_version records the
revision instead. The tables are written out here as they are at this revision, not imported: a later
revision changes store_schema.py, never this file.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_DT = sa.DateTime()


def _tables() -> sa.MetaData:
    m = sa.MetaData()
    C = sa.Column
    sa.Table("cases", m, C("id", sa.Integer, primary_key=True), C("vendor_case_id", sa.String(32), index=True),
             C("state", sa.String(32), nullable=False), C("language", sa.String(8), nullable=False),
             C("casefile", sa.Text, nullable=False), C("support_address", sa.Text), C("support_subject", sa.Text),
             C("support_message_id", sa.Text), C("support_references", sa.Text),
             C("created_at", _DT, nullable=False), C("state_since", _DT, nullable=False),
             C("last_support_mail_at", _DT), C("last_reply_sent_at", _DT), C("deadline", _DT), C("reopen_by", _DT),
             C("missing_items", sa.Text, nullable=False), C("updated_at", _DT, nullable=False))
    sa.Table("messages", m, C("id", sa.Integer, primary_key=True),
             C("case_id", sa.Integer, sa.ForeignKey("cases.id"), index=True),
             C("dedupe_key", sa.Text, nullable=False, unique=True), C("message_id", sa.Text, index=True),
             C("origin", sa.Text), C("subject", sa.Text), C("sender", sa.Text), C("sender_name", sa.Text),
             C("date", _DT), C("processed_at", _DT, nullable=False), C("kind", sa.String(32), nullable=False),
             C("confidence", sa.Float, nullable=False), C("authenticity", sa.String(16), nullable=False),
             C("auth_reason", sa.Text), C("reasons", sa.Text), C("vendor_case_id", sa.String(32)),
             C("language", sa.String(8)), C("needs_review", sa.Boolean, nullable=False), C("effect", sa.Text),
             C("in_reply_to", sa.Text), C("refs", sa.Text), C("text", sa.Text),
             C("direction", sa.String(8), nullable=False), C("asks", sa.Text))
    sa.Table("events", m, C("id", sa.Integer, primary_key=True),
             C("case_id", sa.Integer, sa.ForeignKey("cases.id"), index=True, nullable=False),
             C("at", _DT, nullable=False), C("type", sa.String(16), nullable=False),
             C("message_ref", sa.Integer, sa.ForeignKey("messages.id")), C("from_state", sa.String(32)),
             C("to_state", sa.String(32)), C("detail", sa.Text), C("event", sa.String(32)))
    sa.Table("positions", m, C("source", sa.Text, primary_key=True), C("uidvalidity", sa.BigInteger, nullable=False),
             C("last_uid", sa.BigInteger, nullable=False), C("updated_at", _DT, nullable=False))
    sa.Table("seen", m, C("source", sa.Text, primary_key=True), C("key", sa.Text, primary_key=True))
    sa.Table("quarantine", m, C("id", sa.Integer, primary_key=True),
             C("file", sa.String(255), nullable=False, unique=True), C("origin", sa.Text), C("reason", sa.Text),
             C("size", sa.Integer), C("at", _DT, nullable=False))
    sa.Table("drafts", m, C("id", sa.Integer, primary_key=True),
             C("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False),
             C("purpose", sa.String(32), nullable=False), C("path", sa.Text), C("message_id", sa.Text, nullable=False),
             C("subject", sa.Text), C("created_at", _DT, nullable=False), C("sent_at", _DT), C("mailbox", sa.Text),
             C("mailbox_uid", sa.BigInteger), sa.UniqueConstraint("message_id", name="uq_draft_message_id"))
    sa.Table("outbox", m, C("id", sa.Integer, primary_key=True), C("cause", sa.String(255), nullable=False, unique=True),
             C("type", sa.String(32), nullable=False), C("case_id", sa.Integer, sa.ForeignKey("cases.id")),
             C("message_ref", sa.Integer, sa.ForeignKey("messages.id")), C("created_at", _DT, nullable=False),
             C("due_at", _DT), C("language", sa.String(8), nullable=False), C("title", sa.Text, nullable=False),
             C("body", sa.Text, nullable=False), C("facts", sa.Text))
    sa.Table("deliveries", m, C("id", sa.Integer, primary_key=True),
             C("outbox_id", sa.Integer, sa.ForeignKey("outbox.id"), nullable=False, index=True),
             C("channel", sa.String(32), nullable=False), C("attempts", sa.Integer, nullable=False),
             C("next_at", _DT, nullable=False), C("delivered_at", _DT), C("last_error", sa.Text),
             sa.UniqueConstraint("outbox_id", "channel", name="uq_delivery"))
    sa.Table("heartbeat", m, C("name", sa.String(32), primary_key=True), C("pid", sa.Integer), C("host", sa.String(255)),
             C("source", sa.Text), C("started_at", _DT), C("beat_at", _DT), C("reached_at", _DT),
             C("failing_since", _DT), C("last_error", sa.Text))
    return m


# what schema version 2 added to version 1 (version 3 only added tables)
_V2_COLUMNS = (("messages", "asks", sa.Text()), ("cases", "reopen_by", _DT), ("events", "event", sa.String(32)))
# widened on PostgreSQL (a database an older certmerge made there); SQLite ignores declared lengths
_WIDENED = (("cases", "support_address", sa.Text()), ("messages", "dedupe_key", sa.Text()),
            ("messages", "message_id", sa.Text()), ("messages", "sender", sa.Text()),
            ("positions", "source", sa.Text()), ("positions", "uidvalidity", sa.BigInteger()),
            ("positions", "last_uid", sa.BigInteger()), ("seen", "source", sa.Text()), ("seen", "key", sa.Text()),
            ("drafts", "mailbox_uid", sa.BigInteger()))


def upgrade() -> None:
    bind = op.get_bind()
    names = set(sa.inspect(bind).get_table_names())
    tables = _tables()
    if "meta" not in names:
        tables.create_all(bind)
        return
    version = int(bind.execute(sa.text("SELECT value FROM meta WHERE key = 'schema_version'")).scalar_one())
    if version < 2:
        for table, column, type_ in _V2_COLUMNS:
            op.add_column(table, sa.Column(column, type_))
    tables.create_all(bind, checkfirst=True)  # the tables an older version lacked (quarantine, outbox...)
    if bind.dialect.name == "postgresql":
        for table, column, type_ in _WIDENED:
            op.alter_column(table, column, type_=type_)
    op.drop_table("meta")


def downgrade() -> None:
    raise NotImplementedError("certmerge does not go back to an older schema: import an export instead")
