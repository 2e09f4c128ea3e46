"""Alembic's environment: runs on the connection certmerge hands over (store_open.ensure), in its
transaction; the tables of store_schema.py and store_notify.py are the target of `revision` (autogenerate)."""

from __future__ import annotations

from alembic import context

from certmerge import store_notify  # noqa: F401 - its tables join `metadata`
from certmerge.store_schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise SystemExit("certmerge's migrations run from certmerge (store_open.ensure or `certmerge db upgrade`)")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True, compare_type=True)
with context.begin_transaction():
    context.run_migrations()
