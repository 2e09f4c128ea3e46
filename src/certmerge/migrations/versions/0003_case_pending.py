"""Case pending summaries: what support asked of each case since the user's last reply, kept in step with the
case's mail so that `certmerge cases` reads one row a case instead of every case's mail (issue 15, point 6);
filled for the cases already stored.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_pending",
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), primary_key=True),
        sa.Column("version", sa.DateTime(), nullable=False),  # the case's updated_at, UTC
        sa.Column("kind", sa.String(32)),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("asks", sa.Text),
    )
    from certmerge.store_cases import refresh_pending  # the summaries as the store computes them

    refresh_pending(op.get_bind())


def downgrade() -> None:
    op.drop_table("case_pending")
