"""tills: how far each till has pulled and when it last pushed (HQ's lag view)

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
    with op.batch_alter_table("tills") as batch:
        batch.add_column(sa.Column("pull_cursor", sa.BigInteger(), server_default="0", nullable=False))
        batch.add_column(sa.Column("last_pull_at", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("caught_up_at", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("last_push_at", sa.String(length=40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("tills") as batch:
        batch.drop_column("last_push_at")
        batch.drop_column("caught_up_at")
        batch.drop_column("last_pull_at")
        batch.drop_column("pull_cursor")
