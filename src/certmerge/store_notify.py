"""The outbox, its deliveries and the watcher's heartbeat: the store's side of notifications.

Split from store.py (which, with this module, are the only importers of sqlalchemy) to keep each short.
An event is an outbox row, unique by its cause (the mail or the timer that caused it); a mail's events are
written by `Store.commit` in the mail's own transaction, a timer's here, each with one delivery row per
channel. A delivery is marked delivered after the channel took it, or its next attempt is put off.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import Column, ForeignKey, Integer, String, Table, Text, UniqueConstraint, func, insert, select, update
from sqlalchemy.exc import OperationalError

from .core.errors import StoreError
from .store_schema import UTCDateTime, metadata

if TYPE_CHECKING:
    from .store import Store

outbox = Table(  # every notification event, once: written with the mail or timer that caused it
    "outbox", metadata,
    Column("id", Integer, primary_key=True),
    Column("cause", String(255), nullable=False, unique=True),  # mail:<dedupe key> | timer:... | outage:...
    Column("type", String(32), nullable=False),  # case_moved | reply_due | deadline_near | ... (notices.py)
    Column("case_id", Integer, ForeignKey("cases.id")),
    Column("message_ref", Integer, ForeignKey("messages.id")),  # the mail that caused it, if a mail did
    Column("created_at", UTCDateTime, nullable=False),
    Column("due_at", UTCDateTime),  # when it was due (a timer's time; a mail's processing time)
    Column("language", String(8), nullable=False),
    Column("title", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("facts", Text),  # JSON: what the text says, as data
)

deliveries = Table(  # one row per event and channel: delivered once, retried with backoff until then
    "deliveries", metadata,
    Column("id", Integer, primary_key=True),
    Column("outbox_id", Integer, ForeignKey("outbox.id"), nullable=False, index=True),
    Column("channel", String(32), nullable=False),  # apprise[N] (the Nth [notify] url) | hook; never the URL
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_at", UTCDateTime, nullable=False),
    Column("delivered_at", UTCDateTime),
    Column("last_error", Text),  # one line, secrets masked
    UniqueConstraint("outbox_id", "channel", name="uq_delivery"),
)

heartbeat = Table(  # the watcher's: alive when, and when it last reached the mailbox
    "heartbeat", metadata,
    Column("name", String(32), primary_key=True),  # "watcher" (a home's own database) or "watcher:<home hash>"
    Column("pid", Integer),
    Column("host", String(255)),
    Column("source", Text),
    Column("started_at", UTCDateTime),
    Column("beat_at", UTCDateTime),
    Column("reached_at", UTCDateTime),  # the last sync that reached the mailbox
    Column("failing_since", UTCDateTime),  # the mailbox unreachable since (None: reachable)
    Column("last_error", Text),
)



def add_notices(conn, notices: list[dict[str, Any]], channels: tuple[str, ...], msg_row: int | None,
                write_step=lambda step: None) -> None:
    """Outbox rows and one delivery per channel for each, inside the caller's transaction."""
    for row in notices:
        values = {**row, "message_ref": msg_row if row.get("message_ref") == "mail" else row.get("message_ref")}
        oid = conn.execute(insert(outbox).values(**values)).inserted_primary_key[0]
        write_step("outbox")
        for ch in channels:
            conn.execute(insert(deliveries).values(outbox_id=oid, channel=ch, attempts=0, next_at=row["created_at"]))




def _row(r) -> dict[str, Any]:
    d = dict(r._mapping)
    if "facts" in d:
        d["facts"] = json.loads(d["facts"] or "{}")
    return d


class NoticeStore:
    def __init__(self, store: Store, watcher: str = "watcher") -> None:
        self.store = store
        self.watcher = watcher
        self.engine = store.engine

    # --- events ------------------------------------------------------------------------------------
    def recorded(self, causes: set[str]) -> set[str]:
        """Which of these causes have their event recorded already."""
        if not causes:
            return set()
        with self.engine.connect() as conn:
            return {r.cause for r in conn.execute(select(outbox.c.cause).where(outbox.c.cause.in_(causes)))}

    def record(self, rows: list[dict[str, Any]], channels: tuple[str, ...]) -> list[dict[str, Any]]:
        """Record events not caused by a mail (timers, the mailbox out of reach), all in one transaction;
        those whose cause is recorded already are left out. Returns the rows written."""
        try:
            with self.store.writing() as conn:  # under the writer lock: two watchers record a timer once
                have = {r.cause for r in conn.execute(select(outbox.c.cause).where(
                    outbox.c.cause.in_([r["cause"] for r in rows])))} if rows else set()
                new = [r for r in rows if r["cause"] not in have]
                add_notices(conn, new, channels, None, self.store.write_step)
            self.store.write_step("commit")
        except OperationalError as exc:
            raise StoreError(f"the database could not be written ({str(exc.orig)[:120]})",
                             "check free disk space and permissions of the certmerge home") from None
        return new

    def events(self, case_id: int | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        stmt = select(outbox).order_by(outbox.c.id)
        if case_id is not None:
            stmt = stmt.where(outbox.c.case_id == case_id)
        with self.engine.connect() as conn:
            rows = [_row(r) for r in conn.execute(stmt)]
        return rows[-limit:] if limit else rows

    def events_after(self, last_id: int) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [_row(r) for r in conn.execute(select(outbox).where(outbox.c.id > last_id).order_by(outbox.c.id))]

    def last_event_id(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.max(outbox.c.id))).scalar() or 0

    # --- deliveries --------------------------------------------------------------------------------
    def due(self, now: dt.datetime, channels: tuple[str, ...]) -> list[dict[str, Any]]:
        """Deliveries not done whose next attempt is due, to channels still configured, oldest event first."""
        if not channels:
            return []
        stmt = (select(deliveries.c.id.label("delivery_id"), deliveries.c.channel, deliveries.c.attempts, outbox)
                .join(outbox, outbox.c.id == deliveries.c.outbox_id)
                .where(deliveries.c.delivered_at.is_(None), deliveries.c.next_at <= now,
                       deliveries.c.channel.in_(channels))
                .order_by(outbox.c.id, deliveries.c.channel))
        with self.engine.connect() as conn:
            return [_row(r) for r in conn.execute(stmt)]

    def next_retry(self, channels: tuple[str, ...]) -> dt.datetime | None:
        if not channels:
            return None
        with self.engine.connect() as conn:
            return conn.execute(select(func.min(deliveries.c.next_at)).where(
                deliveries.c.delivered_at.is_(None), deliveries.c.channel.in_(channels))).scalar()

    def claim(self, delivery_id: int, now: dt.datetime, until: dt.datetime) -> bool:
        """Take a due delivery for this watcher until `until` (its next attempt is put off to then): False
        when another watcher on the same database took it or delivered it first. A watcher that dies after
        claiming leaves it to be tried again at `until`."""
        with self.engine.begin() as conn:
            return conn.execute(update(deliveries).where(
                deliveries.c.id == delivery_id, deliveries.c.delivered_at.is_(None),
                deliveries.c.next_at <= now).values(next_at=until)).rowcount == 1

    def delivered(self, delivery_id: int, now: dt.datetime) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(deliveries).where(deliveries.c.id == delivery_id).values(
                delivered_at=now, last_error=None))
        self.store.write_step("delivered")

    def failed(self, delivery_id: int, channel: str, error: str, retry_at: dt.datetime) -> None:
        """One more failed attempt of this delivery; every later one due to the same channel waits as long
        (the channel is down: they keep their order and the watcher does not spin on them)."""
        with self.engine.begin() as conn:
            conn.execute(update(deliveries).where(deliveries.c.id == delivery_id).values(
                attempts=deliveries.c.attempts + 1, next_at=retry_at, last_error=error[:500]))
            conn.execute(update(deliveries).where(
                deliveries.c.channel == channel, deliveries.c.delivered_at.is_(None),
                deliveries.c.next_at < retry_at).values(next_at=retry_at))

    def deliveries(self, outbox_id: int | None = None) -> list[dict[str, Any]]:
        stmt = select(deliveries).order_by(deliveries.c.id)
        if outbox_id is not None:
            stmt = stmt.where(deliveries.c.outbox_id == outbox_id)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(stmt)]

    def pending(self) -> list[dict[str, Any]]:
        """Per channel: deliveries not done, the oldest's time, attempts and last error (for `service status`)."""
        stmt = (select(deliveries.c.channel, func.count().label("count"), func.min(deliveries.c.next_at).label("next_at"),
                       func.max(deliveries.c.attempts).label("attempts"), func.max(deliveries.c.last_error).label("error"))
                .where(deliveries.c.delivered_at.is_(None)).group_by(deliveries.c.channel).order_by(deliveries.c.channel))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(stmt)]

    # --- heartbeat ---------------------------------------------------------------------------------
    def beat(self, **values: Any) -> None:
        """Update the watcher's heartbeat row (made at the first beat)."""
        with self.engine.begin() as conn:
            if not conn.execute(update(heartbeat).where(heartbeat.c.name == self.watcher).values(**values)).rowcount:
                conn.execute(insert(heartbeat).values(name=self.watcher, **values))

    def heartbeat(self) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(heartbeat).where(heartbeat.c.name == self.watcher)).first()
        return dict(row._mapping) if row else None
