"""Case keys: what identifies each case's person in mail (addresses, certification account IDs), looked up by
index to route a mail among many cases (issue 15); filled for the cases already stored.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_keys",
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), primary_key=True),
        sa.Column("kind", sa.String(16), primary_key=True),  # email | account
        sa.Column("value", sa.String(320), primary_key=True),
    )
    op.create_index("ix_case_keys_value", "case_keys", ["value"])
    from certmerge.store_schema import backfill_case_keys  # the keys as routing derives them from a case file

    backfill_case_keys(op.get_bind())


def downgrade() -> None:
    op.drop_index("ix_case_keys_value", table_name="case_keys")
    op.drop_table("case_keys")
